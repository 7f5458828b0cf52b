import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryRepository } from '../../../src/core/history';
import { linkLearning } from '../../../src/core/learningStore';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const PER_PROCESS = 200;

function promptFiles(folder: string, label: string): string[] {
  mkdirSync(folder, { recursive: true });
  return Array.from({ length: PER_PROCESS }, (_, i) => {
    const file = join(folder, `${label}-${i}.prompt.md`);
    writeFileSync(file, `Write a ${i % 2 ? 'limerick' : 'haiku'} about ${label} number ${i}.`);
    return file;
  });
}

function improveAll(store: string, files: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'improve', '--json', '--store', store, ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function allVersions(repository: HistoryRepository): Promise<{ texts: Set<string>; versions: number; scored: number }> {
  const texts = new Set<string>();
  let versions = 0;
  let scored = 0;
  for (const summary of await repository.listPrompts()) {
    const detail = (await repository.getPrompt(summary.id))!;
    texts.add(detail.prompt.originalText);
    for (const { scores } of detail.versions) {
      versions += 1;
      if (scores.length > 0) scored += 1;
    }
  }
  return { texts, versions, scored };
}

describe('two real prompter improve processes on one store', function () {
  this.timeout(300_000);

  it(`lose no version and no score (${PER_PROCESS} prompts each)`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'prompter-two-processes-'));
    const store = join(root, 'history');
    const [a, b] = await Promise.all([improveAll(store, promptFiles(join(root, 'a'), 'apples')), improveAll(store, promptFiles(join(root, 'b'), 'bees'))]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const { texts, versions, scored } = await allVersions(openHistoryStore(store));
    assert.equal(texts.size, 2 * PER_PROCESS, 'every prompt of both processes is there');
    assert.equal(versions, 4 * PER_PROCESS, 'v0 and v1 of every prompt');
    assert.equal(scored, versions, 'every version has its score');
    const metrics = await openHistoryStore(store).listMetrics();
    assert.equal(metrics.length, 2 * PER_PROCESS, 'one metric event per run');
    const role = (await linkLearning(openHistoryStore(store)).report()).find((row) => row.id === 'add-role')!;
    assert.equal(role.offered, 2 * PER_PROCESS, 'no learning update was lost either');
  });
});
