#!/usr/bin/env node
// Live prompt diagnostics as a person sees them, in a real VS Code 1.100 (code-server) in headless
// Chromium: open a prompt file with a vague word, wait for the squiggle, hover it and read the
// scorecard, read the score in the status bar, open the Quick Fix menu. Screenshots go to
// test-results/ui-diagnostics/ (look at them). Ends with "N passed, N failed". Needs dist/ built.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCoreModule, openFile, runUiCheck } from './uiKit.mjs';

const PROMPT_FILE = 'newsletter.prompt.md';
const PROMPT = 'Write something about our product for the newsletter.\nKeep it short.\n';

/** The core's diagnosis of `text`, from the same code the extension bundles (the expected result). */
async function coreDiagnosis(runDir, text) {
  const { diagnosePrompt } = await loadCoreModule(runDir, 'src/core/diagnostics/diagnosePrompt.ts', 'diagnose');
  return diagnosePrompt(text);
}

async function prepare({ runDir, folder }) {
  writeFileSync(join(folder, PROMPT_FILE), PROMPT);
  return coreDiagnosis(runDir, PROMPT);
}

await runUiCheck('ui-diagnostics', { width: 1400, height: 900 }, async ({ page, check, shots, prepared: expected }) => {
  // Open the file with Quick Open: opening a prompt file is what activates the extension.
  await openFile(page, PROMPT_FILE, 'newsletter');
  const opened = Date.now();

  const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
  const shown = await squiggle.waitFor({ timeout: 20_000 }).then(() => true, () => false);
  check('a warning squiggle appears in the prompt file', shown, `${Date.now() - opened} ms after the text showed`);
  await page.screenshot({ path: join(shots, '1-squiggle.png') });

  const score = page.locator('.statusbar-item', { hasText: '/50' }).first();
  const scoreText = await score.waitFor({ timeout: 10_000 }).then(() => score.innerText(), () => '');
  check('the status bar shows the file\'s score', scoreText.includes(`${expected.scorecard.total}/50`), JSON.stringify(scoreText));

  // The text layer lies above the decorations, so point at the squiggle's place rather than the element.
  const box = shown ? await squiggle.boundingBox() : null;
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 - 4);
  }
  const hover = page.locator('.monaco-hover', { hasText: '/50' }).first();
  const hovered = await hover.waitFor({ timeout: 10_000 }).then(() => true, () => false);
  const hoverText = hovered ? await hover.innerText() : '';
  check(
    'hovering the squiggle shows the scorecard (total, axes, suggestions)',
    hovered && hoverText.includes(`${expected.scorecard.total}/50`) && hoverText.includes('context use') && hoverText.includes('Suggestions'),
    hoverText.replace(/\s+/g, ' ').slice(0, 140),
  );
  await page.screenshot({ path: join(shots, '2-hover-top.png') });
  // VS Code lists the diagnostics under the pointer first; the scorecard follows them. Scroll the hover to it.
  const hoverBox = hovered ? await hover.boundingBox() : null;
  if (hoverBox) {
    await page.mouse.move(hoverBox.x + hoverBox.width / 2, hoverBox.y + 20, { steps: 5 });
    for (let i = 0; i < 6; i += 1) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(100);
    }
  }
  await page.screenshot({ path: join(shots, '2-hover-scorecard.png') });

  // The Quick Fix menu, from the keyboard at the squiggle.
  await page.mouse.move(10, 10);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-line', { hasText: 'something' }).first().click();
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Improve prompt' }).first();
  const offered = await fix.waitFor({ timeout: 10_000 }).then(() => true, () => false);
  check('Ctrl+. offers the Improve prompt Quick Fix', offered);
  await page.screenshot({ path: join(shots, '3-quick-fix.png') });
  if (offered) {
    await page.keyboard.press('Enter');
    const acceptAll = page.locator('.codelens-decoration a', { hasText: 'Accept all' }).first();
    const diff = await acceptAll.waitFor({ timeout: 15_000 }).then(() => true, () => false);
    check('choosing it starts the inline diff', diff);
    await page.screenshot({ path: join(shots, '4-inline-diff.png') });
  }
}, { prepare });
