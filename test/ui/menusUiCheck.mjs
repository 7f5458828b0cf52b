#!/usr/bin/env node
// Where a person finds Prompter's commands without knowing their names, in a real VS Code 1.100
// (code-server) in headless Chromium: the editor's context menu offers Improve Again only on a document
// with a stored prompt (not before its first improve; still after a window reload), and the History view's
// title bar has Show Insights beside Refresh, with Export Insights, Select Model and Reset Learning in its
// "…" menu; Reset Learning there asks first in a modal dialog. Screenshots go to test-results/ui-menus/
// (look at them). Ends with "N passed, N failed".
import { join } from 'node:path';
import { openFile, runFromPalette, runUiCheck } from './uiKit.mjs';

/** Right-clicks the editor, screenshots the context menu to `shot` and returns its item labels (the menu is closed again). */
async function editorMenu(page, shot) {
  // A rendered line, not the middle of .view-lines: after an accept the editor may be scrolled so that the
  // middle of all its lines lies off screen, and a right-click there opens nothing.
  await page.locator('.monaco-editor .view-line').first().click({ button: 'right', position: { x: 20, y: 5 } });
  const items = page.locator('.monaco-menu .action-item .action-label');
  await items.first().waitFor({ timeout: 15_000 });
  const labels = (await items.allInnerTexts()).map((label) => label.trim()).filter(Boolean);
  await page.screenshot({ path: shot });
  await page.keyboard.press('Escape');
  return labels;
}

/** The editor context menu's labels once they include `label`, or the last ones after 30 s (the list is read in the background). */
async function editorMenuWith(page, label, shot) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const labels = await editorMenu(page, shot);
    if (labels.includes(label) || Date.now() > deadline) return labels;
    await page.waitForTimeout(1000);
  }
}

await runUiCheck('ui-menus', { width: 1400, height: 900 }, async ({ page, check, shots }) => {
  await openFile(page, 'summary.prompt.md', 'Summarize');
  await page.waitForTimeout(1500); // the extension reads the (empty) history of the folder after activation

  const before = await editorMenu(page, join(shots, '1-context-menu-before.png'));
  check('before any improve the editor context menu has no Improve Again', before.length > 0 && !before.includes('Improve Again'), before.join(' | '));

  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await runFromPalette(page, 'Prompter: Improve Prompt');
  const acceptAll = page.locator('.codelens-decoration a', { hasText: 'Accept all' }).first();
  const lensShown = await acceptAll.waitFor({ timeout: 30_000 }).then(() => true, () => false);
  if (lensShown) await acceptAll.click();
  await page.keyboard.press('Control+S');
  await openFile(page, 'summary.prompt.md', 'Summarize'); // back to the editor (the result panel took the focus)
  const after = await editorMenuWith(page, 'Improve Again', join(shots, '2-context-menu-after.png'));
  check('after Improve Prompt the editor context menu offers Improve Again', lensShown && after.includes('Improve Again'), after.join(' | '));

  // The Prompter activity bar: the History view's title bar and its "…" menu.
  await page.locator('.activitybar .action-item [aria-label^="Prompter"]').first().click();
  await page.locator('.sidebar .monaco-list-row', { hasText: 'Summarize' }).first().waitFor({ timeout: 15_000 });
  const titleBar = page.locator('.sidebar .pane-header, .sidebar .composite.title').locator('.actions-container .action-label');
  const titleLabels = await titleBar.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  const icons = await page.locator('.sidebar .action-label.codicon-graph').count();
  check('the History title bar shows Refresh and Show Insights (graph icon)', titleLabels.some((l) => l.startsWith('Refresh History')) && titleLabels.some((l) => l.startsWith('Show Insights')) && icons > 0, titleLabels.join(' | '));
  await page.screenshot({ path: join(shots, '3-history-title.png') });

  await page.locator('.sidebar .action-label[aria-label^="More Actions"], .sidebar .action-label[aria-label^="Views and More Actions"]').first().click();
  const overflow = page.locator('.monaco-menu .action-item .action-label');
  await overflow.first().waitFor({ timeout: 10_000 });
  const overflowLabels = (await overflow.allInnerTexts()).map((label) => label.trim());
  await page.screenshot({ path: join(shots, '4-history-overflow.png') });
  check('the History “…” menu has Export Insights…, Select Model… and Reset Learning…', ['Export Insights…', 'Select Model…', 'Reset Learning…'].every((label) => overflowLabels.includes(label)), overflowLabels.filter(Boolean).join(' | '));

  await page.locator('.monaco-menu .action-item', { hasText: 'Reset Learning' }).first().click();
  const dialog = page.locator('.monaco-dialog-box');
  const asked = await dialog.waitFor({ timeout: 10_000 }).then(() => true, () => false);
  const dialogText = asked ? (await dialog.innerText()).replace(/\s+/g, ' ') : '';
  await page.screenshot({ path: join(shots, '5-reset-learning-dialog.png') });
  check('Reset Learning asks in a modal dialog what it forgets and what it keeps', /Reset what Prompter has learned in workspace\?/.test(dialogText) && /versions/.test(dialogText), dialogText.slice(0, 200));
  if (asked) await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();

  // Developer: Reload Window: the menu entry comes back from the stored history (the window's memory is gone).
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), runFromPalette(page, 'Developer: Reload Window')]);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await openFile(page, 'summary.prompt.md', ''); // the editor may come back scrolled past the first line
  const reloaded = await editorMenuWith(page, 'Improve Again', join(shots, '6-context-menu-after-reload.png'));
  check('after a window reload the editor context menu still offers Improve Again', reloaded.includes('Improve Again'), reloaded.join(' | '));
});
