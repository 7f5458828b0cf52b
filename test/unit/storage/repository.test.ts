import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryRepository } from '../../../src/core/history';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { StoreError } from '../../../src/storage/storeError';
import { EVENT_SEGMENT_SIZE, INDEX_PAGE_SIZE, VERSION_PAGE_SIZE } from '../../../src/storage/storeLayout';
import { scoreOf, tempDir, versionOf } from './storeTestKit';

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected a StoreError with code ${code}`);
}

describe('history store: repository operations', function () {
  // Each write fsyncs ~9 times (FORMAT.md); the page-spanning cases do a few hundred writes.
  this.timeout(60_000);
  let dir: string;
  let repo: HistoryRepository;
  beforeEach(() => {
    dir = join(tempDir('repo'), 'nested', '.prompter');
    repo = openHistoryStore(dir);
  });

  it('reads a missing folder as an empty store without creating it, and creates it on the first write', async () => {
    assert.deepEqual(await repo.listPrompts(), []);
    assert.deepEqual(await repo.listFeedback(), []);
    assert.equal(await repo.readLearningState(), undefined);
    assert.equal(await repo.revision(), 0);
    assert.equal(existsSync(dir), false);
    await repo.createPrompt('Help me code.', {});
    assert.equal(existsSync(join(dir, 'store.json')), true);
  });

  it('stores the original as version 0, best until something scores at least as well', async () => {
    const created = await repo.createPrompt('Help me code.', { file: 'prompts/a.prompt.md', languageId: 'prompt' }, { score: scoreOf(12) });
    assert.equal(created.original.versionNo, 0);
    assert.equal(created.original.source, 'original');
    assert.equal(created.original.parentVersionId, null);
    assert.equal(created.original.text, 'Help me code.');
    assert.equal(created.prompt.bestVersionId, created.original.id);
    assert.equal(created.prompt.bestScore, 12);
    assert.equal(created.score?.promptVersionId, created.original.id);
    const [summary] = await repo.listPrompts();
    assert.equal(summary?.bestScore, 12);
    assert.equal(summary?.bestVersionNo, 0);
    assert.deepEqual(summary?.origin, { file: 'prompts/a.prompt.md', languageId: 'prompt' });
  });

  it('a prompt created without a score has a null best score and adopts its first judged version', async () => {
    const { prompt, original } = await repo.createPrompt('x', {});
    assert.equal(prompt.bestScore, null);
    const result = await repo.appendVersion(prompt.id, versionOf(original.id, 'y'), scoreOf(0), { adoptIfAtLeastBest: true });
    assert.equal(result.adopted, true);
    assert.deepEqual(result.best, { versionId: `${prompt.id}-v1`, versionNo: 1, score: 0 });
  });

  it('adopts only when total >= bestScore (equal adopts, lower does not), numbering versions 1, 2, 3…', async () => {
    const { prompt, original } = await repo.createPrompt('Help me code.', {}, { score: scoreOf(20) });
    const adopt = { adoptIfAtLeastBest: true };
    const v1 = await repo.appendVersion(prompt.id, versionOf(original.id, 'v1'), scoreOf(30), adopt);
    const v2 = await repo.appendVersion(prompt.id, versionOf(original.id, 'v2'), scoreOf(29.5), adopt);
    const v3 = await repo.appendVersion(prompt.id, versionOf(original.id, 'v3'), scoreOf(30), adopt);
    const v4 = await repo.appendVersion(prompt.id, versionOf(original.id, 'v4'), scoreOf(45), { adoptIfAtLeastBest: false });
    assert.ok(v1.stored && v2.stored && v3.stored && v4.stored);
    assert.deepEqual([v1.version.versionNo, v2.version.versionNo, v3.version.versionNo, v4.version.versionNo], [1, 2, 3, 4]);
    assert.deepEqual([v1.adopted, v2.adopted, v3.adopted, v4.adopted], [true, false, true, false]);
    assert.deepEqual(v4.best, { versionId: `${prompt.id}-v3`, versionNo: 3, score: 30 });
    const detail = await repo.getPrompt(prompt.id);
    assert.equal(detail?.prompt.bestVersionId, `${prompt.id}-v3`);
    assert.equal(detail?.prompt.bestScore, 30);
    assert.deepEqual(detail?.versions.map((v) => v.version.versionNo), [0, 1, 2, 3, 4]);
    assert.deepEqual(detail?.versions.map((v) => v.scores[0]?.total), [20, 30, 29.5, 30, 45]);
    const stored = detail?.versions[1]?.version;
    assert.deepEqual(stored?.strategies, ['add-role']);
    assert.equal(stored?.parentVersionId, original.id);
    assert.deepEqual(stored?.engine, { id: 'heuristic@1', rendering: 'markdown' });
    assert.equal(stored?.timeToResultMs, 12);
    assert.equal(stored?.explanation.diffs[0]?.lines[0], '+add-role line');
  });

  it('onlyIfAdopted stores nothing when the total is below the best (the "no further improvement" case)', async () => {
    const { prompt, original } = await repo.createPrompt('p', {}, { score: scoreOf(40) });
    const before = await repo.revision();
    const result = await repo.appendVersion(prompt.id, versionOf(original.id, 'worse'), scoreOf(39), {
      adoptIfAtLeastBest: true,
      onlyIfAdopted: true,
    });
    assert.deepEqual(result, { stored: false, adopted: false, best: { versionId: original.id, versionNo: 0, score: 40 } });
    assert.equal(await repo.revision(), before, 'nothing was written');
    assert.equal((await repo.getPrompt(prompt.id))?.versions.length, 1);
    const better = await repo.appendVersion(prompt.id, versionOf(original.id, 'same'), scoreOf(40), {
      adoptIfAtLeastBest: true,
      onlyIfAdopted: true,
    });
    assert.equal(better.stored && better.version.versionNo, 1);
  });

  it('getVersion finds any version by id; unknown ids read as undefined, malformed ones are refused', async () => {
    const { prompt, original } = await repo.createPrompt('p', {});
    const r = await repo.appendVersion(prompt.id, versionOf(original.id, 'v1'), scoreOf(10), { adoptIfAtLeastBest: true });
    assert.ok(r.stored);
    const found = await repo.getVersion(r.version.id);
    assert.equal(found?.version.text, 'v1');
    assert.equal(found?.scores[0]?.total, 10);
    assert.equal(await repo.getVersion(`${prompt.id}-v7`), undefined);
    assert.equal(await repo.getPrompt('000000000000000'), undefined);
    await rejectsWith(repo.getVersion('../../etc/passwd'), 'invalid-input');
    await rejectsWith(repo.getPrompt('../x'), 'invalid-input');
  });

  it('checks what it is given: parent of the same prompt, score ranges, known prompt', async () => {
    const a = await repo.createPrompt('a', {});
    const b = await repo.createPrompt('b', {});
    await rejectsWith(repo.appendVersion(a.prompt.id, versionOf(b.original.id, 'x'), scoreOf(10), { adoptIfAtLeastBest: true }), 'invalid-input');
    await rejectsWith(repo.appendVersion(a.prompt.id, versionOf(a.original.id, 'x'), scoreOf(51), { adoptIfAtLeastBest: true }), 'invalid-input');
    await rejectsWith(repo.appendVersion('000000000000000', versionOf('000000000000000-v0', 'x'), scoreOf(1), { adoptIfAtLeastBest: true }), 'not-found');
    const wrongSource = { ...versionOf(a.original.id, 'x'), source: 'original' } as unknown as Parameters<HistoryRepository['appendVersion']>[1];
    await rejectsWith(repo.appendVersion(a.prompt.id, wrongSource, scoreOf(1), { adoptIfAtLeastBest: true }), 'invalid-input');
  });

  it('never deletes version 0 alone; deleting the best re-picks the best; numbers are not reused', async () => {
    const { prompt, original } = await repo.createPrompt('p', {}, { score: scoreOf(10) });
    const adopt = { adoptIfAtLeastBest: true };
    await repo.appendVersion(prompt.id, versionOf(original.id, 'v1'), scoreOf(25), adopt);
    await repo.appendVersion(prompt.id, versionOf(original.id, 'v2'), scoreOf(20), adopt);
    await repo.appendVersion(prompt.id, versionOf(original.id, 'v3'), scoreOf(30), adopt);
    const err = await rejectsWith(repo.deleteVersion(original.id), 'protected-original');
    assert.match(err.message, /Delete the whole prompt/);
    const deleted = await repo.deleteVersion(`${prompt.id}-v3`);
    assert.deepEqual(deleted.best, { versionId: `${prompt.id}-v1`, versionNo: 1, score: 25 });
    await rejectsWith(repo.deleteVersion(`${prompt.id}-v3`), 'not-found');
    const next = await repo.appendVersion(prompt.id, versionOf(original.id, 'v4'), scoreOf(1), adopt);
    assert.equal(next.stored && next.version.versionNo, 4);
    const [summary] = await repo.listPrompts();
    assert.equal(summary?.versionCount, 4);
    assert.equal(summary?.bestVersionId, `${prompt.id}-v1`);
    await repo.deleteVersion(`${prompt.id}-v2`); // not the best: best unchanged
    assert.equal((await repo.getPrompt(prompt.id))?.prompt.bestVersionId, `${prompt.id}-v1`);
    await repo.deleteVersion(`${prompt.id}-v1`);
    await repo.deleteVersion(`${prompt.id}-v4`);
    assert.deepEqual((await repo.listPrompts())[0]?.bestVersionId, original.id, 'back to the original');
  });

  it('deletes a whole prompt with its files and index entry', async () => {
    const a = await repo.createPrompt('a', {});
    const b = await repo.createPrompt('b', {});
    assert.equal(await repo.deletePrompt(a.prompt.id), true);
    assert.equal(await repo.deletePrompt(a.prompt.id), false);
    assert.deepEqual((await repo.listPrompts()).map((p) => p.id), [b.prompt.id]);
    assert.equal(await repo.getPrompt(a.prompt.id), undefined);
    assert.equal(existsSync(join(dir, 'prompts', a.prompt.id)), false);
  });

  it('spans pages: many prompts and many versions of one prompt survive a cold reopen, newest prompt first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < INDEX_PAGE_SIZE + 3; i += 1) ids.push((await repo.createPrompt(`prompt ${i}`, {})).prompt.id);
    const first = ids[0]!;
    for (let i = 1; i <= VERSION_PAGE_SIZE * 2 + 1; i += 1) {
      await repo.appendVersion(first, versionOf(`${first}-v${i - 1}`, `v${i}`), scoreOf(i % 50), { adoptIfAtLeastBest: true });
    }
    const cold = openHistoryStore(dir);
    const list = await cold.listPrompts();
    assert.deepEqual(list.map((p) => p.id), [...ids].reverse());
    const detail = await cold.getPrompt(first);
    assert.equal(detail?.versions.length, VERSION_PAGE_SIZE * 2 + 2);
    assert.deepEqual(detail?.versions.map((v) => v.version.versionNo), [...Array(VERSION_PAGE_SIZE * 2 + 2).keys()]);
    assert.equal(detail?.prompt.bestScore, 49);
    assert.equal(readdirSync(join(dir, 'index')).length, 2);
    assert.equal(readdirSync(join(dir, 'prompts', first)).filter((n) => n.startsWith('versions-')).length, 3);
  });

  it('records feedback and metric events across segments and lists them oldest first', async () => {
    const { prompt, original } = await repo.createPrompt('p', {});
    const count = EVENT_SEGMENT_SIZE + 5;
    for (let i = 0; i < count; i += 1) {
      await repo.recordFeedback({
        promptId: prompt.id,
        versionId: original.id,
        decision: i % 2 ? 'partial' : 'rejected',
        hunks: [{ hunkId: 'h0', accepted: i % 2 === 1, strategies: ['add-role'] }],
        strategies: ['add-role'],
        via: 'cli',
      });
    }
    await repo.recordMetric({ kind: 'improve', engine: 'heuristic@1', timeToResultMs: 7, adopted: true, total: 31, promptId: prompt.id });
    await repo.recordMetric({ kind: 'judge', engine: 'llm:gpt', timeToResultMs: 900, adopted: false, fallbackReason: 'timeout' });
    const feedback = await openHistoryStore(dir).listFeedback();
    assert.equal(feedback.length, count);
    assert.deepEqual(feedback.slice(0, 2).map((f) => f.decision), ['rejected', 'partial']);
    assert.deepEqual(feedback[1]?.hunks, [{ hunkId: 'h0', accepted: true, strategies: ['add-role'] }]);
    assert.ok(existsSync(join(dir, 'events', 'feedback-000002.json')));
    const metrics = await repo.listMetrics();
    assert.deepEqual(metrics.map((m) => [m.kind, m.engine, m.adopted, m.fallbackReason]), [
      ['improve', 'heuristic@1', true, undefined],
      ['judge', 'llm:gpt', false, 'timeout'],
    ]);
    await rejectsWith(
      repo.recordFeedback({ promptId: prompt.id, versionId: '000000000000000-v1', decision: 'accepted', hunks: [], strategies: [], via: 'cli' }),
      'invalid-input',
    );
  });

  it('keeps the learning state whole, updates it read-modify-write, and resets it', async () => {
    assert.equal(await repo.readLearningState(), undefined);
    const first = await repo.writeLearningState({ strategies: { 'add-role': { applied: 3, gain: 1.5 } } });
    assert.equal(first.revision, 1);
    const second = await repo.updateLearningState((current) => ({ ...current, rounds: 7 }));
    assert.equal(second.revision, 2);
    assert.deepEqual((await openHistoryStore(dir).readLearningState())?.state, {
      strategies: { 'add-role': { applied: 3, gain: 1.5 } },
      rounds: 7,
    });
    await repo.resetLearningState();
    assert.equal(await repo.readLearningState(), undefined);
  });

  it('bumps the revision in store.json on every write, from any repository instance', async () => {
    const other = openHistoryStore(dir);
    await repo.createPrompt('a', {});
    const r1 = await other.revision();
    await other.recordMetric({ kind: 'judge', engine: 'heuristic@1', timeToResultMs: 1, adopted: false });
    const r2 = await repo.revision();
    await repo.writeLearningState({});
    const r3 = await other.revision();
    assert.ok(r1 >= 1 && r2 === r1 + 1 && r3 === r2 + 1, `${r1} ${r2} ${r3}`);
  });
});
