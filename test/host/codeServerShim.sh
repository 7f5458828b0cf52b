#!/bin/sh
# Stands in for a VS Code executable so @vscode/test-electron / @vscode/test-cli can run the suite here,
# where VS Code itself cannot be downloaded: it installs the code-server test host when missing and runs
# the given --extensionDevelopmentPath / --extensionTestsPath / folder in it (test/host/runInHost.mjs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
node "$here/installHost.mjs"
exec node "$here/runInHost.mjs" "$@"
