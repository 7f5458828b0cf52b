#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128, transparent corners) in the same headless Chromium
// the UI checks use. The marketplace and `vsce` take only a PNG icon; the SVG is its source.
// Run after editing the SVG: node test/host/renderIcon.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { repoRoot } from './hostPaths.mjs';

const svg = readFileSync(join(repoRoot, 'media', 'icon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(repoRoot, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('wrote media/icon.png');
