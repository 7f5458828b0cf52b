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
    timeout: 20000,
    color: false,
    // Marks the suite's console lines so the code-server runner can tell them from the workbench's.
    preload: ['./out/test/integration/suitePreload.js'],
  },
});
