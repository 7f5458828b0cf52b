/**
 * Entry point VS Code loads as `extensionTestsPath` (test/host/runInHost.mjs): runs every bundled
 * `*.test.js` beside this file with mocha inside the extension host. The host reports the outcome from
 * the returned promise. @vscode/test-cli uses its own runner instead, configured in .vscode-test.mjs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { MarkedReporter } from './markedReporter';

/** Runs the integration suite; rejects when any test failed, which makes the host exit with code 1. */
export async function run(): Promise<void> {
  // NOTE: no colours: the output travels through the browser console, where escape codes are noise.
  // Mocha only calls `new reporter(runner)`; its typings ask for a Base subclass, which the extension
  // host cannot give (see markedReporter.ts).
  const reporter = MarkedReporter as unknown as Mocha.ReporterConstructor;
  // NOTE: 90 s a test, as in .vscode-test.mjs (which `npm test` uses): the first webview of a run can take
  // over 15 s to load under load (see nextRender).
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter });
  const grep = process.env.PROMPTER_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.test.js'));
  for (const file of files.sort()) mocha.addFile(join(__dirname, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
