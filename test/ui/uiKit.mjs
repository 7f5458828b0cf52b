// What the UI checks share: a tally that ends with "N passed, N failed", the core bundled the same way
// the extension bundles it (for expected results), and the moves a person makes in the workbench.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { launchBrowser, workbenchUrl } from '../host/browser.mjs';
import { makeRunDir, startCodeServer } from '../host/codeServer.mjs';
import { repoRoot } from '../host/hostPaths.mjs';

/** A list of named checks; `finish` prints the closing line CI reads and sets the exit code. */
export function createChecks() {
  const results = [];
  const check = (name, ok, detail = '') => {
    results.push(ok);
    console.log(`${ok ? '  ✔' : '  ✘'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const finish = (shots) => {
    const passed = results.filter(Boolean).length;
    console.log(`screenshots: ${shots}`);
    console.log(`${passed} passed, ${results.length - passed} failed`);
    process.exitCode = results.length > 0 && passed === results.length ? 0 : 1;
  };
  return { check, finish };
}

/** Loads a core module (path relative to the repository) bundled like the extension bundles it. */
export async function loadCoreModule(runDir, entry, name) {
  const outfile = join(runDir, `${name}.cjs`);
  await esbuild.build({ entryPoints: [join(repoRoot, entry)], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  return createRequire(import.meta.url)(outfile);
}

/** Quick Open (Ctrl+P) → file name → Enter, then waits for the editor to show `text`. */
export async function openFile(page, name, text) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout: 30_000 });
}

/**
 * Ctrl+S in the editor of `name` (its tab clicked first, so the keys reach that editor and not a webview
 * or another editor); resolves true once its tab no longer shows unsaved changes. A file left dirty makes
 * a later Close All Editors stop at a "Save changes?" dialog.
 */
export async function saveEditor(page, name) {
  const tab = page.locator('.tabs-container .tab', { hasText: name }).first();
  await tab.click();
  await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 5_000 }).catch(() => {});
  await page.keyboard.press('Control+S');
  return page.locator('.tabs-container .tab.dirty', { hasText: name }).first().waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
}

/** F1, type the command's title, Enter: as a person runs a command. */
export async function runFromPalette(page, title) {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  const shown = await input.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
  if (!shown) {
    // A modal dialog (such as "Save changes?" for a dirty file) swallows F1: name it instead of timing out.
    const dialog = page.locator('.monaco-dialog-box').first();
    const text = (await dialog.isVisible().catch(() => false)) ? (await dialog.innerText()).replace(/\s+/g, ' ') : '';
    throw new Error(`the command palette did not open for "${title}"${text ? `; a dialog is open: ${text}` : ''}`);
  }
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*: /, '') }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Preferences: Color Theme → the theme's label (`Dark Modern`, `Light Modern`) → Enter, as a person
 * switches themes; resolves true once the workbench carries `selector` (`.monaco-workbench.vs-dark`).
 * NOTE: headless Chromium prefers a light colour scheme, so a workbench starts in Light Modern whatever
 * the settings file says.
 */
export async function useColorTheme(page, label, selector) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
  // Not Enter: "Browse Color Themes in Marketplace" may rank first.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: /^Preferences: Color Theme/ }).first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Modern' }).first().waitFor({ timeout: 10_000 });
  await page.locator('.quick-input-widget input').fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  return page.locator(selector).first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
}

/**
 * Runs one UI check from start to end: a copy of test/fixtures/workspace opened in code-server with the
 * extension, a page of `viewport` on it, then `body({ page, check, shots, runDir, folder, prepared })`;
 * anything it throws counts as a failed check. `prepare({ runDir, folder })` runs before the workbench
 * starts (files to write, expected results from the core) and its result arrives as `prepared`. `requires`
 * lists built files the check needs. Screenshots go to test-results/`name`/ (emptied first); ends with
 * "N passed, N failed".
 */
export async function runUiCheck(name, viewport, body, { prepare, requires = ['dist/extension.js'] } = {}) {
  const shots = join(repoRoot, 'test-results', name);
  const { check, finish } = createChecks();
  const missing = requires.find((file) => !existsSync(join(repoRoot, file)));
  if (missing) {
    console.error(`${missing} is missing: run \`node esbuild.config.mjs\` first`);
    process.exit(1);
  }
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const runDir = makeRunDir(name);
  const folder = join(runDir, 'workspace');
  cpSync(join(repoRoot, 'test/fixtures/workspace'), folder, { recursive: true });
  let server;
  let browser;
  let page;
  try {
    const prepared = await prepare?.({ runDir, folder });
    server = await startCodeServer({ runDir, folder });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport });
    await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath: repoRoot }), { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await body({ page, check, shots, runDir, folder, prepared });
  } catch (error) {
    // What the screen showed when the check stopped, to look at beside the message.
    await page?.screenshot({ path: join(shots, 'stopped-here.png') }).catch(() => {});
    check('the UI check ran to the end', false, `${error instanceof Error ? error.message : String(error)} (screenshot: stopped-here.png)`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
  finish(shots);
}
