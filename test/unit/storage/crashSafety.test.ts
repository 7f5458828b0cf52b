import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryRepository } from '../../../src/core/history';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { VERSION_PAGE_SIZE } from '../../../src/storage/storeLayout';
import { FaultFs, InjectedCrash } from './faultFs';
import { dumpStore, scoreOf, tempDir, versionOf } from './storeTestKit';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const helper = join(__dirname, '../../helpers/storeWriter.js');

/** Every JSON file of the store parses (a torn file at a real path would not). Temp files are skipped. */
function assertNoTornFile(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const path = join(entry.parentPath, entry.name);
    assert.doesNotThrow(() => JSON.parse(readFileSync(path, 'utf8')), `${path} is whole JSON`);
  }
}

/** The dump with prompt ids replaced by P1, P2… in order of appearance (new prompts get random ids). */
async function normalizedDump(dir: string): Promise<string> {
  const text = JSON.stringify(await dumpStore(openHistoryStore(dir, { now: () => NOW })));
  const names = new Map<string, string>();
  return text.replace(/\b[0-9a-z]{15}\b/g, (id) => {
    if (!names.has(id)) names.set(id, `P${names.size + 1}`);
    return names.get(id)!;
  });
}

describe('history store: a write interrupted at any step leaves the old or the new state', function () {
  this.timeout(120_000);
  let base: string;
  let a: string;
  let b: string;
  let bestOfA: string;

  before(async () => {
    base = tempDir('crash-base');
    const repo = openHistoryStore(base, { now: () => NOW });
    const created = await repo.createPrompt('Prompt A', {}, { score: scoreOf(10) });
    a = created.prompt.id;
    // Fill version page 0 exactly, so the next append opens page 1 (the widest commit).
    for (let i = 1; i < VERSION_PAGE_SIZE; i += 1) {
      await repo.appendVersion(a, versionOf(`${a}-v0`, `A v${i}`), scoreOf(10 + (i % 7)), { adoptIfAtLeastBest: true });
    }
    bestOfA = (await repo.listPrompts())[0]!.bestVersionId;
    assert.notEqual(bestOfA, `${a}-v0`);
    b = (await repo.createPrompt('Prompt B', {})).prompt.id;
    await repo.writeLearningState({ rounds: 1 });
  });

  const operations: [string, (repo: HistoryRepository) => Promise<unknown>][] = [
    ['append that opens a new version page and adopts', (r) => r.appendVersion(a, versionOf(`${a}-v0`, 'new best'), scoreOf(40), { adoptIfAtLeastBest: true })],
    ['create a prompt', (r) => r.createPrompt('Prompt C', { file: 'c.md' }, { score: scoreOf(5) })],
    ['delete the best version (re-picks the best)', (r) => r.deleteVersion(bestOfA)],
    ['delete a whole prompt', (r) => r.deletePrompt(b)],
    ['record feedback', (r) => r.recordFeedback({ promptId: a, versionId: `${a}-v1`, decision: 'partial', hunks: [{ hunkId: 'h0', accepted: true, strategies: ['add-role'] }], strategies: ['add-role'], via: 'editor' })],
    ['update the learning state', (r) => r.updateLearningState((s) => ({ ...s, rounds: 2 }))],
  ];

  for (const [name, operation] of operations) {
    it(name, async () => {
      const before = await normalizedDump(base);
      const reference = tempDir('crash-ref');
      cpSync(base, reference, { recursive: true });
      const counter = new FaultFs();
      await operation(openHistoryStore(reference, { fs: counter, now: () => NOW }));
      const after = await normalizedDump(reference);
      assert.notEqual(after, before, 'the operation changes the store');
      assert.ok(counter.steps >= 5, `a commit has several steps (${counter.steps})`);

      const outcomes: string[] = [];
      for (let failAt = 1; failAt <= counter.steps; failAt += 1) {
        const dir = tempDir('crash');
        cpSync(base, dir, { recursive: true });
        const fs = new FaultFs(failAt);
        await assert.rejects(operation(openHistoryStore(dir, { fs, now: () => NOW })), (error: unknown) => {
          const cause = error instanceof Error && error.cause instanceof InjectedCrash ? error.cause : error;
          assert.ok(cause instanceof InjectedCrash, `step ${failAt} (${fs.log[failAt - 1]}): ${String(error)}`);
          return true;
        });
        assertNoTornFile(dir);
        const seen = await normalizedDump(dir);
        assert.ok(seen === before || seen === after, `crash at step ${failAt} (${fs.log[failAt - 1]}) left a third state`);
        outcomes.push(seen === before ? 'old' : 'new');
        // And the store takes the next write after recovery.
        await openHistoryStore(dir).recordMetric({ kind: 'judge', engine: 'heuristic@1', timeToResultMs: 1, adopted: false });
      }
      assert.ok(outcomes.includes('old') && outcomes.includes('new'), `both outcomes occur: ${outcomes.join(',')}`);
    });
  }
});

describe('history store: a writer process killed mid-write loses nothing it acknowledged', function () {
  this.timeout(120_000);

  it('SIGKILL at random moments, 8 times: every acknowledged version is there, no torn file', async () => {
    const dir = tempDir('kill');
    const repo = openHistoryStore(dir);
    const { prompt } = await repo.createPrompt('Prompt under fire', {});
    const acked = new Set<number>();
    for (let round = 0; round < 8; round += 1) {
      const child = spawn(process.execPath, [helper, 'crash-loop', dir, prompt.id], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        let buffer = '';
        let killing = false;
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) acked.add(Number(line.split(' ')[1]));
          if (!killing) {
            killing = true;
            // A random moment inside the next few commits (each takes a few milliseconds).
            setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, Math.random() * 40);
          }
        });
        child.on('exit', (code) => {
          if (!killing) reject(new Error(`writer exited early (${code}): ${stderr}`));
        });
      });
      await exited;
      // The killed writer's lock stays behind. Age it as if its stale time (2 s) had passed, instead of waiting.
      const lock = join(dir, 'store.lock');
      if (existsSync(lock)) utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

      assertNoTornFile(dir);
      const fresh = openHistoryStore(dir, { lock: { staleMs: 2000 } });
      const detail = await fresh.getPrompt(prompt.id);
      assert.ok(detail);
      const numbers = detail.versions.map((v) => v.version.versionNo);
      for (const n of acked) assert.ok(numbers.includes(n), `acknowledged v${n} is stored (round ${round})`);
      assert.deepEqual(numbers, [...new Set(numbers)].sort((x, y) => x - y), 'unique and ordered');
      assert.ok(detail.versions.every((v) => v.version.versionNo === 0 || v.scores.length === 1), 'every version kept its score');
      const totals = detail.versions.slice(1).map((v) => v.scores[0]!.total);
      assert.equal(detail.prompt.bestScore, Math.max(...totals));
      const [summary] = await fresh.listPrompts();
      assert.equal(summary?.versionCount, detail.versions.length, 'index and pages agree');
      await fresh.listFeedback();
    }
    assert.ok(acked.size >= 8, `the writers got work done (${acked.size} acknowledged versions)`);
  });
});
