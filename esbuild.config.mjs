// One build for every bundle the project ships or runs (STYLE.md rule 8):
//   node esbuild.config.mjs               extension + CLI + webviews (src/webview/<name>/main.ts)
//   node esbuild.config.mjs --tests       also the unit/integration test bundles
//   node esbuild.config.mjs --bench       also the benchmarks
//   --production minifies, --watch rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

/** Settings shared by every Node bundle. lowdb is ESM-only, so it is always bundled, never required. */
const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // graceful-fs (pulled in by proper-lockfile) patches fs.close process-wide, which in the extension host
  // every other extension shares; node's fs does for the lock's few calls, and it is 11 KB less to load.
  alias: { 'graceful-fs': 'fs' },
};

const builds = [
  {
    ...nodeBundle,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (existsSync('src/extension.ts')) {
  // The insights dashboard is a bundle of its own, loaded on first use (src/insights/insightsFeature.ts).
  builds.push({ ...nodeBundle, entryPoints: { extension: 'src/extension.ts', insights: 'src/insights/insightsFeature.ts' }, outdir: 'dist' });
}

// Webviews run in the browser: one bundle per src/webview/<name>/main.ts, written to dist/webview/<name>.js.
const webviews = existsSync('src/webview')
  ? readdirSync('src/webview').filter((name) => existsSync(join('src/webview', name, 'main.ts')))
  : [];
if (webviews.length) {
  builds.push({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: Object.fromEntries(webviews.map((name) => [name, join('src/webview', name, 'main.ts')])),
    outdir: 'dist/webview',
  });
}

if (args.has('--tests')) {
  builds.push({
    ...nodeBundle,
    entryPoints: [...filesUnder('test/unit', '.test.ts'), ...filesUnder('test/helpers', '.ts')],
    outbase: 'test',
    outdir: 'out/test',
    external: ['vscode', 'mocha'],
  });
  // The host runs every *.test.js in this folder: clear it so a deleted test does not run from a stale bundle.
  rmSync('out/test/integration', { recursive: true, force: true });
  // The suite that runs inside a real VS Code extension host (test/host/runInHost.mjs): an index that
  // starts mocha there plus one bundle per test file. `vscode` is the host's own module; mocha is loaded
  // from node_modules by the index.
  builds.push({
    ...nodeBundle,
    sourcemap: true,
    entryPoints: ['test/integration/index.ts', 'test/integration/suitePreload.ts', ...filesUnder('test/integration', '.test.ts')],
    outbase: 'test/integration',
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
  });
}

if (args.has('--bench')) {
  builds.push({ ...nodeBundle, entryPoints: filesUnder('test/bench', '.ts'), outbase: 'test', outdir: 'dist' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[watch] watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
