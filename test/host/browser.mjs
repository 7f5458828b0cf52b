// Opens the code-server workbench in Debian's headless Chromium through playwright-core.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { chromiumPath } from './hostPaths.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; the caller closes it. */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run node test/host/installHost.mjs (or set PROMPTER_CHROMIUM)`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/** A path on the code-server machine as the workbench addresses it (file:// paths silently run nothing). */
export const remoteUri = (server, absPath) => `vscode-remote://127.0.0.1:${server.port}${absPath}`;

/**
 * The workbench URL for `folder`, with the development-extension payload when given. `payload` is a list
 * of [key, value] pairs as VS Code's web embedder reads them.
 */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.url}/?${query.toString()}`;
}

/**
 * The text of a console message as the extension host printed it. The workbench forwards the host's
 * console as `('%c INFO', css, format, …args)`, so the styled level goes and the rest is formatted the
 * way Node's console would have (mocha's reporter passes `%s`/`%d` format strings).
 */
export async function consoleText(message) {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
  if (values.length === 0) return message.text();
  const [first, ...rest] = values;
  if (typeof first !== 'string' || !first.includes('%c')) return format(...values);
  const styles = (first.match(/%c/g) ?? []).length;
  return format(...rest.slice(styles));
}
