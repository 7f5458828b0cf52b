// @vscode/test-cli configuration (`npx vscode-test`). Here VS Code cannot be downloaded, so the suite
// runs in code-server through test/host/codeServerShim.sh; on a machine where the normal download
// works, PROMPTER_TEST_HOST=desktop runs the same suite in desktop VS Code 1.100 instead.
import { defineConfig } from '@vscode/test-cli';

const desktop = process.env.PROMPTER_TEST_HOST === 'desktop';

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: 'test/fixtures/workspace',
  version: '1.100.3',
  ...(desktop ? {} : { useInstallation: { fromPath: 'test/host/codeServerShim.sh' } }),
  mocha: {
    ui: 'tdd',
    // 90 s a test, as in test/integration/index.ts: the first webview of a run can take over 15 s to load
    // under load, and a fresh-clone CI run at load average 17-20 timed one Open Version test out at 20 s.
    timeout: 90000,
    color: false,
    // Marks the suite's console lines so the code-server runner can tell them from the workbench's.
    preload: ['./out/test/integration/suitePreload.js'],
  },
});
