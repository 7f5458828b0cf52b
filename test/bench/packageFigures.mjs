#!/usr/bin/env node
// Run by `npm run package` right after `vsce package`: prints the VSIX's size and the minified extension
// bundle's size as named figures with their targets, in the format of `npm run bench`
// (`name: value unit  target …: met`). Figures are reported, not asserted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../host/hostPaths.mjs';

const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const dist = join(repoRoot, 'dist');
const vsix = join(dist, `${name}-${version}.vsix`);
const kb = (path) => statSync(path).size / 1024;

const figures = [
  { name: 'vsix.kb', value: kb(vsix), target: 1024, detail: vsix.slice(repoRoot.length + 1) },
  { name: 'extension.bundle_kb', value: kb(join(dist, 'extension.js')), target: 300, detail: 'dist/extension.js, minified' },
  ...readdirSync(join(dist, 'webview'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ name: `webview.${file.replace(/\.js$/, '')}.bundle_kb`, value: kb(join(dist, 'webview', file)) })),
];
for (const figure of figures) {
  const target = figure.target ? `  target <= ${figure.target} KB: ${figure.value <= figure.target ? 'met' : 'MISSED'}` : '';
  const detail = figure.detail ? `  (${figure.detail})` : '';
  console.log(`${figure.name}: ${figure.value.toFixed(1)} KB${target}${detail}`);
}
