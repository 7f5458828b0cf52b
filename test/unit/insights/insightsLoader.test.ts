import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type { HistoryRepository } from '../../../src/core/history';
import { linkLearning } from '../../../src/core/learningStore';
import { InsightsLoader } from '../../../src/insights/insightsLoader';
import { buildInsightsModel } from '../../../src/insights/insightsModel';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { insightsHistory } from '../../helpers/insightsHistory';
import { seedInsightsHistory } from '../../helpers/seedInsightsHistory';
import { scoreOf, tempDir, versionOf } from '../storage/storeTestKit';

/** A repository that records which prompt ids each getPrompts call asked for. */
function spied(inner: HistoryRepository): { repository: HistoryRepository; asked: string[][] } {
  const asked: string[][] = [];
  const repository: HistoryRepository = Object.create(inner) as HistoryRepository;
  repository.getPrompts = (ids) => {
    asked.push([...ids]);
    return inner.getPrompts(ids);
  };
  return { repository, asked };
}

describe('insights loader', function () {
  this.timeout(60_000);

  it('reads a realistic history whole, and then only the prompts that changed', async () => {
    const dir = tempDir('insights');
    const history = insightsHistory({ versions: 220, runsPerPrompt: 6, weeks: 10, endMs: Date.UTC(2026, 10, 30), seed: 3 });
    const seeded = await seedInsightsHistory(dir, history);
    assert.equal(seeded.versions, 220);
    const { repository, asked } = spied(openHistoryStore(dir));
    const loader = new InsightsLoader(repository, () => linkLearning(repository).report());

    const first = await loader.load();
    assert.equal(first.prompts.length, seeded.prompts);
    assert.equal(first.versionCount, 220);
    assert.equal(first.prompts.flat().length, 220, 'every stored version is scored');
    assert.equal(first.metrics.filter((m) => m.kind === 'improve').length, seeded.improveRuns);
    assert.equal(first.feedback.length, seeded.feedback);
    const model = buildInsightsModel(first);
    assert.equal(model.improveRuns, seeded.improveRuns);
    assert.ok(model.weekly.length >= 7, `${model.weekly.length} weeks`);
    assert.ok(model.engines.some((e) => e.model) && model.fallbacks.length > 0, 'the fixture has model runs and fallbacks');
    assert.ok(model.strategies.length > 5 && model.topPatterns.length > 0);
    assert.equal(asked.flat().length, seeded.prompts);

    asked.length = 0;
    await loader.load();
    assert.deepEqual(asked, [], 'nothing changed: nothing re-read');

    const [latest, other] = await repository.listPrompts();
    await repository.appendVersion(latest!.id, versionOf(latest!.bestVersionId, 'One more rewrite.', ['add-steps']), scoreOf(49), { adoptIfAtLeastBest: true });
    await repository.deletePrompt(other!.id);
    const after = await loader.load();
    assert.deepEqual(asked, [[latest!.id]], 'only the changed prompt is read again');
    assert.equal(after.prompts.length, seeded.prompts - 1, 'a deleted prompt is gone');
    assert.ok(after.prompts[0]!.some((v) => v.total === 49 && v.strategies.includes('add-steps')));
  });

  it('refreshes events from where it stopped, and its model always equals a fresh load\'s', async () => {
    const dir = tempDir('insights-incremental');
    await seedInsightsHistory(dir, insightsHistory({ versions: 120, runsPerPrompt: 6, weeks: 6, endMs: Date.UTC(2026, 10, 30), seed: 5 }));
    const inner = openHistoryStore(dir);
    const reads: boolean[] = [];
    const repository: HistoryRepository = Object.create(inner) as HistoryRepository;
    repository.readEventsSince = async (cursor) => {
      const since = await inner.readEventsSince(cursor);
      reads.push(since.incremental);
      return since;
    };
    const loader = new InsightsLoader(repository, () => linkLearning(repository).report());
    const assertAsFresh = async (when: string) => {
      const kept = await loader.load();
      const fresh = await new InsightsLoader(inner, () => linkLearning(inner).report()).load();
      assert.deepEqual(kept, fresh, when);
      assert.deepEqual(buildInsightsModel(kept), buildInsightsModel(fresh), when);
    };
    await assertAsFresh('first load');
    for (let run = 0; run < 6; run += 1) {
      const [prompt] = await inner.listPrompts();
      const appended = await inner.appendVersion(prompt!.id, versionOf(prompt!.bestVersionId, `Run ${run}`, ['add-steps']), scoreOf(20 + run * 5), { adoptIfAtLeastBest: true });
      await inner.recordMetric({ kind: 'improve', promptId: prompt!.id, engine: 'heuristic@1', timeToResultMs: 40 + run, adopted: appended.adopted, total: 20 + run * 5 });
      if (appended.stored && run % 2 === 0) {
        await inner.recordFeedback({ promptId: prompt!.id, versionId: appended.version.id, decision: 'accepted', hunks: [], strategies: ['add-steps'], via: 'editor' });
      }
      if (run === 3) await inner.recordMetric({ kind: 'judge', engine: 'llm:gpt-4o-mini', timeToResultMs: 900, adopted: false, total: 33 });
      await assertAsFresh(`after run ${run}`);
    }
    // Hundreds more events at once (the CLI, another window): across segment boundaries.
    const before = (await inner.listMetrics()).length;
    await seedInsightsHistory(dir, insightsHistory({ versions: 200, runsPerPrompt: 8, weeks: 2, endMs: Date.UTC(2026, 11, 14), seed: 6 }));
    assert.ok(Math.floor(before / 256) < Math.floor((await inner.listMetrics()).length / 256), 'the batch crossed a segment boundary');
    await assertAsFresh('after a batch from another process');
    assert.deepEqual(reads, [false, true, true, true, true, true, true, true], 'every refresh after the first resumed');

    // The store replaced by another one (deleted, and written again by another process): a full read.
    rmSync(dir, { recursive: true, force: true });
    await seedInsightsHistory(dir, insightsHistory({ versions: 30, runsPerPrompt: 4, weeks: 2, endMs: Date.UTC(2026, 11, 14), seed: 8 }));
    await assertAsFresh('after the store was replaced');
    assert.equal(reads.at(-1), false);
  });

  it('two loads at once do not both append the same new events', async () => {
    const dir = tempDir('insights-concurrent');
    await seedInsightsHistory(dir, insightsHistory({ versions: 40, runsPerPrompt: 4, weeks: 3, endMs: Date.UTC(2026, 10, 30), seed: 2 }));
    const repository = openHistoryStore(dir);
    const loader = new InsightsLoader(repository, () => linkLearning(repository).report());
    await loader.load();
    await repository.recordMetric({ kind: 'judge', engine: 'heuristic@1', timeToResultMs: 3, adopted: false, total: 30 });
    const [one, two] = await Promise.all([loader.load(), loader.load()]);
    const metrics = await repository.listMetrics();
    assert.deepEqual([one.metrics, two.metrics, (await loader.load()).metrics], [metrics, metrics, metrics]);
  });

  it('an empty or missing store loads as empty', async () => {
    const repository = openHistoryStore(tempDir('insights-empty'));
    const data = await new InsightsLoader(repository, () => linkLearning(repository).report()).load();
    assert.deepEqual([data.prompts, data.metrics, data.feedback, data.versionCount], [[], [], [], 0]);
  });
});
