/**
 * The insights dashboard at 10,000 versions: `insights.render_ms_at_10000` is the aggregation (the data
 * read from the store turned into the dashboard's model: weekly buckets, rates, percentiles, axes,
 * patterns) plus the webview drawing that model in headless Chromium (DOM and SVG built and laid out, as
 * measured by the webview itself with performance.now). Reading the store is reported beside it: a cold
 * read (the dashboard's first open) and the refresh after one more improve run (what a person waits for
 * while working), neither with a target — they are file I/O on a shared, noisy disk. The refresh is timed
 * twice in the same run, alternating: incrementally (events read from the loader's cursor) and with every
 * event read again (the loader given no cursor, as before incremental reads), and their ratio is reported.
 *
 * The store is a realistic fixture (test/helpers/insightsHistory.ts) written with the store's own
 * operations; every file is decoded and validated again when the loader reads it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInsightsModel } from '../../src/insights/insightsModel';
import { InsightsLoader } from '../../src/insights/insightsLoader';
import { linkLearning } from '../../src/core/learningStore';
import type { HistoryRepository } from '../../src/core/history';
import type { InsightsModel, InsightsState } from '../../src/shared/insightsProtocol';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { insightsHistory } from '../helpers/insightsHistory';
import { seedInsightsHistory } from '../helpers/seedInsightsHistory';
import { scoreOf } from '../helpers/scorecards';
import type { BenchFigure, BenchSuite } from './benchTypes';
import { median, timeRuns } from './benchTypes';
import { chromiumPath, openDashboardPage } from './insightsRender';

const VERSIONS = 10_000;
const round1 = (value: number): number => Math.round(value * 10) / 10;

function stateOf(model: InsightsModel, generation: number): InsightsState {
  return { generation, storeKey: 'bench', storeLabel: 'bench', location: '.prompter', stores: [{ key: 'bench', label: 'bench' }], status: 'ready', model, updatedAt: Date.now() };
}

/** Median of `runs` webview renders of `model` (after one warm-up), or undefined without Chromium. */
async function renderTimes(model: InsightsModel, runs: number): Promise<{ first: number; times: number[] } | undefined> {
  if (!existsSync(chromiumPath) || !existsSync(join(__dirname, '..', '..', 'dist/webview/insights.js'))) return undefined;
  const page = await openDashboardPage('dark');
  try {
    const first = await page.render(stateOf(model, 1));
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await page.render(stateOf(model, i + 2)));
    return { first, times };
  } finally {
    await page.close();
  }
}

