// Where the test host lives. One place, so the installer, the runner and the test-cli shim agree.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the extension's folder). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** code-server 4.100.3 is VS Code 1.100.3 and the newest release that runs on Node 20. */
export const codeServerVersion = '4.100.3';

/** Ignored folder holding the test host (about 300 MB): never a dependency of the extension. */
export const hostDir = join(repoRoot, '.vscode-test', 'code-server');

/** The package folder npm installs code-server into. */
export const codeServerPackage = join(hostDir, 'node_modules', 'code-server');

/** code-server's Node entry point; run with the same `node` that installed it. */
export const codeServerEntry = join(codeServerPackage, 'out', 'node', 'entry.js');

/** Scratch folders for host runs (user data, XDG dirs, TMPDIR), one per run. */
export const runsDir = join(repoRoot, '.vscode-test', 'runs');

/** Debian's Chromium, driven by playwright-core (Playwright's own browser download is unreachable here). */
export const chromiumPath = process.env.PROMPTER_CHROMIUM ?? '/usr/bin/chromium';
