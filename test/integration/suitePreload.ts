/**
 * A mocha `preload` for @vscode/test-cli's runner (.vscode-test.mjs): marks its reporter's lines so
 * test/host/runInHost.mjs can tell them from the workbench's log. It runs for this effect alone; the
 * runner has loaded its mocha by then.
 */
import { markSuiteOutput } from './suiteOutput';

// Only the code-server runner needs the marker (it sets this variable); desktop VS Code prints to stdout.
if (process.env.PROMPTER_MARK_SUITE_OUTPUT === '1') markSuiteOutput();
