#!/usr/bin/env node
// The person's check, in a real VS Code 1.100 (code-server) in headless Chromium: open a workspace with a
// prompt file, select its text, right-click → Improve Prompt, see the inline diff and its CodeLens, click
// "Accept all", save, and compare the file with the engine's rewrite. Screenshots go to test-results/ui/
// (look at them). Ends with "N passed, N failed". Needs `node esbuild.config.mjs` to have built dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCoreModule, openFile, runFromPalette, runUiCheck, saveEditor } from './uiKit.mjs';
import { checkImproveAgain, checkPanelLooks, seedStore } from './panelChecks.mjs';

const PROMPT_FILE = 'summary.prompt.md';
const XSS_FILE = 'xss.prompt.md';

/**
 * The engine's rewrite of `text`, from the same core the extension bundles (the expected result): the
 * workspace's history starts empty, so the learning loop's selector draws from a fresh state, as the
 * extension's first run does.
 */
async function engineRewrite(runDir, text) {
  const { improvePrompt } = await loadCoreModule(runDir, 'src/core/engine/improvePrompt.ts', 'core');
  const { createSelector, hashText, loadLearningState } = await loadCoreModule(runDir, 'src/core/learning/index.ts', 'learning');
  return improvePrompt(text, { selectStrategies: createSelector(loadLearningState(undefined).state, hashText(text)) });
}

