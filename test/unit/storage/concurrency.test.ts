import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { scoreOf, tempDir, versionOf } from './storeTestKit';

const helper = join(__dirname, '../../helpers/storeWriter.js');

/** Runs the writer helper as a real node process and parses the JSON it prints. */
function runWriter<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [helper, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as T);
      else reject(new Error(`writer ${args.join(' ')} exited ${code}: ${err}`));
    });
  });
}

describe('history store: processes writing at once lose nothing', function () {
  this.timeout(180_000);

  it('two processes creating 200 prompts each (v0 + judged v1) on one store: 400 prompts, 800 versions, every score', async () => {
    const dir = tempDir('two-writers');
    type Created = { promptId: string; versionId: string; total: number }[];
    const [left, right] = await Promise.all([
      runWriter<Created>(['prompts', dir, '200', 'left']),
      runWriter<Created>(['prompts', dir, '200', 'right']),
    ]);
    const repo = openHistoryStore(dir);
    const list = await repo.listPrompts();
    assert.equal(list.length, 400);
    assert.equal(new Set(list.map((p) => p.id)).size, 400);
    for (const created of [...left, ...right]) {
      const detail = await repo.getPrompt(created.promptId);
      assert.ok(detail, `prompt ${created.promptId} is stored`);
      assert.deepEqual(detail.versions.map((v) => v.version.versionNo), [0, 1]);
      assert.deepEqual(detail.versions.map((v) => v.scores.length), [1, 1], 'both scores kept');
      assert.equal(detail.versions[1]?.scores[0]?.total, created.total);
      assert.equal(detail.prompt.bestVersionId, created.versionId);
      assert.equal(detail.prompt.bestScore, created.total);
    }
    assert.equal(list.reduce((sum, p) => sum + p.versionCount, 0), 800);
  });

  it('two processes improving ONE prompt at once: unique version numbers, and the adopt rule holds over both', async () => {
    const dir = tempDir('one-prompt');
    const { prompt } = await openHistoryStore(dir).createPrompt('Shared prompt', {}, { score: scoreOf(0) });
    type Appended = { versionNo: number; total: number; adopted: boolean }[];
    const results = await Promise.all([
      runWriter<Appended>(['same-prompt', dir, prompt.id, '60', '1']),
      runWriter<Appended>(['same-prompt', dir, prompt.id, '60', '2']),
    ]);
    const detail = await openHistoryStore(dir).getPrompt(prompt.id);
    assert.ok(detail);
    const numbers = detail.versions.map((v) => v.version.versionNo);
    assert.deepEqual(numbers, [...Array(121).keys()], 'v0..v120, none shared, none skipped');
    // Replaying the adopt rule in commit order (= version number order) must give what the writers were told.
    const told = new Map(results.flat().map((r) => [r.versionNo, r]));
    let best = 0;
    let bestNo = 0;
    for (const entry of detail.versions.slice(1)) {
      const total = entry.scores[0]!.total;
      const adopted = total >= best;
      assert.equal(told.get(entry.version.versionNo)?.adopted, adopted, `v${entry.version.versionNo} adopt decision`);
      if (adopted) [best, bestNo] = [total, entry.version.versionNo];
    }
    assert.equal(detail.prompt.bestScore, best);
    assert.equal(detail.prompt.bestVersionId, `${prompt.id}-v${bestNo}`);
  });

  it('calls racing inside one process are serialised too (no two versions share a number)', async () => {
    const dir = tempDir('in-process');
    const repo = openHistoryStore(dir);
    const other = openHistoryStore(dir);
    const { prompt, original } = await repo.createPrompt('p', {});
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? repo : other).appendVersion(prompt.id, versionOf(original.id, `v${i}`), scoreOf(i), { adoptIfAtLeastBest: true }),
      ),
    );
    const detail = await repo.getPrompt(prompt.id);
    assert.deepEqual(detail?.versions.map((v) => v.version.versionNo), [...Array(21).keys()]);
  });

  it('takes over the lock a crashed process left behind once it is stale', async () => {
    const dir = tempDir('stale');
    const repo = openHistoryStore(dir, { lock: { staleMs: 2000 } });
    await repo.createPrompt('p', {});
    mkdirSync(join(dir, 'store.lock')); // what a writer killed while holding the lock leaves
    const started = Date.now();
    await repo.createPrompt('after the crash', {});
    const waited = Date.now() - started;
    assert.ok(waited >= 1500, `waited for the lock to go stale (${waited} ms)`);
    assert.equal((await repo.listPrompts()).length, 2);
  });
});
