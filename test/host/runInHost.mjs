#!/usr/bin/env node
// Runs an extension test suite inside a real VS Code extension host (code-server + headless Chromium)
// and ends with "N passed, N failed". Arguments follow VS Code's own CLI so @vscode/test-electron can
// call it through test/host/codeServerShim.sh:
//   node test/host/runInHost.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]
//        [--timeout=SECONDS, default 1200] [--keep]     (--keep leaves the run's scratch folder for a post-mortem)
// The suite runs in a fresh copy of FOLDER (default test/fixtures/workspace).
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { consoleText, launchBrowser, workbenchUrl } from './browser.mjs';
import { makeRunDir, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './hostPaths.mjs';

function parseArgs(argv) {
  const options = { positional: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      options.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    // Flags we know take a value may also be written "--key value"; every other flag (VS Code's own
    // --no-sandbox, --disable-extensions, …) is accepted and ignored.
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'timeout', 'folder'].includes(key);
    if (eq !== -1) options[key] = arg.slice(eq + 1);
    else if (takesValue) options[key] = argv[++i];
    else options[key] = true;
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const extensionDevelopmentPath = resolve(options.extensionDevelopmentPath ?? repoRoot);
const extensionTestsPath = resolve(options.extensionTestsPath ?? join(repoRoot, 'out/test/integration/index.js'));
const timeoutMs = Number(options.timeout ?? 1200) * 1000;
const runDir = makeRunDir('suite');
// The suite may write into its workspace (history files, saved prompts): it always gets a fresh copy.
const sourceFolder = resolve(options.folder ?? options.positional[0] ?? join(repoRoot, 'test/fixtures/workspace'));
const folder = join(runDir, 'workspace');
cpSync(sourceFolder, folder, { recursive: true });

const started = Date.now();
const output = [];
const print = (line) => {
  output.push(line);
  console.log(line);
};
const serverLog = [];
const unmarked = [];
let sawMarked = false;
/** Prefix the integration index puts on every line it prints (test/integration/index.ts). */
const SUITE_MARKER = '[suite] ';

let server;
let browser;
let exitCode = 1;
try {
  // The extension host inherits this: test-cli's preload marks the suite's lines only when it is set.
  const env = { PROMPTER_MARK_SUITE_OUTPUT: '1' };
  server = await startCodeServer({ runDir, folder, env, log: (text) => serverLog.push(text) });
  browser = await launchBrowser();
  const page = await browser.newPage();
  const finished = new Promise((resolveExit) => {
    // VS Code calls this when the suite ends: 0 when every test passed.
    void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  });
  page.on('console', (message) => {
    void consoleText(message).then((text) => {
      // The suite's index marks its lines; the workbench's own log lines arrive the same way, unmarked,
      // and are kept back unless the suite printed nothing marked (another runner, or a crash).
      for (const line of text.split('\n')) {
        if (line.startsWith(SUITE_MARKER)) {
          sawMarked = true;
          print(line.slice(SUITE_MARKER.length));
        }
        else unmarked.push(line);
      }
    });
  });
  page.on('pageerror', (error) => print(`[page error] ${error.message}`));
  await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath }));
  let timer;
  const timeout = new Promise((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([finished, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    print(`[host] the suite did not finish within ${timeoutMs / 1000} s`);
    exitCode = 1;
  } else {
    exitCode = outcome;
  }
  // Let the last console messages arrive before the browser goes.
  await new Promise((r) => setTimeout(r, 200));
} catch (error) {
  print(`[host] ${error instanceof Error ? error.message : String(error)}`);
  if (serverLog.length > 0) print(serverLog.join('').split('\n').slice(-20).join('\n'));
  exitCode = 1;
} finally {
  if (!sawMarked && unmarked.length > 0) {
    console.log('[host] the suite printed no marked lines; everything the workbench logged:');
    for (const line of unmarked) print(line);
  }
  await browser?.close().catch(() => {});
  await server?.stop();
  if (!options.keep) rmSync(runDir, { recursive: true, force: true });
}

const text = output.join('\n');
const passed = Number(/(\d+) passing/.exec(text)?.[1] ?? 0);
const failing = Number(/(\d+) failing/.exec(text)?.[1] ?? 0);
// A host that crashed or timed out before mocha reported still counts as one failure.
const failed = failing || (exitCode === 0 ? 0 : 1);
console.log(`[host] in-host run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = exitCode === 0 && failed === 0 ? 0 : 1;
