// The result panel as a person sees it (called by uiCheck.mjs): the word diff inline and side by side,
// in the light, dark and high-contrast themes, a keyboard focus ring; and Improve Again from the Command
// Palette's pick of recent prompts, then again from the panel's button until nothing gains. Screenshots
// go to the shots folder: look at them.
import { join } from 'node:path';
import { loadCoreModule, runFromPalette, useColorTheme } from './uiKit.mjs';

/** The prompt seeded into the store for Improve Again (v0 only, as another window or the CLI would leave it). */
export const SEEDED_PROMPT = 'Write a haiku about autumn leaves for a children’s book.';

/** Stores SEEDED_PROMPT as v0 in the workspace's `.prompter/` before the workbench starts. */
export async function seedStore(runDir, folder) {
  const { openHistoryStore } = await loadCoreModule(runDir, 'src/storage/fileHistoryRepository.ts', 'storage');
  const { judgePrompt } = await loadCoreModule(runDir, 'src/core/judge/judgePrompt.ts', 'judge');
  const repository = openHistoryStore(join(folder, '.prompter'));
  await repository.createPrompt(SEEDED_PROMPT, { file: 'haiku.prompt.md' }, { score: judgePrompt(SEEDED_PROMPT) });
}

// Theme names as the Color Theme picker lists them, and the class the workbench then carries. Headless
// Chromium prefers a light colour scheme, so the workbench starts in Light Modern (the other shots).
const THEMES = [
  ['Dark Modern', 'dark', '.monaco-workbench.vs-dark'],
  ['Dark High Contrast', 'high-contrast', '.monaco-workbench.hc-black'],
  ['Light High Contrast', 'high-contrast-light', '.monaco-workbench.hc-light'],
];

/** The open panel: inline and side-by-side diff, every theme, the focus ring. */
export async function checkPanelLooks({ page, frame, check, shots }) {
  const panel = page.locator('iframe.webview').first();
  const inserted = await frame.locator('.diff.inline ins').first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
  const sections = await frame.locator('h2').allInnerTexts();
  check('the panel shows the word diff inline, with scores, reasons, kept tokens, candidates and details', inserted && ['Scores', 'Why each change', 'Changes from original', 'Kept from your prompt', 'Candidates', 'Details'].every((title) => sections.some((text) => text.toLowerCase() === title.toLowerCase())), sections.join(' / '));
  await page.screenshot({ path: join(shots, '2b-panel-inline.png') });

  await frame.locator('button', { hasText: 'Side by side' }).click();
  const sideBySide = await frame.locator('.diff.side-by-side .column').nth(1).waitFor({ timeout: 10_000 }).then(() => true, () => false);
  const pressed = await frame.locator('button', { hasText: 'Side by side' }).getAttribute('aria-pressed').catch(() => null);
  check('the Side by side toggle shows the original and the rewrite in two columns (aria-pressed)', sideBySide && pressed === 'true');
  await frame.locator('#changes').scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: join(shots, '2c-panel-side-by-side.png') });

  const themed = [];
  for (const [theme, name, selector] of THEMES) {
    const applied = await useColorTheme(page, theme, selector);
    await page.waitForTimeout(500);
    await panel.screenshot({ path: join(shots, `2d-panel-${name}.png`) });
    themed.push(`${name} ${applied ? 'applied' : 'NOT applied'}`);
  }
  await useColorTheme(page, 'Light Modern', '.monaco-workbench.vs');
  check('the panel was drawn in the dark and both high-contrast themes', themed.every((text) => !text.includes('NOT')), themed.join(', '));

  await frame.locator('button', { hasText: 'Inline' }).click();
  const backInline = await frame.locator('.diff.inline').waitFor({ timeout: 10_000 }).then(() => true, () => false);
  // Keyboard: the layout buttons keep the focus across the re-render, and Tab reaches the actions.
  const keptFocus = await frame.locator('button[data-key="layout-inline"]').evaluate((node) => node === document.activeElement).catch(() => false);
  // Tab and back, so the browser shows the focus ring it shows keyboard users.
  await frame.locator('button', { hasText: 'Copy' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await panel.screenshot({ path: join(shots, '2e-panel-focus-on-copy.png') });
  check('Inline again, and a keyboard focus that survives the re-render', backInline && keptFocus);
  // Back into the prompt's editor (the first group), where the rest of the check types and saves. A
  // click could land on a hunk's CodeLens; the focused webview passes the keybinding to the workbench.
  await page.keyboard.press('Control+1');
  await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 5_000 }).catch(() => {});
}

/** Improve Again from the Command Palette (no editor: the pick of recent prompts), then from the panel. */
export async function checkImproveAgain({ page, frame, check, shots }) {
  // With no editor open, Improve Again asks which prompt (with one, it would take that editor's prompt).
  await runFromPalette(page, 'View: Close All Editors');
  const closed = await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
  await runFromPalette(page, 'Prompter: Improve Again');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'haiku' }).first();
  const picked = await row.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  await page.screenshot({ path: join(shots, '7-improve-again-pick.png') });
  if (picked) await row.click();
  const insert = frame.locator('button', { hasText: 'Insert at cursor' });
  const shown = await insert.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const status = shown ? await frame.locator('.status').innerText() : '';
  check('Improve Again on a picked prompt opens the new version with Copy / Insert at cursor / Replace selection', closed && picked && shown && /Stored v1, now best at/.test(status), closed ? status || 'no panel' : 'an editor stayed open after Close All Editors');
  await page.screenshot({ path: join(shots, '7-improve-again-panel.png') });

  await frame.locator('button', { hasText: 'Improve again' }).click().catch(() => {});
  const toast = page.locator('.notifications-toasts', { hasText: 'No further improvement found' });
  const said = await toast.first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
  const text = said ? (await toast.first().innerText()).split('\n').find((line) => line.includes('No further')) : '';
  const noted = await frame.locator('.status', { hasText: 'No further improvement found' }).waitFor({ timeout: 5_000 }).then(() => true, () => false);
  check('Improve again from the panel says when nothing gains ("no further improvement found; v1 stays best"), in a notification and the panel', said && noted && /v1 stays best at/.test(text ?? ''), text);
  await page.waitForTimeout(700); // the notification fades in
  await page.screenshot({ path: join(shots, '8-no-further-improvement.png') });
}