export const insightsBench: BenchSuite = {
  name: 'insights',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'prompter-insights-bench-'));
    try {
      const history = insightsHistory({ versions: VERSIONS, runsPerPrompt: 12, weeks: 26, endMs: Date.UTC(2026, 10, 30), seed: 7 });
      const seeded = await seedInsightsHistory(dir, history);

      // Cold: a fresh repository and loader, every version page read and validated.
      const cold: number[] = [];
      let loader: InsightsLoader | undefined;
      for (let i = 0; i < 3; i += 1) {
        const repository = openHistoryStore(dir);
        loader = new InsightsLoader(repository, () => linkLearning(repository).report());
        const started = performance.now();
        await loader.load();
        cold.push(performance.now() - started);
      }
      const data = await loader!.load();
      const aggregate = timeRuns(9, () => buildInsightsModel(data));
      const model = buildInsightsModel(data);

      // A refresh after one more improve run (a version, its metric, the decision on it): one prompt
      // changed. Timed with the loader's cursor, and with a second warm loader that reads every event again.
      const writer = openHistoryStore(dir);
      const fullReader = openHistoryStore(dir);
      const everyEvent: HistoryRepository = Object.create(fullReader) as HistoryRepository;
      everyEvent.readEventsSince = () => fullReader.readEventsSince(undefined);
      const fullLoader = new InsightsLoader(everyEvent, () => linkLearning(everyEvent).report());
      await fullLoader.load();
      const refresh: number[] = [];
      const refreshFull: number[] = [];
      const timedRefresh = async (target: InsightsLoader, into: number[]): Promise<InsightsModel> => {
        const started = performance.now();
        const refreshed = buildInsightsModel(await target.load());
        into.push(performance.now() - started);
        return refreshed;
      };
      // 11 runs: enough to fill the fixture's last metric segment (247 of 256) and start a new one.
      for (let i = 0; i < 11; i += 1) {
        const [prompt] = await writer.listPrompts();
        const appended = await writer.appendVersion(prompt!.id, { text: `Refresh ${i}`, explanation: { bullets: [], diffs: [] }, source: 'engine/heuristic@1', strategies: ['add-role'], parentVersionId: prompt!.bestVersionId, engine: { id: 'heuristic@1' }, timeToResultMs: 30 }, scoreOf(30), { adoptIfAtLeastBest: true });
        await writer.recordMetric({ kind: 'improve', promptId: prompt!.id, engine: 'heuristic@1', timeToResultMs: 30, adopted: appended.adopted, total: 30 });
        if (appended.stored) await writer.recordFeedback({ promptId: prompt!.id, versionId: appended.version.id, decision: 'accepted', hunks: [], strategies: ['add-role'], via: 'bench' });
        // Alternating which goes first, so neither always gets the warmer disk cache.
        const first = i % 2 === 0 ? [loader!, refresh] as const : [fullLoader, refreshFull] as const;
        const second = i % 2 === 0 ? [fullLoader, refreshFull] as const : [loader!, refresh] as const;
        const a = await timedRefresh(...first);
        const b = await timedRefresh(...second);
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`run ${i}: the incremental refresh's model differs from the full read's`);
      }
      const speedup = median(refreshFull) / median(refresh);

      const render = await renderTimes(model, 7);
      const figures: BenchFigure[] = [
        { name: 'insights.aggregate_ms_at_10000', value: round1(median(aggregate)), unit: 'ms', detail: `buildInsightsModel over ${seeded.versions} versions, ${seeded.improveRuns} improve runs, ${seeded.feedback} decisions; median of ${aggregate.length}` },
        { name: 'insights.load_cold_ms_at_10000', value: round1(median(cold)), unit: 'ms', detail: `fresh repository: ${seeded.prompts} prompts' files read and validated, plus ${data.metrics.length} metric and ${data.feedback.length} feedback events; median of ${cold.length}` },
        { name: 'insights.refresh_ms_after_one_run_at_10000', value: round1(median(refresh)), unit: 'ms', detail: `after one improve run: the changed prompt and the events appended since the last refresh read, model rebuilt; median of ${refresh.length}` },
        { name: 'insights.refresh_full_read_ms_after_one_run_at_10000', value: round1(median(refreshFull)), unit: 'ms', detail: `the same refresh with every event read again (${data.metrics.length} metric, ${data.feedback.length} feedback); median of ${refreshFull.length}, alternating with the one above` },
        { name: 'insights.refresh_speedup_after_one_run_at_10000', value: Math.round(speedup * 100) / 100, unit: 'x', detail: 'full-read refresh / incremental refresh (medians, same run); what the incremental one still spends is buildInsightsModel (aggregate_ms above) and the prompt list (every index page read and validated), about equally' },
      ];
      if (!render) {
        figures.push({ name: 'insights.render_ms_at_10000', value: round1(median(aggregate)), unit: 'ms', detail: `aggregation only: no Chromium at ${chromiumPath} or no dist/webview/insights.js (run node test/host/installHost.mjs and the build)` });
        return figures;
      }
      const total = median(aggregate) + median(render.times);
      figures.push(
        { name: 'insights.webview_render_ms_at_10000', value: round1(median(render.times)), unit: 'ms', detail: `headless Chromium, 1280 px wide, ${model.weekly.length} weeks; median of ${render.times.length} after a first render of ${round1(render.first)} ms` },
        { name: 'insights.render_ms_at_10000', value: round1(total), unit: 'ms', target: '<= 500 ms', met: total <= 500, detail: 'aggregation + webview render (medians); reading the store is the load/refresh figures above' },
      );
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
