import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appendUsage, readUsage } from '../../../src/llm/usageFile';
import { tempDir } from './cliHarness';

const helper = join(__dirname, '../../helpers/usageWriter.js');

function runWriter(path: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [helper, path, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`usage writer exited ${code}: ${err}`))));
  });
}

describe('llm: the CLI usage file keeps every count when commands finish at once', function () {
  this.timeout(120_000);

  it('20 appends at once in one process: 20 calls recorded, no lock or temp file left', async () => {
    const dir = tempDir('usage-lock');
    const path = join(dir, 'state', 'usage.json');
    const now = Date.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendUsage(path, [now - i], now)));
    assert.equal((await readUsage(path, Date.now())).calls.length, 20);
    assert.deepEqual(readdirSync(join(dir, 'state')), ['usage.json']);
  });

  it('four processes appending 25 calls each: all 100 recorded', async () => {
    const path = join(tempDir('usage-procs'), 'usage.json');
    await Promise.all([1, 2, 3, 4].map(() => runWriter(path, 25)));
    assert.equal((await readUsage(path, Date.now())).calls.length, 100);
    assert.equal(existsSync(`${path}.lock`), false, 'the lock is released');
  });
});
