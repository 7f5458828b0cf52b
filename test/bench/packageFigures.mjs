#!/usr/bin/env node
// Run by `npm run package` right after `vsce package`: prints the VSIX's size and the size of each bundle
// inside it as named figures with their targets, in the format of `npm run bench`
// (`name: value unit  target …: met`). Figures are reported, not asserted. The bundles are measured in the
// VSIX, not in dist/, so a build that rewrote dist/ after packaging cannot skew them.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../host/hostPaths.mjs';

/** Name → uncompressed size of every entry in a ZIP file, read from its central directory. */
function zipEntries(path) {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory
  if (end < 0) throw new Error(`${path} is not a ZIP file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, zip.readUInt32LE(at + 24));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsix = join(repoRoot, 'dist', `${name}-${version}.vsix`);
const entries = zipEntries(vsix);
const kb = (bytes) => bytes / 1024;

const figures = [
  { name: 'vsix.kb', value: kb(statSync(vsix).size), target: 1024, detail: vsix.slice(repoRoot.length + 1) },
  { name: 'extension.bundle_kb', value: kb(entries.get('extension/dist/extension.js') ?? 0), target: 300, detail: 'dist/extension.js in the VSIX, minified' },
  ...[...entries]
    .filter(([entry]) => /^extension\/dist\/webview\/[^/]+\.js$/.test(entry))
    .map(([entry, size]) => ({ name: `webview.${entry.slice(entry.lastIndexOf('/') + 1, -3)}.bundle_kb`, value: kb(size) })),
];
for (const figure of figures) {
  const target = figure.target ? `  target <= ${figure.target} KB: ${figure.value <= figure.target ? 'met' : 'MISSED'}` : '';
  const detail = figure.detail ? `  (${figure.detail})` : '';
  console.log(`${figure.name}: ${figure.value.toFixed(1)} KB${target}${detail}`);
}
