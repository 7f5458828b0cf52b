import { strict as assert } from 'node:assert';
import { diagnosePrompt } from '../../../src/core/diagnostics/diagnosePrompt';

describe('prompt diagnostics', () => {
  it('places text problems where they are, past any front matter', () => {
    const file = '---\nmode: agent\n---\nWrite a fairly short summary of it.\n';
    const { diagnostics } = diagnosePrompt(file);
    const vague = diagnostics.find((d) => d.rule === 'vague-words')!;
    assert.equal(file.slice(vague.span.start, vague.span.end), 'fairly');
    assert.equal(vague.severity, 'warning');
    assert.equal(vague.axis, 'clarity');
  });

  it('anchors advice about something missing on the first line of the body', () => {
    const file = '---\nx: 1\n---\nWrite a haiku.\nAbout rain.';
    const format = diagnosePrompt(file).diagnostics.find((d) => d.rule === 'no-output-format');
    // A haiku names its format, so this one is about context instead.
    const context = diagnosePrompt(file).diagnostics.find((d) => d.rule === 'no-context')!;
    assert.equal(format, undefined);
    assert.equal(file.slice(context.span.start, context.span.end), 'Write a haiku.');
    assert.equal(context.severity, 'information');
  });

  it('flags placeholders nobody filled in, empty headings and shouting', () => {
    const file = 'Role:\nTask:\nSummarize the text below. NEVER MAKE THINGS UP.\n\n"""\n[paste the text here]\n"""\nTODO: add audience';
    const rules = diagnosePrompt(file).diagnostics.map((d) => d.rule);
    assert.equal(rules.filter((r) => r === 'unresolved-placeholder').length, 2);
    assert.ok(rules.includes('empty-heading'));
    assert.ok(rules.includes('shouting'));
  });

  it('keeps the judge’s score of the body', () => {
    const { scorecard } = diagnosePrompt('---\ntitle: x\n---\nExplain recursion to a beginner in 3 sentences.');
    assert.ok(scorecard.total > 0 && scorecard.total <= 50);
  });
});
