/**
 * The extension bundle's size as it ships: src/extension.ts built minified in memory (dist/ is left as it
 * is), with the packages that weigh most named beside it so a jump points at its cause. The VSIX's own
 * size is printed by `npm run package` (test/bench/packageFigures.mjs), which builds and packs it.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Esbuild from 'esbuild';
import type { BenchSuite } from './benchTypes';

const repoRoot = resolve(__dirname, '..', '..');

/** Where a bundled input comes from: its npm package, or its folder under src/. */
function origin(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return pkg ? pkg[1]! : input.split('/').slice(0, 2).join('/');
}

/** One entry bundled as `npm run package` ships it: its size in KB and the origins that weigh most. */
async function bundleSize(esbuild: typeof Esbuild, entry: string): Promise<{ kb: number; heaviest: string }> {
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    external: ['vscode'],
    alias: { 'graceful-fs': 'fs' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const byOrigin = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      byOrigin.set(origin(input), (byOrigin.get(origin(input)) ?? 0) + bytesInOutput);
    }
  }
  const heaviest = [...byOrigin]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} KB`)
    .join(', ');
  return { kb: result.outputFiles[0]!.contents.length / 1024, heaviest };
}

/** `extension.bundle_kb` (target <= 300 KB), what activation loads, and the lazily loaded insights bundle. */
export const bundleBench: BenchSuite = {
  name: 'bundle',
  async run() {
    // NOTE: loaded at run time, not bundled into the benchmark (esbuild's API finds its native binary
    // next to its own files). The options mirror esbuild.config.mjs's extension build with --production.
    const esbuild = createRequire(__filename)('esbuild') as typeof Esbuild;
    const extension = await bundleSize(esbuild, 'src/extension.ts');
    const insights = await bundleSize(esbuild, 'src/insights/insightsFeature.ts');
    return [
      { name: 'extension.bundle_kb', value: extension.kb, unit: 'KB', target: '<= 300 KB', met: extension.kb <= 300, detail: `minified, loaded on activation; heaviest: ${extension.heaviest}` },
      { name: 'insights.bundle_kb', value: insights.kb, unit: 'KB', detail: `minified, loaded on the first Show Insights or Export Insights; heaviest: ${insights.heaviest}` },
    ];
  },
};
