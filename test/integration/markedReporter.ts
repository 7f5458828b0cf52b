/**
 * A spec-style mocha reporter whose every line carries the suite marker. Our index uses it instead of
 * patching mocha's own reporter: the mocha 12 loaded in the extension host exposes its reporter base as
 * a frozen module namespace.
 */
import type Mocha from 'mocha';
import { markedLog } from './suiteOutput';

/** Prints suites, passes, failures and the "N passing / N failing" summary runInHost.mjs counts. */
export class MarkedReporter {
  constructor(runner: Mocha.Runner) {
    const failures: { title: string; error: unknown }[] = [];
    let passes = 0;
    let pending = 0;
    let depth = 0;
    const started = Date.now();
    const indent = (): string => '  '.repeat(depth);
    runner.on('suite', (suite: Mocha.Suite) => {
      depth += 1;
      if (suite.title) markedLog(`${indent()}${suite.title}`);
    });
    runner.on('suite end', () => {
      depth -= 1;
    });
    runner.on('pass', (test: Mocha.Test) => {
      passes += 1;
      markedLog(`${indent()}  ✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('pending', (test: Mocha.Test) => {
      pending += 1;
      markedLog(`${indent()}  - ${test.title}`);
    });
    runner.on('fail', (test: Mocha.Test | Mocha.Hook, error: unknown) => {
      failures.push({ title: test.fullTitle(), error });
      markedLog(`${indent()}  ${failures.length}) ${test.title}`);
    });
    runner.once('end', () => {
      markedLog('');
      markedLog(`  ${passes} passing (${Date.now() - started} ms)`);
      if (pending > 0) markedLog(`  ${pending} pending`);
      if (failures.length > 0) markedLog(`  ${failures.length} failing`);
      failures.forEach(({ title, error }, index) => {
        markedLog('');
        markedLog(`  ${index + 1}) ${title}:`);
        markedLog(error instanceof Error ? (error.stack ?? error.message) : String(error));
      });
    });
  }
}
