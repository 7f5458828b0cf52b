import { strict as assert } from 'node:assert';
import { diagnosePrompt } from '../../../src/core/diagnostics/diagnosePrompt';
import { applyHunks } from '../../../src/core/engine/hunks';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { promptSpan, promptStart } from '../../../src/core/input/frontMatter';
import { checkPromptText } from '../../../src/core/input/promptInput';
import { judgePrompt } from '../../../src/core/judge/judgePrompt';
import axisPairs from '../../fixtures/judge/axisPairs.json';

const HEAD = '---\nmode: agent\ntools: [codebase, "Output format: JSON", "You are an expert"]\ndescription: Summaries\n---\n';
const BODY = 'Summarize this article for me. Make it good and not too long.\n';

describe('front matter set aside', () => {
  it('the prompt starts after the front matter and the empty lines that follow it', () => {
    assert.equal(promptStart(BODY), 0);
    assert.equal(promptStart(HEAD + BODY), HEAD.length);
    assert.equal(promptStart(`${HEAD}\n\n${BODY}`), HEAD.length + 2);
    const crlf = '---\r\nmode: agent\r\n---\r\n\r\nWrite a haiku.\r\n';
    assert.equal(crlf.slice(promptStart(crlf)), 'Write a haiku.\r\n');
    assert.equal(promptStart(`\uFEFF${HEAD}${BODY}`), HEAD.length + 1);
    // A line of spaces is text, not a separator: it stays with the prompt (the judge reads it).
    assert.equal(promptStart(`${HEAD}  \n${BODY}`), HEAD.length);
    // No closing ---, or --- that is not on the first line: no front matter.
    assert.equal(promptStart('---\nmode: agent\nWrite a haiku.\n'), 0);
    assert.equal(promptStart(`\n${HEAD}${BODY}`), 0);
    assert.equal(promptStart(HEAD), HEAD.length);
  });

  it('a selection that covers the front matter starts where the prompt does; one inside it holds no prompt', () => {
    const file = `${HEAD}\n${BODY}`;
    const start = HEAD.length + 1;
    assert.deepEqual(promptSpan(file, { start: 0, end: file.length }), { span: { start, end: file.length }, afterFrontMatter: true });
    assert.deepEqual(promptSpan(file, { start: 5, end: start + 9 }), { span: { start, end: start + 9 }, afterFrontMatter: true });
    assert.deepEqual(promptSpan(file, { start: start + 2, end: start + 9 }), { span: { start: start + 2, end: start + 9 }, afterFrontMatter: false });
    for (const end of [3, HEAD.length, start]) {
      const { span, afterFrontMatter } = promptSpan(file, { start: 0, end });
      assert.ok(afterFrontMatter && span.start === span.end, `selection 0–${end}`);
    }
    assert.deepEqual(promptSpan(BODY, { start: 0, end: 9 }), { span: { start: 0, end: 9 }, afterFrontMatter: false });
  });

  it('the judge scores the prompt after the empty lines as the diagnostics score the body, so Score agrees with the status bar', () => {
    const prompts = [BODY, ...axisPairs.flatMap((pair) => [pair.worse, pair.better])];
    for (const prompt of prompts) {
      for (const file of [HEAD + prompt, `${HEAD}\n${prompt}`, `${HEAD}\n\n\n${prompt}`, `${HEAD.replace(/\n/g, '\r\n')}\r\n${prompt}`]) {
        const expected = diagnosePrompt(file).scorecard.total;
        assert.equal(judgePrompt(file.slice(promptStart(file))).total, expected, JSON.stringify(file.slice(0, 120)));
      }
    }
  });

  it('accepting every hunk of the prompt leaves the front matter as it was, byte for byte', () => {
    const file = `${HEAD.replace(/\n/g, '\r\n')}\r\n${BODY}`;
    const start = promptStart(file);
    const result = improvePrompt(file.slice(start));
    assert.ok(result.changed);
    const accepted = file.slice(0, start) + applyHunks(file.slice(start), result.explanation.diffs, new Set(result.explanation.diffs.map((h) => h.id)));
    assert.ok(accepted.startsWith(`${HEAD.replace(/\n/g, '\r\n')}\r\n## Role`), accepted.slice(0, 200));
    assert.equal(accepted.slice(start), result.improved);
    // The rewrite is the one the prompt gets without front matter: the YAML never reaches the engine.
    assert.equal(result.improved, improvePrompt(BODY).improved);
  });

  it('a file of front matter only is refused like an empty one, saying that only front matter is there', () => {
    const empty = checkPromptText('  \n', 1000, true);
    assert.equal(empty.ok, false);
    if (empty.ok) return;
    assert.equal(empty.problem, 'empty');
    assert.match(empty.message, /only front matter/);
    const plain = checkPromptText('');
    assert.ok(!plain.ok && plain.problem === 'empty' && !plain.message.includes('front matter'));
  });
});
