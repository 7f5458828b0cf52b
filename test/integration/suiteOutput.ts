/**
 * Marks every line mocha's reporter prints. In code-server the extension host's console reaches the
 * runner mixed with the workbench's own log lines, in the same shape; test/host/runInHost.mjs keeps only
 * the marked ones. Used by our index (markedReporter.ts) and by @vscode/test-cli's runner (suitePreload.ts).
 */
import { format } from 'node:util';

/** Prefix on every line the suite prints (runInHost.mjs strips it). */
export const SUITE_MARKER = '[suite] ';

/** console.log with every line marked: what mocha's reporters should print through. */
export const markedLog = (...data: unknown[]): void =>
  console.log(
    format(...data)
      .split('\n')
      .map((line) => `${SUITE_MARKER}${line}`)
      .join('\n'),
  );

/**
 * Points `Base.consoleLog` of every mocha already loaded at `markedLog`. Reporters print through it, and
 * patching console itself does not work: the extension host's console methods cannot be reassigned.
 */
export function markSuiteOutput(): void {
  for (const [path, loaded] of Object.entries(require.cache)) {
    // Mocha 11 (test-cli's) exports the Base class here; mocha 12's ESM copy is a frozen namespace.
    const exports: unknown = loaded?.exports;
    if (/[\\/]mocha[\\/]lib[\\/]reporters[\\/]base\.js$/.test(path) && typeof exports === 'function') {
      (exports as { consoleLog?: unknown }).consoleLog = markedLog;
    }
  }
}
