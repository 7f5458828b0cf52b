import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { StoreError } from '../../../src/storage/storeError';
import { tempDir } from './storeTestKit';

const helper = join(__dirname, '../../helpers/storeWriter.js');

describe('history store: a folder that cannot be written gives a clear error, not a crash', function () {
  this.timeout(30_000);

  it('a store path under a regular file cannot be created: StoreError "unavailable" that says what to do', async () => {
    // A real, permission-independent failure: mkdir under a file fails with ENOTDIR even for root.
    const file = join(tempDir('notdir'), 'a-file');
    writeFileSync(file, 'not a folder');
    const repo = openHistoryStore(join(file, '.prompter'));
    assert.deepEqual(await repo.listPrompts(), [], 'reading finds nothing rather than failing');
    await assert.rejects(repo.createPrompt('x', {}), (error: unknown) => {
      assert.ok(error instanceof StoreError, String(error));
      assert.equal(error.code, 'unavailable');
      assert.match(error.message, /Cannot create the prompt history folder .*a-file\/\.prompter.*ENOTDIR.*--store DIR/);
      return true;
    });
  });

  it('a read-only store folder: reads still work, writes fail with StoreError "read-only", nothing changes', async function () {
    // Tests run as root, and root ignores file modes. So the probe runs as a real unprivileged process
    // (uid/gid 65534, "nobody") on a folder made read-only with chmod; as a normal user it runs as that user.
    const parent = tempDir('readonly');
    const dir = join(parent, '.prompter');
    const repo = openHistoryStore(dir);
    await repo.createPrompt('already here', {});
    const before = readdirSync(dir).sort();
    // The bundled helper is self-contained; a copy beside the store is readable by "nobody" wherever the
    // checkout lives (a home folder may be closed to other users).
    const probeScript = join(parent, 'storeWriter.js');
    copyFileSync(helper, probeScript);
    chmodSync(parent, 0o755);
    chmodSync(dir, 0o555);
    try {
      const asRoot = process.getuid?.() === 0;
      const run = spawnSync(process.execPath, [probeScript, 'probe', dir], {
        encoding: 'utf8',
        timeout: 20_000,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      if (run.error && (run.error as NodeJS.ErrnoException).code === 'EPERM') {
        // Root without CAP_SETUID (some containers) can neither drop to another user nor be stopped by modes.
        this.skip();
      }
      assert.equal(run.status, 0, `probe exited ${run.status}: ${run.stderr}`);
      const probe = JSON.parse(run.stdout) as { listed: number; writeError?: { code: string; message: string } };
      assert.equal(probe.listed, 1, 'the existing prompt is listed');
      assert.equal(probe.writeError?.code, 'read-only');
      assert.match(probe.writeError?.message ?? '', /read-only \((EACCES|EROFS|EPERM)\)\. Make it writable, or choose another history location/);
    } finally {
      chmodSync(dir, 0o755);
    }
    assert.deepEqual(readdirSync(dir).sort(), before, 'nothing was added or moved');
  });
});
