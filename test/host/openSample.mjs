#!/usr/bin/env node
// `npm start` (after the build): opens the extension in VS Code on the sample prompts in
// test/fixtures/sample-prompts.
//   - With the desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> <samples>` (a new window).
//   - Otherwise: the browser VS Code of the test host (code-server 4.100.3, installed on first use into
//     .vscode-test/), serving the samples with the extension loaded on 127.0.0.1; it prints the URL to open
//     and runs in the foreground until Ctrl+C.
// PROMPTER_START_HOST=web or =desktop chooses instead of the PATH.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { remoteUri } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { repoRoot } from './hostPaths.mjs';

const samples = join(repoRoot, 'test', 'fixtures', 'sample-prompts');

/** Whether an executable named `name` is on PATH (without running it). */
function onPath(name) {
  const names = process.platform === 'win32' ? [`${name}.cmd`, `${name}.exe`] : [name];
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && names.some((n) => existsSync(join(dir, n))));
}

function openInDesktop() {
  console.log(`Opening ${samples} in VS Code with the extension from ${repoRoot} …`);
  const result = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, samples], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`\`code\` failed (exit ${result.status ?? result.signal}); PROMPTER_START_HOST=web npm start uses the browser instead.`);
    process.exitCode = 1;
    return;
  }
  console.log('A VS Code window "[Extension Development Host]" shows the sample prompts. Start with README.md there.');
}

/** A scratch folder kept between runs, so the workbench keeps your layout and settings. */
function sampleRunDir() {
  const dir = join(repoRoot, '.vscode-test', 'sample');
  for (const sub of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  const settings = join(dir, 'user-data', 'User', 'settings.json');
  if (!existsSync(settings)) {
    // No telemetry, update checks or trust prompt in a local try-out; the rest is VS Code's defaults.
    const defaults = {
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'security.workspace.trust.enabled': false,
    };
    writeFileSync(settings, `${JSON.stringify(defaults, null, 2)}\n`);
  }
  return dir;
}

/**
 * The workbench URL: the samples folder with the extension loaded from this checkout. Unlike the tests'
 * URL (browser.mjs) it keeps the welcome flow, so the samples' own setting opens their README first.
 */
function sampleUrl(server) {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
    ['skipReleaseNotes', 'true'],
  ];
  return `${server.url}/?folder=${encodeURI(samples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function openInBrowser() {
  const install = spawnSync(process.execPath, [join(repoRoot, 'test', 'host', 'installHost.mjs'), '--no-browser'], { stdio: 'inherit' });
  if (install.status !== 0) {
    process.exitCode = 1;
    return;
  }
  const runDir = sampleRunDir();
  const logFile = join(runDir, 'code-server.log');
  const log = createWriteStream(logFile, { flags: 'w' });
  const server = await startCodeServer({ runDir, folder: samples, log: (text) => log.write(text) });
  const url = sampleUrl(server);

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    log.end();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(0));

  console.log('');
  console.log('VS Code (browser, code-server 4.100.3) is serving the sample prompts with the extension loaded.');
  console.log('Open this URL in a browser on this machine:');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log(`(loopback only; from another machine forward the port, e.g. ssh -L ${server.port}:127.0.0.1:${server.port} HOST)`);
  console.log(`Log: ${logFile}. Press Ctrl+C to stop.`);

  // Stay in the foreground while the server runs; leave if it stops on its own.
  const alive = () => {
    try {
      process.kill(server.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (!alive()) {
      clearInterval(timer);
      console.error(`code-server stopped; see ${logFile}`);
      void stop(1);
    }
  }, 1000);
}

const choice = process.env.PROMPTER_START_HOST ?? (onPath('code') ? 'desktop' : 'web');
if (choice === 'desktop') openInDesktop();
else if (choice === 'web') await openInBrowser();
else {
  console.error(`PROMPTER_START_HOST must be "web" or "desktop", not "${choice}"`);
  process.exitCode = 2;
}
