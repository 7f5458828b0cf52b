// Starts code-server (VS Code 1.100.3 for the Web with a real Node extension host) on loopback for one
// run, with every folder it writes to inside that run's scratch directory.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerEntry, runsDir } from './hostPaths.mjs';

/** A free loopback port (the OS picks it; closed again before code-server binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settings that keep first-run pages, update checks and trust prompts out of a test run. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  // Desktop VS Code's default; code-server's own is 'afterDelay'. Tests that need Auto Save turn it on.
  'files.autoSave': 'off',
};

/** A fresh scratch directory for one run, with the XDG and temp folders code-server writes into. */
export function makeRunDir(label) {
  mkdirSync(runsDir, { recursive: true });
  const dir = mkdtempSync(join(runsDir, `${label}-`));
  for (const sub of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  writeFileSync(join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return dir;
}

/**
 * Starts code-server in its own process group (so `stop()` ends its file watcher and extension host
 * too) and resolves once /healthz answers.
 */
export async function startCodeServer({ runDir, folder, env = {}, log = () => {} }) {
  const port = await freePort();
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', join(runDir, 'user-data'),
    '--extensions-dir', join(runDir, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    folder,
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // setsid: a process group of its own
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // No extension gallery: the workbench would otherwise look up open-vsx.org, unreachable here.
      EXTENSIONS_GALLERY: '{}',
      ...env,
      XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
      XDG_DATA_HOME: join(runDir, 'xdg-data'),
      XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
      TMPDIR: join(runDir, 'tmp'),
    },
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone between the check and the kill
      }
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited before it was ready (exit ${child.exitCode})`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { port, url, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error('code-server did not answer /healthz within 30 s');
}