/** Waits (up to 5 s) for a file of `folder` to hold exactly `text`. */
async function fileHolds(folder, file, text) {
  for (let i = 0; i < 50; i += 1) {
    if (readFileSync(join(folder, file), 'utf8') === text) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function prepare({ runDir, folder }) {
  const original = readFileSync(join(folder, PROMPT_FILE), 'utf8');
  return { original, expected: (await engineRewrite(runDir, original)).improved };
}

await runUiCheck('ui', { width: 1400, height: 900 }, async ({ page, check, shots, runDir, folder, prepared: { original, expected } }) => {
  const fileBecomes = (text, file = PROMPT_FILE) => fileHolds(folder, file, text);

  // Before any improve, the Prompter activity bar's History view explains how to start.
  await page.locator('.activitybar .action-item [aria-label^="Prompter"]').first().click();
  const welcome = page.locator('.sidebar .welcome-view-content', { hasText: 'No prompts in the history yet' });
  const welcomed = await welcome.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const welcomeButton = welcomed ? await welcome.locator('.monaco-button', { hasText: 'Improve Prompt' }).count() : 0;
  check('the empty History view shows its welcome text with an Improve Prompt button', welcomed && welcomeButton === 1);
  await page.screenshot({ path: join(shots, '0-history-welcome.png') });
  await page.keyboard.press('Control+Shift+E');

  // Open the prompt file the way a person does: Quick Open.
  await openFile(page, PROMPT_FILE, 'Summarize');
  const lines = page.locator('.monaco-editor .view-lines').first();

  // Select the text and right-click it.
  await lines.click();
  await page.keyboard.press('Control+A');
  await lines.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { hasText: 'Improve Prompt' }).first();
  const inMenu = await item.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  check('the editor context menu offers Improve Prompt for a selection', inMenu);
  await page.screenshot({ path: join(shots, '1-context-menu.png') });
  const clicked = Date.now();
  if (inMenu) await item.click();
  else {
    // Fall back to the command palette so the rest of the check still runs.
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'Prompter: Improve Prompt');
  }

  const acceptAll = page.locator('.codelens-decoration a', { hasText: 'Accept all' }).first();
  const lensShown = await acceptAll.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const lensMs = Date.now() - clicked;
  check('the inline diff shows CodeLens Accept all | Reject all | Details', lensShown, `${lensMs} ms after the click`);
  const lensTexts = await page.locator('.codelens-decoration').allInnerTexts();
  check(
    'each hunk has a lens with Accept | Reject first, then its strategy and a short reason',
    lensTexts.some((text) => /Accept(?: this)?\s*\|\s*Reject(?: this)?\s*\|\s*add-role — [^|]{1,40}(?:\||$)/.test(text.trim())),
    lensTexts.slice(0, 3).join(' / ').replace(/\s+/g, ' '),
  );
  await page.locator('.view-lines').first().filter({ hasText: 'You are' }).waitFor({ timeout: 5000 }).catch(() => {});
  await page.screenshot({ path: join(shots, '2-inline-diff.png') });

  // The result panel opened beside the editor, rendered by the webview's script.
  const panelFrame = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  const panelTitle = panelFrame.locator('h1');
  const panelShown = await panelTitle.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const panelText = panelShown ? await panelFrame.locator('body').innerText() : '';
  check('the result panel shows the scores before → after and why each change', panelShown && /→/.test(await panelTitle.innerText()) && panelText.includes('add-role'), panelShown ? await panelTitle.innerText() : 'no panel');
  if (panelShown) await checkPanelLooks({ page, frame: panelFrame, check, shots });

  if (lensShown) await acceptAll.click();
  const gone = await acceptAll.waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
  check('clicking Accept all ends the diff', gone);
  await page.keyboard.press('Control+S');
  const saved = await fileBecomes(expected);
  check('the saved file is exactly the engine rewrite', saved, `${expected.split('\n').length} lines expected`);
  await page.screenshot({ path: join(shots, '3-accepted.png') });

  // The Prompter activity bar: the History tree holds the prompt, and expanding it shows v0 and v1, the best starred.
  await page.locator('.activitybar .action-item [aria-label^="Prompter"]').first().click();
  const promptRow = page.locator('.sidebar .monaco-list-row', { hasText: 'Summarize this article' }).first();
  const listed = await promptRow.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const promptText = listed ? (await promptRow.innerText()).replace(/\s+/g, ' ') : '';
  if (listed) await promptRow.locator('.monaco-tl-twistie').click();
  const versionRow = (label) => page.locator('.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  const expanded = await versionRow('v1').waitFor({ timeout: 10_000 }).then(() => true, () => false);
  const v0Text = expanded ? (await versionRow('v0').innerText()).replace(/\s+/g, ' ') : '';
  const v1Text = expanded ? (await versionRow('v1').innerText()).replace(/\s+/g, ' ') : '';
  const starred = expanded ? await versionRow('v1').locator('.codicon-star-full').count() : 0;
  check(
    'the Prompter History tree lists the prompt (best score, time) → v0 original and v1 heuristic, the best starred',
    /\d+(\.\d)?\/50 · /.test(promptText) && /v0\s*\d+(\.\d)?\/50 · original/.test(v0Text) && /v1\s*\d+(\.\d)?\/50 · heuristic · best/.test(v1Text) && starred === 1,
    `${promptText} | ${v0Text} | ${v1Text}`,
  );
  if (expanded) {
    // Widen the sidebar as a person would to read the descriptions, move the focus to v1 with the
    // keyboard (a click would open it) and rest the pointer on it: its inline actions show.
    const box = await page.locator('.sidebar').boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 110, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await versionRow('v1').hover();
  }
  await page.screenshot({ path: join(shots, '3b-history-tree.png') });
  // Resting there shows the version's tooltip: score, source, why each change, and its text.
  const tooltip = page.locator('.workbench-hover, .monaco-hover', { hasText: 'Added a role' }).first();
  const tipShown = expanded && (await tooltip.waitFor({ timeout: 5000 }).then(() => true, () => false));
  const tipText = tipShown ? (await tooltip.innerText()).replace(/\s+/g, ' ') : '';
  check("v1's tooltip shows its score, source, why each change and its text", /\d\/50/.test(tipText) && tipText.includes('heuristic') && tipText.includes('## Role'), tipText.slice(0, 90));
  await page.waitForTimeout(400); // the hover fades in
  await page.screenshot({ path: join(shots, '3c-history-tooltip.png') });
  // Right-click v1: the version's actions; Compare with Previous opens VS Code's diff editor on v0 ↔ v1.
  if (expanded) await versionRow('v1').click({ button: 'right' });
  const menu = page.locator('.monaco-menu', { hasText: 'Compare with Previous' }).first();
  const menuShown = expanded && (await menu.waitFor({ timeout: 5000 }).then(() => true, () => false));
  const menuItems = menuShown ? (await menu.locator('.action-label').allInnerTexts()).map((text) => text.trim()).filter(Boolean) : [];
  const wanted = ['Compare with Previous', 'Compare with Original', 'Insert at Cursor', 'Replace Selection', 'Copy Text', 'Improve from This Version', 'Delete Version'];
  check("a version's context menu offers compare, insert, replace, copy, improve from it and delete", wanted.every((item) => menuItems.includes(item)), menuItems.join(' | '));
  await page.screenshot({ path: join(shots, '3d-history-menu.png') });
  if (menuShown) await menu.locator('.action-item', { hasText: 'Compare with Previous' }).click();
  const diffTab = page.locator('.tabs-container .tab', { hasText: 'summary.prompt.md v0 ↔ v1' }).first();
  const compared = await diffTab.waitFor({ timeout: 10_000 }).then(() => true, () => false);
  const sides = compared ? await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 10_000 }).then(() => true, () => false) : false;
  check('Compare with Previous opens the diff editor "summary.prompt.md v0 ↔ v1"', compared && sides);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(shots, '3e-history-compare.png') });
  if (compared) {
    await diffTab.click();
    await page.keyboard.press('Control+W');
  }
  await page.keyboard.press('Control+Shift+E'); // back to the Explorer, as the rest of the check expects

  // One Undo takes the accepted rewrite back to the original.
  await lines.click();
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+S');
  const undone = await fileBecomes(original);
  check('one Undo after Accept all brings the original back', undone);

  // The keyboard path: F1 → Improve Prompt on the whole prompt file, then Ctrl+Shift+Backspace (only
  // bound while a diff is shown) rejects it all and the text is back as it was.
  await page.keyboard.press('Control+End'); // no selection: the whole prompt file is used
  await runFromPalette(page, 'Prompter: Improve Prompt');
  const shownAgain = await acceptAll.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  await lines.click();
  await page.keyboard.press('Control+Shift+Backspace');
  const rejected = await acceptAll.waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
  await page.keyboard.press('Control+S');
  const restored = await fileBecomes(original);
  check('F1 Improve Prompt on the file, then Ctrl+Shift+Backspace rejects everything', shownAgain && rejected && restored, `diff shown ${shownAgain}, ended ${rejected}, file restored ${restored}`);

  // Score Prompt opens a readable scorecard beside the prompt.
  await lines.click();
  await page.keyboard.press('Control+A');
  await runFromPalette(page, 'Prompter: Score Prompt');
  const scorecard = page.locator('.monaco-editor .view-lines', { hasText: 'What holds it back' });
  const scored = await scorecard.first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
  check('Score Prompt opens the scorecard beside the prompt', scored);
  await page.screenshot({ path: join(shots, '4-scorecard.png') });

  // Prompt text with markup shows as text in the panel and runs nothing; its Reject all button works.
  const xssOriginal = readFileSync(join(folder, XSS_FILE), 'utf8');
  await openFile(page, XSS_FILE, 'Summarize the page');
  await page.keyboard.press('Control+End');
  await runFromPalette(page, 'Prompter: Improve Prompt');
  await acceptAll.waitFor({ timeout: 15_000 }).catch(() => {});
  const rewrite = panelFrame.locator('pre.rewrite', { hasText: 'onerror' });
  const asText = await rewrite.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const images = await panelFrame.locator('img').count();
  const scripts = await panelFrame.locator('#root script').count();
  const flagged = await panelFrame.locator('body[data-xss]').count();
  check('<script> and <img onerror> in a prompt show as text in the panel and run nothing', asText && images === 0 && scripts === 0 && flagged === 0, `text ${asText}, img ${images}, script ${scripts}, onerror ran ${flagged > 0}`);
  await rewrite.scrollIntoViewIfNeeded().catch(() => {}); // the markup, shown as text, in the shot
  await page.screenshot({ path: join(shots, '5-panel-markup-as-text.png') });
  await panelFrame.locator('button', { hasText: 'Reject all' }).click().catch(() => {});
  const panelRejected = await acceptAll.waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
  // Saved, so the file is not dirty when the Improve Again check closes all editors.
  const xssSaved = await saveEditor(page, XSS_FILE);
  check("the panel's Reject all ends the diff and restores the file", panelRejected && xssSaved && (await fileBecomes(xssOriginal, XSS_FILE)), `diff ended ${panelRejected}, saved ${xssSaved}`);

  // After a window reload the panel comes back with the same result, its buttons off (the diff is gone).
  const titleBefore = await panelTitle.innerText();
  // Developer: Reload Window, as a person would (it saves the workbench state first; a bare page reload
  // in the browser may not).
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), runFromPalette(page, 'Developer: Reload Window')]);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const revived = await panelTitle.waitFor({ timeout: 30_000 }).then(() => true, () => false);
  const titleAfter = revived ? await panelTitle.innerText() : '';
  const acceptDisabled = revived ? await panelFrame.locator('button', { hasText: 'Accept all' }).isDisabled() : false;
  check('the result panel survives a reload (same scores, Accept all disabled)', revived && titleAfter === titleBefore && acceptDisabled, `${titleBefore} → ${titleAfter || 'no panel'}`);
  await page.screenshot({ path: join(shots, '6-panel-after-reload.png') });

  // Improve Again on a prompt another process stored (v0 only), picked from the Command Palette.
  await seedStore(runDir, folder);
  await checkImproveAgain({ page, frame: panelFrame, check, shots });
}, { prepare });
