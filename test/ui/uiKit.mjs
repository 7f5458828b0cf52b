// What the UI checks share: a tally that ends with "N passed, N failed", the core bundled the same way
// the extension bundles it (for expected results), and the moves a person makes in the workbench.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
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

/** F1, type the command's title, Enter: as a person runs a command. */
export async function runFromPalette(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
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
