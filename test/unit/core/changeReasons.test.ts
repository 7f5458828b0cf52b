import { strict as assert } from 'node:assert';
import { changeReasons, hunkReason } from '../../../src/core/engine/changeReasons';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { improveWithModel } from '../../../src/core/model/improveWithModel';
import { inMemoryModel } from '../llm/inMemoryModel';
import { goodModel } from '../llm/scriptedModel';

const ROUGH = 'Summarize this article for me. Make it good and not too long.\n';

describe('change reasons: what a result can say about each hunk', () => {
  it('a heuristic rewrite credits each hunk with its strategies and their bullets, the rest is layout', () => {
    const result = improvePrompt(ROUGH);
    assert.ok(result.changed && result.strategies.length > 0);
    const reasons = result.explanation.diffs.map((hunk) => hunkReason(result, hunk));
    assert.ok(reasons.some((reason) => reason.kind === 'strategies'));
    result.explanation.diffs.forEach((hunk, index) => {
      const reason = reasons[index]!;
      if (hunk.strategies.length === 0) return assert.deepEqual(reason, { kind: 'layout' });
      assert.deepEqual(reason, {
        kind: 'strategies',
        reasons: hunk.strategies.map((strategy) => ({ strategy, text: result.explanation.bullets[result.strategies.indexOf(strategy)] })),
      });
    });
    assert.deepEqual(
      changeReasons(result.explanation.bullets, result.strategies).map((reason) => reason.strategy),
      result.strategies,
      'every bullet names the strategy that wrote it',
    );
  });

  it('a model rewrite (no strategies) gives each hunk the model’s bullets for the whole change, never “layout”', async () => {
    const result = await improveWithModel(ROUGH, {}, { model: inMemoryModel('test-model', goodModel), signal: new AbortController().signal });
    assert.equal(result.source, 'engine/llm:test-model', JSON.stringify(result.engine));
    assert.deepEqual(result.strategies, []);
    const { bullets, diffs } = result.explanation;
    assert.deepEqual(bullets, ['Added a role so the model knows whose voice to use', 'Added an output format']);
    assert.ok(diffs.length >= 2, 'the scripted rewrite adds text before and after the prompt');
    for (const hunk of diffs) assert.deepEqual(hunkReason(result, hunk), { kind: 'model', bullets, onlyChange: false });
    assert.deepEqual(changeReasons(bullets, result.strategies), bullets.map((text) => ({ text })), 'no bullet is credited to a strategy');
  });

  it('a model rewrite of one hunk says so: the bullets are that hunk’s', () => {
    const hunk = { id: 'h0', oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: ['-a', '+b'], strategies: [] };
    const reason = hunkReason({ source: 'engine/llm:m', strategies: [], explanation: { bullets: ['Made it specific'], diffs: [hunk] } }, hunk);
    assert.deepEqual(reason, { kind: 'model', bullets: ['Made it specific'], onlyChange: true });
  });
});
