/**
 * Draws the insights dashboard's webview bundle (dist/webview/insights.js, media/insights.css) in headless
 * Chromium with a given state, outside VS Code: the webview's own figure (performance.now around building
 * and laying out the page, as it reports it to the host) for each render, and a screenshot when asked.
 * VS Code's theme variables are stood in for by a few of their Dark Modern / Light Modern values.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Playwright from 'playwright-core';
import type { InsightsState } from '../../src/shared/insightsProtocol';

const repoRoot = resolve(__dirname, '..', '..');

/** Debian's Chromium (as test/host/hostPaths.mjs has it). */
export const chromiumPath = process.env.PROMPTER_CHROMIUM ?? '/usr/bin/chromium';

const THEMES = {
  dark: {
    'editor-background': '#1f1f1f', foreground: '#cccccc', descriptionForeground: '#9d9d9d', 'editorWidget-background': '#202020', 'widget-border': '#313131',
    'charts-blue': '#3794ff', 'charts-green': '#89d185', 'charts-red': '#f14c4c', 'charts-orange': '#d18616', 'charts-purple': '#b180d7', 'charts-lines': 'rgba(204,204,204,0.5)',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', focusBorder: '#0078d4',
  },
  light: {
    'editor-background': '#ffffff', foreground: '#3b3b3b', descriptionForeground: '#616161', 'editorWidget-background': '#f8f8f8', 'widget-border': '#e5e5e5',
    'charts-blue': '#1a85ff', 'charts-green': '#388a34', 'charts-red': '#e51400', 'charts-orange': '#d18616', 'charts-purple': '#652d90', 'charts-lines': 'rgba(0,0,0,0.5)',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', focusBorder: '#005fb8',
  },
} as const;

/** A theme's variables as VS Code sets them on a webview's root element, plus its default body style. */
function themeCss(theme: keyof typeof THEMES): string {
  const vars = Object.entries(THEMES[theme]).map(([name, value]) => `--vscode-${name}: ${value};`).join(' ');
  return `:root { ${vars} --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; } body { background: var(--vscode-editor-background); margin: 0; }`;
}

/** An open page with the dashboard script loaded; `render` draws a state and resolves with the webview's figure. */
export interface DashboardPage {
  render(state: InsightsState): Promise<number>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens Chromium with the dashboard; throws when Chromium or the built bundle is missing. */
export async function openDashboardPage(theme: keyof typeof THEMES = 'dark', width = 1280): Promise<DashboardPage> {
  // NOTE: loaded at run time, not bundled into the benchmark (as bundleBench does with esbuild).
  const { chromium } = createRequire(__filename)('playwright-core') as typeof Playwright;
  const script = readFileSync(resolve(repoRoot, 'dist/webview/insights.js'), 'utf8');
  const css = readFileSync(resolve(repoRoot, 'media/insights.css'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(`<!DOCTYPE html><html><head><style>${themeCss(theme)}</style><style>${css}</style></head><body><main id="root"></main></body></html>`);
  await page.evaluate(() => {
    const posted: unknown[] = [];
    Object.assign(window, { posted, acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(m), getState: () => undefined, setState: () => undefined }) });
  });
  await page.addScriptTag({ content: script });
  return {
    render: (state) =>
      page.evaluate(
        (sent) =>
          new Promise<number>((done, fail) => {
            const posted = (window as unknown as { posted: { type: string; generation?: number; ms?: number }[] }).posted;
            const from = posted.length;
            window.postMessage({ type: 'state', state: sent }, '*');
            const deadline = Date.now() + 10_000;
            const poll = () => {
              const reply = posted.slice(from).find((m) => m.type === 'rendered' && m.generation === sent.generation);
              if (reply) done(reply.ms!);
              else if (Date.now() > deadline) fail(new Error('the dashboard did not report a render'));
              else setTimeout(poll, 5);
            };
            poll();
          }),
        state,
      ),
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => browser.close(),
  };
}
