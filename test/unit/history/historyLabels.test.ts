import * as assert from 'node:assert/strict';
import { baseName, clip, codeBlock, promptTitle, relativeTime, scoreText, sourceKind } from '../../../src/history/tree/historyLabels';
import { asPromptRef, asVersionRef } from '../../../src/history/tree/historyNodes';

describe('History view labels', () => {
  it('a prompt’s title is the first words of its first line that says something', () => {
    assert.equal(promptTitle('Summarize this article for me. Make it good and not too long.'), 'Summarize this article for me…');
    assert.equal(promptTitle('Write a haiku.'), 'Write a haiku.');
    assert.equal(promptTitle('Write a short haiku about the autumn leaves falling'), 'Write a short haiku about the…');
    assert.equal(promptTitle('# Role\n\nYou are a careful editor.'), 'Role…');
    assert.equal(promptTitle('\n\n- Fix the bug\n- Add tests'), 'Fix the bug…');
    assert.equal(promptTitle('---\n\nExplain closures'), 'Explain closures');
    assert.equal(promptTitle(''), '');
    const long = promptTitle(`${'Supercalifragilistic'.repeat(5)} word`);
    assert.ok(long.length <= 41 && long.endsWith('…'), long);
  });

  it('sources, scores, file names', () => {
    assert.equal(sourceKind('original'), 'original');
    assert.equal(sourceKind('engine/heuristic@1'), 'heuristic');
    assert.equal(sourceKind('engine/llm:gpt-4o'), 'model');
    assert.equal(scoreText(41), '41/50');
    assert.equal(scoreText(23.45), '23.5/50');
    assert.equal(scoreText(null), undefined);
    assert.equal(baseName('prompts/summary.prompt.md'), 'summary.prompt.md');
    assert.equal(baseName(undefined), undefined);
  });

  it('relative times read as people say them', () => {
    const now = Date.UTC(2025, 5, 15, 12);
    assert.equal(relativeTime(now - 5_000, now), 'now');
    assert.equal(relativeTime(now - 5 * 60_000, now), '5 minutes ago');
    assert.equal(relativeTime(now - 26 * 3600_000, now), 'yesterday');
    assert.equal(relativeTime(now - 3 * 7 * 24 * 3600_000, now), '3 weeks ago');
    assert.equal(relativeTime(now - 60_000, now, 'not a locale!'), '1 minute ago');
  });

  it('a code block holds any text, backticks included', () => {
    assert.equal(codeBlock('plain'), '```\nplain\n```');
    assert.equal(codeBlock('has ``` inside'), '````\nhas ``` inside\n````');
    assert.deepEqual(clip('short', 10), { text: 'short', clipped: false });
    assert.deepEqual(clip('line one\nline two\nline three', 20), { text: 'line one\nline two', clipped: true });
  });

  it('commands accept tree nodes and plain references alike', () => {
    const ref = { historyKey: 'file:///w/.prompter', promptId: 'p1', versionId: 'p1-v2' };
    assert.deepEqual(asVersionRef({ ...ref, extra: true }), ref);
    assert.equal(asVersionRef({ historyKey: 'k', promptId: 'p' }), undefined);
    assert.equal(asVersionRef([ref]), undefined);
    assert.deepEqual(asPromptRef(ref), { historyKey: ref.historyKey, promptId: 'p1' });
    assert.equal(asPromptRef(undefined), undefined);
  });
});
