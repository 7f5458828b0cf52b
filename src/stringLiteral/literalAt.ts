/**
 * Finds the string literal, if any, whose content holds a selection in TypeScript/JavaScript or Python
 * source. A small scanner (strings and comments only) is enough: it has to know where literals start and
 * end, not what the code means. Pure (no vscode).
 */
import type { LiteralCodec } from './literalCodecs';
import { quotedCodec, rawTripleCodec, templateCodec, tripleCodec } from './literalCodecs';

/** A literal whose content contains the selection. */
export interface LiteralMatch {
  /** For messages and logs: `js '…'`, `python """…"""`, … */
  kind: string;
  codec: LiteralCodec;
  /** Content offsets (between the quotes) in the document text. */
  contentStart: number;
  contentEnd: number;
}

interface Literal {
  kind: string;
  codec: LiteralCodec | undefined;
  contentStart: number;
  contentEnd: number;
}

const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

/**
 * The literal containing [start, end) in `text`, or undefined when the selection is not inside one
 * (or the language is not supported). Literals whose escapes cannot be written (Python raw strings on one
 * line) match with no codec and are reported as undefined too: the text is then used as it is.
 */
export function literalAt(text: string, start: number, end: number, languageId: string): LiteralMatch | undefined {
  const scan = JS_LANGUAGES.has(languageId) ? scanJs : languageId === 'python' ? scanPython : undefined;
  if (!scan) return undefined;
  for (const literal of scan(text, end)) {
    if (literal.contentStart <= start && end <= literal.contentEnd) {
      return literal.codec ? { kind: literal.kind, codec: literal.codec, contentStart: literal.contentStart, contentEnd: literal.contentEnd } : undefined;
    }
  }
  return undefined;
}

/** End of a quoted run starting after its opening quote: the index of the closing quote (or of the line end). */
function closeQuoted(text: string, from: number, quote: string, multiline: boolean): number {
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (text.startsWith(quote, i)) return i;
    else if (!multiline && char === '\n') return i;
    else i += 1;
  }
  return text.length;
}

/** JavaScript/TypeScript literals up to `limit` (template chunks between `${…}` count separately). */
function* scanJs(text: string, limit: number): Generator<Literal> {
  let i = 0;
  const braces: ('code' | 'template')[] = [];
  while (i < text.length && i <= limit) {
    const char = text[i] ?? '';
    if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else if (char === "'" || char === '"') {
      const close = closeQuoted(text, i + 1, char, false);
      yield { kind: `js ${char}…${char}`, codec: quotedCodec(char), contentStart: i + 1, contentEnd: close };
      i = close + 1;
    } else if (char === '`' || (char === '}' && braces.at(-1) === 'template')) {
      if (char === '}') braces.pop();
      const chunk = yield* templateChunk(text, i + 1);
      i = chunk.next;
      if (chunk.opensExpression) braces.push('template');
    } else {
      if (char === '{') braces.push('code');
      if (char === '}') braces.pop();
      i += 1;
    }
  }
}

/** One template chunk from `from` to the closing backtick or the next `${`. */
function* templateChunk(text: string, from: number): Generator<Literal, { next: number; opensExpression: boolean }> {
  let i = from;
  while (i < text.length && text[i] !== '`' && !text.startsWith('${', i)) i += text[i] === '\\' ? 2 : 1;
  yield { kind: 'js `…`', codec: templateCodec, contentStart: from, contentEnd: Math.min(i, text.length) };
  if (text.startsWith('${', i)) return { next: i + 2, opensExpression: true };
  return { next: i + 1, opensExpression: false };
}

/** Python literals up to `limit`, with their prefixes (r, b, u, f and pairs of them). */
function* scanPython(text: string, limit: number): Generator<Literal> {
  let i = 0;
  while (i < text.length && i <= limit) {
    const char = text[i] ?? '';
    if (char === '#') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
      continue;
    }
    const prefix = /^[rRbBuUfF]{0,2}(?='|")/.exec(text.slice(i, i + 3));
    const quoteAt = i + (prefix?.[0].length ?? 0);
    const quote = text[quoteAt];
    const startsToken = i === 0 || !/[\w]/.test(text[i - 1] ?? '');
    if (prefix && startsToken && (quote === "'" || quote === '"')) {
      const raw = /[rR]/.test(prefix[0]);
      const triple = text.startsWith(quote.repeat(3), quoteAt);
      const open = quoteAt + (triple ? 3 : 1);
      const close = closeQuoted(text, open, triple ? quote.repeat(3) : quote, triple);
      const codec = triple ? (raw ? rawTripleCodec(quote) : tripleCodec(quote)) : raw ? undefined : quotedCodec(quote);
      yield { kind: `python ${prefix[0]}${triple ? quote.repeat(3) : quote}…`, codec, contentStart: open, contentEnd: close };
      i = close + (triple ? 3 : 1);
    } else {
      i += 1;
    }
  }
}
