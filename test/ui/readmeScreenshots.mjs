#!/usr/bin/env node
// Takes the README's screenshots in the real VS Code 1.100 (code-server) in headless Chromium, on a copy of
// the sample prompts: the inline diff after Improve Prompt, and the result panel beside it. Writes
// media/screenshots/inline-diff.png and result-panel.png (not part of the VSIX). Look at them before
// committing. Needs `node esbuild.config.mjs` to have built dist/.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, workbenchUrl } from '../host/browser.mjs';
import { makeRunDir, startCodeServer } from '../host/codeServer.mjs';
import { repoRoot } from '../host/hostPaths.mjs';
import { openFile, runFromPalette } from './uiKit.mjs';

const PROMPT_FILE = process.env.PROMPTER_SHOT_FILE ?? 'newsletter.prompt.md';
const out = join(repoRoot, 'media', 'screenshots');

if (!existsSync(join(repoRoot, 'dist/extension.js'))) {
  console.error('dist/extension.js is missing: run `node esbuild.config.mjs` first');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const runDir = makeRunDir('shots');
const folder = join(runDir, 'sample-prompts');
cpSync(join(repoRoot, 'test/fixtures/sample-prompts'), folder, { recursive: true });
// Wrapped lines and no minimap, so the whole rewrite reads in a narrow editor.
writeFileSync(
  join(folder, '.vscode', 'settings.json'),
  JSON.stringify({ 'editor.wordWrap': 'on', 'editor.minimap.enabled': false, 'git.openRepositoryInParentFolders': 'never' }, null, 2),
);

let server;
let browser;
try {
  server = await startCodeServer({ runDir, folder });
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1500, height: 860 } });
  await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath: repoRoot }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await openFile(page, PROMPT_FILE, '');
  await page.keyboard.press('Control+B'); // hide the side bar: room for the editor and the panel

  const lines = page.locator('.monaco-editor .view-lines').first();
  await lines.click();
  await page.keyboard.press('Control+A');
  await runFromPalette(page, 'Prompter: Improve Prompt');
  await page.locator('.codelens-decoration a', { hasText: 'Accept all' }).first().waitFor({ timeout: 15_000 });
  const panel = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  await panel.locator('h1').waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Home');
  await page.waitForTimeout(1500); // CodeLens and decorations settle after VS Code's debounce

  // The editor group with the inline diff, and the group with the panel, each on its own.
  const groups = page.locator('.editor-group-container');
  const editorBox = await groups.nth(0).boundingBox();
  const panelBox = await groups.nth(1).boundingBox();
  if (!editorBox || !panelBox) throw new Error('editor groups not found');
  await page.screenshot({ path: join(out, 'inline-diff.png'), clip: editorBox });
  await page.screenshot({ path: join(out, 'result-panel.png'), clip: panelBox });
  console.log(`wrote ${join(out, 'inline-diff.png')} and ${join(out, 'result-panel.png')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(runDir, { recursive: true, force: true });
}
