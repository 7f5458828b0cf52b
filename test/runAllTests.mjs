#!/usr/bin/env node
// `npm test`: every check the project has, in one command, ending with the line CI reads:
// "N passed, N failed". Type-check and lint count as one check each; test suites report their own counts.
import { spawnSync } from 'node:child_process';

const stages = [
  { name: 'type-check', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', command: 'npx', args: ['eslint', '.'] },
  { name: 'build', command: 'node', args: ['esbuild.config.mjs', '--tests'] },
  { name: 'unit tests', command: 'npx', args: ['mocha', '--config', 'test/unit/.mocharc.json'], counts: true },
  // Inside a real VS Code 1.100 (code-server + headless Chromium, installed on first use by
  // test/host/codeServerShim.sh), through @vscode/test-cli as on a desktop; see .vscode-test.mjs.
  { name: 'integration tests (real VS Code)', command: 'npx', args: ['vscode-test'], counts: true },
  // A person's path through the UI in the same host: context menu → inline diff → Accept all → saved file.
  { name: 'UI check (real VS Code in Chromium)', command: 'node', args: ['test/ui/uiCheck.mjs'], counts: true },
  // Live diagnostics as a person sees them: squiggle → hover scorecard → status bar score → Quick Fix → inline diff.
  { name: 'UI check: live diagnostics', command: 'node', args: ['test/ui/diagnosticsUiCheck.mjs'], counts: true },
  // The insights dashboard: empty state, refresh from outside, charts and table toggle in dark and light, reload.
  { name: 'UI check: insights dashboard', command: 'node', args: ['test/ui/insightsUiCheck.mjs'], counts: true },
  // Where the commands are found: Improve Again in the editor context menu, the History view's title bar and "…".
  { name: 'UI check: menus', command: 'node', args: ['test/ui/menusUiCheck.mjs'], counts: true },
];

let passed = 0;
let failed = 0;
for (const stage of stages) {
  console.log(`\n=== ${stage.name} ===`);
  const result = spawnSync(stage.command, stage.args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output.replace(/^npm warn Unknown (?:user|env) config.*\n/gm, ''));
  const ok = result.status === 0;
  if (stage.counts) {
    // A stage's own closing "N passed, N failed" line wins; otherwise mocha's "N passing / N failing".
    const closing = [...output.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
    const passing = Number(closing?.[1] ?? /(\d+) passing/.exec(output)?.[1] ?? 0);
    const failing = Number(closing?.[2] ?? /(\d+) failing/.exec(output)?.[1] ?? 0);
    passed += passing;
    // A suite that crashed before reporting still counts as a failure.
    failed += failing || (ok ? 0 : 1);
  } else if (ok) passed += 1;
  else failed += 1;
  if (!ok) console.log(`${stage.name} FAILED (exit ${result.status})`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
