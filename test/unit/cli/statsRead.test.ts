import { strict as assert } from 'node:assert';
import { versionFacts } from '../../../src/cli/commands/statsCommand';
import type { HistoryRepository } from '../../../src/core/history';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { scoreOf, tempDir, versionOf } from '../storage/storeTestKit';

/** The repository with a count of the calls to each of its methods. */
function counted(repository: HistoryRepository): { repository: HistoryRepository; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(repository, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(key), (calls.get(String(key)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { repository: proxy, calls };
}

describe('prompter stats: reading the history', () => {
  it('reads every prompt in one batch read, not one read per prompt', async () => {
    const store = openHistoryStore(tempDir('stats-read'));
    for (let p = 0; p < 5; p += 1) {
      const { prompt, original } = await store.createPrompt(`Prompt ${p}`, {}, { score: scoreOf(10) });
      for (let v = 0; v < 2; v += 1) await store.appendVersion(prompt.id, versionOf(original.id, `Prompt ${p} v${v}`, ['add-role', 'add-constraints']), scoreOf(20 + p + v), { adoptIfAtLeastBest: true });
    }
    const { repository, calls } = counted(store);
    const facts = await versionFacts(repository);
    assert.equal(facts.length, 10, 'every rewrite, no original');
    assert.deepEqual(facts.map((f) => f.total).sort((a, b) => a - b), [20, 21, 21, 22, 22, 23, 23, 24, 24, 25]);
    assert.deepEqual(Object.fromEntries(calls), { listPrompts: 1, getPrompts: 1 });
  });
});
