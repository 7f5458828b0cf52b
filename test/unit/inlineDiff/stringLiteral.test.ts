import { strict as assert } from 'node:assert';
import { Script } from 'node:vm';
import { literalAt } from '../../../src/stringLiteral/literalAt';

const PROMPT = 'You are a reviewer.\nCheck the "diff" below; don\'t guess.\nPath: C:\\repo\\src `x` ${notAVar} """ end\\';

/** The literal around the first occurrence of `marker` in `code`. */
function around(code: string, marker: string, language: string) {
  const at = code.indexOf(marker);
  return literalAt(code, at, at + marker.length, language);
}

describe('string literals', () => {
  for (const [quote, language] of [
    ["'", 'typescript'],
    ['"', 'javascript'],
    ['`', 'typescriptreact'],
  ] as const) {
    it(`writes any prompt into a JavaScript ${quote}…${quote} literal so the code still parses to it`, () => {
      const code = `const a = 1; // it's "quoted"\nconst p = ${quote}Short prompt.${quote};\n`;
      const literal = around(code, 'Short prompt.', language);
      assert.ok(literal, 'no literal found');
      assert.equal(literal.codec.decode(code.slice(literal.contentStart, literal.contentEnd)), 'Short prompt.');
      const encoded = literal.codec.encode(PROMPT);
      const next = code.slice(0, literal.contentStart) + encoded + code.slice(literal.contentEnd);
      assert.equal(new Script(`${next}; p`).runInNewContext({}), PROMPT);
      assert.equal(literal.codec.decode(encoded), PROMPT);
    });
  }

  it('decodes escapes so the engine sees the prompt, not its source', () => {
    const code = "const p = 'Line one\\nLine two: it\\'s \\u00e9\\x41';";
    const literal = around(code, 'Line one', 'typescript');
    assert.ok(literal);
    assert.equal(literal.codec.decode(code.slice(literal.contentStart, literal.contentEnd)), "Line one\nLine two: it's éA");
  });

  it('finds template chunks between ${…} expressions, and nothing in comments or code', () => {
    const code = 'const t = `Hello ${name} and welcome`; // "not a string"\nconst n = 42;';
    assert.equal(around(code, 'and welcome', 'typescript')?.kind, 'js `…`');
    assert.equal(around(code, 'Hello', 'typescript')?.kind, 'js `…`');
    assert.equal(around(code, 'not a string', 'typescript'), undefined);
    assert.equal(around(code, '42', 'typescript'), undefined);
    assert.equal(around(code, 'Hello ${name}', 'typescript'), undefined, 'a selection across an expression is not inside one chunk');
  });

  it('handles Python strings: triple-quoted, prefixed, raw, and comments', () => {
    const code = [
      '# a "comment" here',
      'SYSTEM = """You are a helpful assistant.',
      'Answer briefly."""',
      "short = f'Summarize {doc}'",
      'raw = r"C:\\path"',
      'RAW = r"""Keep \\d+ as is."""',
    ].join('\n');
    const triple = around(code, 'helpful assistant', 'python');
    assert.equal(triple?.kind, 'python """…');
    assert.equal(triple?.codec.encode('Say "hi" \\ bye'), 'Say \\"hi\\" \\\\ bye');
    assert.equal(around(code, 'Summarize', 'python')?.kind, "python f'…");
    assert.equal(around(code, 'comment', 'python'), undefined);
    assert.equal(around(code, 'path', 'python'), undefined, 'one-line raw strings cannot hold escapes: used as is');
    const rawTriple = around(code, 'Keep', 'python');
    assert.equal(rawTriple?.codec.decode('Keep \\d+'), 'Keep \\d+');
    assert.equal(rawTriple?.codec.encode('a """ b'), 'a "" " b');
  });

  it('ignores languages it does not know', () => {
    assert.equal(literalAt('p = "x"', 5, 6, 'ruby'), undefined);
  });
});
