import { strict as assert } from 'node:assert';
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

  it('an empty or missing store loads as empty', async () => {
    const repository = openHistoryStore(tempDir('insights-empty'));
    const data = await new InsightsLoader(repository, () => linkLearning(repository).report()).load();
    assert.deepEqual([data.prompts, data.metrics, data.feedback, data.versionCount], [[], [], [], 0]);
  });
});
