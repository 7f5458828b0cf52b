import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewScore, NewVersion } from '../../../src/core/history';
import { createAndImprove, improveAgain } from '../../../src/core/improveLoop';
import { improveWithModel } from '../../../src/core/model/improveWithModel';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import type { ChatCall, Reply } from '../llm/chatServer';
import { inMemoryModel } from '../llm/inMemoryModel';
import { goodModel, keepingRewrite, panel } from '../llm/scriptedModel';

const store = () => openHistoryStore(mkdtempSync(join(tmpdir(), 'prompter-cross-judge-')));
const now = () => performance.now();
const PROMPT = 'Summarize the meeting notes below for the team.\n\n{notes}';

function score(total: number, judge: string): NewScore {
  const axis = total / 5;
  return { clarity: axis, specificity: axis, actionability: axis, structure: axis, contextUse: axis, total, feedback: { pros: [], cons: [], summary: 's' }, suggestions: [], judge };
}

function version(parentVersionId: string, text: string, source: NewVersion['source'] = 'engine/llm:m'): NewVersion {
  return { text, explanation: { bullets: ['b'], diffs: [] }, source, strategies: [], parentVersionId, engine: { id: source.slice('engine/'.length) }, timeToResultMs: 1 };
}

// A model judge on its own scale: a model rewrite (it has the scripted role line) 6 per axis, any other text 5.
const modestJudge = (call: ChatCall): Reply => {
  if (call.kind === 'rewrite') return { json: keepingRewrite(call) };
  if (call.kind === 'panel') return { json: panel(call, (_, text) => (text.includes('You are a careful expert') ? 6 : 5)) };
  return goodModel(call);
};

describe('adoption across judges: the caller’s verdict decides when the best was scored by another judge', () => {
  it('the store adopts by the verdict, whatever the totals, while the version it compared with is still the best', async () => {
    const repository = store();
    const { prompt, original } = await repository.createPrompt('p', {}, { score: score(40, 'heuristic@1') });
    const below = await repository.appendVersion(prompt.id, version(original.id, 'model says better'), score(30, 'llm:m'), {
      adoptIfAtLeastBest: true,
      verdict: { comparedWithVersionId: original.id, atLeastBest: true },
    });
    assert.equal(below.adopted, true, 'a lower total from another judge is adopted on the verdict');
    assert.equal(below.best.score, 30);
    const above = await repository.appendVersion(prompt.id, version(original.id, 'model says worse'), score(45, 'llm:m'), {
      adoptIfAtLeastBest: true,
      onlyIfAdopted: true,
      verdict: { comparedWithVersionId: below.stored ? below.version.id : '', atLeastBest: false },
    });
    assert.deepEqual([above.stored, above.adopted], [false, false], 'a higher total is not adopted when the verdict says no');
    const stale = await repository.appendVersion(prompt.id, version(original.id, 'compared with v0, but v1 is best now'), score(49, 'llm:m'), {
      adoptIfAtLeastBest: true,
      verdict: { comparedWithVersionId: original.id, atLeastBest: true },
    });
    assert.equal(stale.adopted, false, 'a verdict against a version that is no longer the best adopts nothing');
    assert.equal((await repository.getPrompt(prompt.id))!.prompt.bestVersionId, below.stored ? below.version.id : '');
  });

  it('a model rewrite the model judge prefers in both orders is adopted over a heuristic best with a higher total', async () => {
    const repository = store();
    const first = await createAndImprove({ repository, now }, PROMPT);
    const heuristicBest = first.result.judge.after.total;
    assert.ok(heuristicBest > 30, `the test needs a heuristic best above the model's 30 (got ${heuristicBest})`);
    const model = inMemoryModel('m', modestJudge);
    const again = await improveAgain({ repository, now, improve: (text, options) => improveWithModel(text, options, { model, signal: new AbortController().signal }) }, first.promptId);
    assert.equal(again.result.engine.id, 'llm:m', JSON.stringify(again.result.engine));
    assert.deepEqual([again.result.judge.before.total, again.result.judge.after.total], [25, 30]);
    assert.equal(again.adopted, true, again.message);
    const detail = (await repository.getPrompt(first.promptId))!;
    assert.equal(detail.prompt.bestVersionId, again.versionId);
    assert.equal(detail.prompt.bestScore, 30);
  });

  it('the heuristic fallback that improves a model-scored best is adopted on the heuristic judge’s own comparison', async () => {
    const repository = store();
    const generous = (call: ChatCall): Reply => (call.kind === 'panel' ? { json: panel(call, (_, text) => (text.includes('You are a careful expert') ? 10 : 2)) } : goodModel(call));
    const model = inMemoryModel('m', generous);
    const first = await createAndImprove({ repository, now, improve: (text, options) => improveWithModel(text, options, { model, signal: new AbortController().signal }) }, PROMPT);
    assert.equal(first.result.engine.id, 'llm:m');
    assert.equal(first.result.judge.after.total, 50);
    const again = await improveAgain({ repository, now }, first.promptId);
    assert.equal(again.result.engine.id, 'heuristic@1');
    assert.ok(again.result.changed, 'the heuristic engine rewrote the model’s version');
    assert.ok(again.result.judge.after.total >= again.result.judge.before.total);
    assert.ok(again.result.judge.after.total < 50, 'below the model’s 50: the totals alone would refuse it');
    assert.equal(again.adopted, true, again.message);
  });

  it('from an older version, a rewrite judged by another judge than the best’s is not adopted (nothing comparable)', async () => {
    const repository = store();
    const first = await createAndImprove({ repository, now }, PROMPT);
    const v0 = (await repository.getPrompt(first.promptId))!.versions[0]!.version;
    const model = inMemoryModel('m', modestJudge);
    const again = await improveAgain({ repository, now, improve: (text, options) => improveWithModel(text, options, { model, signal: new AbortController().signal }) }, first.promptId, v0.id);
    assert.equal(again.result.engine.id, 'llm:m');
    assert.equal(again.adopted, false);
    assert.equal(again.versionId, undefined);
    assert.match(again.message, /No further improvement found; v1 stays best/);
  });
});
