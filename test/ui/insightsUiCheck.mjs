#!/usr/bin/env node
// The insights dashboard as a person sees it, in a real VS Code 1.100 (code-server) in headless Chromium:
// F1 → Prompter: Show Insights on an empty history (the empty state), then a realistic history of 12
// weeks and 200+ versions lands in the workspace's .prompter/ from outside (as the CLI or another window
// would write it) and the open dashboard refreshes by itself; its charts, labels and table toggle are
// checked and screenshotted in the Dark Modern and the Light Modern theme; it survives a window reload.
// Screenshots go to test-results/ui-insights/ (look at them). Ends with "N passed, N failed".
import { join } from 'node:path';
import { loadCoreModule, openFile, runFromPalette, runUiCheck, useColorTheme } from './uiKit.mjs';

/** Switches the workbench to `label` and returns the dashboard's text colour once its colours arrived. */
async function showTheme(page, frame, label, selector) {
  const applied = await useColorTheme(page, label, selector);
  await page.waitForTimeout(1000); // the webview receives the theme's variables just after the workbench
  return applied ? frame.locator('body').evaluate((node) => getComputedStyle(node).color) : undefined;
}

/** True for a dark rgb() colour (a light theme's text). */
const isDark = (rgb) => {
  const [r, g, b] = (rgb ?? '').match(/\d+/g)?.map(Number) ?? [255, 255, 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 100;
};

/** The fixture history (test/helpers/insightsHistory.ts) written into the workspace's store. */
async function seedHistory(runDir, folder) {
  const { insightsHistory } = await loadCoreModule(runDir, 'test/helpers/insightsHistory.ts', 'insightsHistory');
  const { seedInsightsHistory } = await loadCoreModule(runDir, 'test/helpers/seedInsightsHistory.ts', 'seedInsightsHistory');
  const history = insightsHistory({ versions: 240, runsPerPrompt: 6, weeks: 12, endMs: Date.now(), seed: 11 });
  return seedInsightsHistory(join(folder, '.prompter'), history);
}

const requires = ['dist/extension.js', 'dist/webview/insights.js'];
await runUiCheck('ui-insights', { width: 1440, height: 1000 }, async ({ page, check, shots, runDir, folder }) => {
  await openFile(page, 'summary.prompt.md', 'Summarize');

  const frame = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  const body = frame.locator('body');
  const heading = frame.locator('h1', { hasText: 'Insights' });
  await runFromPalette(page, 'Prompter: Show Insights');
  const opened = await heading.waitFor({ timeout: 30_000 }).then(() => true, () => false);
  const darkText = await showTheme(page, frame, 'Dark Modern', '.monaco-workbench.vs-dark');
  check('the dark theme applies to the dashboard (light text)', darkText !== undefined && !isDark(darkText), `text ${darkText ?? 'theme not applied'}`);
  const empty = frame.locator('.empty');
  const emptyShown = opened && (await empty.waitFor({ timeout: 15_000 }).then(() => true, () => false));
  const emptyText = emptyShown ? await empty.innerText() : '';
  check('Show Insights on an empty history says how to start', emptyShown && emptyText.includes('No history yet') && emptyText.includes('Improve Prompt'), emptyText.split('\n')[0] ?? 'no dashboard');
  await page.screenshot({ path: join(shots, '0-empty-dark.png') });

  // Another process writes a whole history; the open dashboard follows (store.json watcher, debounced).
  const seeded = await seedHistory(runDir, folder);
  const runsTile = frame.locator('.kpi', { hasText: 'Improve runs' }).locator('.kpi-value');
  const refreshed = await runsTile.filter({ hasText: String(seeded.improveRuns) }).waitFor({ timeout: 20_000 }).then(() => true, () => false);
  check('the open dashboard refreshes when the history changes', refreshed, `${seeded.versions} versions, ${seeded.improveRuns} improve runs written from outside`);
  const renderMs = Number(await body.getAttribute('data-render-ms'));
  check('the webview reports its render time', renderMs > 0, `${renderMs} ms to build and lay out ${seeded.versions} versions' dashboard (in this loaded host)`);

  const charts = frame.locator('svg.chart[role="img"]');
  const chartCount = await charts.count();
  const labels = await charts.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  check('every chart is an image whose label states its figures', chartCount >= 7 && labels.every((label) => /\d/.test(label) && label.length > 40), `${chartCount} charts; ${labels[0]?.slice(0, 90)}…`);
  const cardTitles = await frame.locator('.card h2').allInnerTexts();
  const expected = ['Average judge total per week', 'Win rate and rollback rate per week', 'Time to result', 'Heuristic vs model', 'Acceptance of inline diffs', 'Average score per axis', 'Top patterns in high scorers', 'Strategies'];
  check('the dashboard has every section of the issue', expected.every((title) => cardTitles.includes(title)), cardTitles.join(' · '));
  const strategyRows = await frame.locator('table.strategies tbody tr').count();
  check('per-strategy statistics list the strategies used', strategyRows >= 8, `${strategyRows} strategies`);
  await page.screenshot({ path: join(shots, '1-dashboard-dark.png') });
  await frame.locator('.card', { hasText: 'Heuristic vs model' }).evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(shots, '1b-dashboard-dark-middle.png') });
  await frame.locator('.card.wide').last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '2-dashboard-dark-bottom.png') });

  // The table fallback of the first chart, and back.
  const toggle = frame.locator('.card', { hasText: 'Average judge total per week' }).locator('button.toggle');
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  const weeks = await frame.locator('.card', { hasText: 'Average judge total per week' }).locator('table tbody tr').count();
  check('Table shows a chart’s figures as a table (one row a week)', weeks >= 11, `${weeks} rows; pressed ${await toggle.getAttribute('aria-pressed')}`);
  await page.screenshot({ path: join(shots, '3-table-fallback-dark.png') });
  await toggle.click();

  const lightText = await showTheme(page, frame, 'Light Modern', '.monaco-workbench.vs');
  await frame.locator('h1').scrollIntoViewIfNeeded();
  check('the light theme applies to the dashboard (dark text)', isDark(lightText), `text ${lightText ?? 'theme not applied'}`);
  await page.screenshot({ path: join(shots, '4-dashboard-light.png') });
  await frame.locator('.card', { hasText: 'Heuristic vs model' }).evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(shots, '4b-dashboard-light-middle.png') });
  await frame.locator('.card.wide').last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '5-dashboard-light-bottom.png') });

  // Developer: Reload Window: the dashboard comes back with the same figures.
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), runFromPalette(page, 'Developer: Reload Window')]);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const revived = await runsTile.filter({ hasText: String(seeded.improveRuns) }).waitFor({ timeout: 30_000 }).then(() => true, () => false);
  check('the dashboard survives a window reload', revived);
  await page.screenshot({ path: join(shots, '6-after-reload-light.png') });
}, { requires });
