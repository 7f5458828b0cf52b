/**
 * `prompter stats`: the seed's metrics (weekly average total, win rate, rollback rate, time to result,
 * usage by engine) plus acceptance rate, per-strategy statistics and the top patterns in high scorers.
 */
import type { HistoryRepository } from '../../core/history';
import type { StrategyReportRow } from '../../core/learning';
import type { MetricsSummary, VersionFacts } from '../../core/metrics/aggregateMetrics';
import { aggregateMetrics } from '../../core/metrics/aggregateMetrics';
import type { CommandContext } from './commandContext';

/** `prompter stats --json`. */
export interface StatsJson extends MetricsSummary {
  strategies: StrategyReportRow[];
}

/**
 * Every stored rewrite (not the originals) with its latest total, strategies and rendering. The prompts
 * are read in one batch (`getPrompts`), not one read per prompt: a history of 10,000 versions is
 * thousands of files, and a read per prompt would also take the store's lock once per prompt.
 */
export async function versionFacts(repository: HistoryRepository): Promise<VersionFacts[]> {
  const facts: VersionFacts[] = [];
  const ids = (await repository.listPrompts()).map((summary) => summary.id);
  for (const detail of await repository.getPrompts(ids)) {
    for (const { version, scores } of detail.versions) {
      const total = scores.at(-1)?.total;
      if (version.versionNo === 0 || total === undefined) continue;
      facts.push({ total, strategies: version.strategies, ...(version.engine?.rendering ? { rendering: version.engine.rendering } : {}) });
    }
  }
  return facts;
}

const percent = (value: number | null): string => (value === null ? '–' : `${Math.round(value * 100)}%`);

function printStats(context: CommandContext, stats: StatsJson): void {
  const { io, paint: p } = context;
  const lines = [
    p.bold('Improve runs') + `  ${stats.improveRuns}   win rate ${percent(stats.winRate)}   rollback rate ${percent(stats.rollbackRate)}`,
    `${p.bold('Time to result')}  median ${stats.timeToResultMs.median} ms   p95 ${stats.timeToResultMs.p95} ms`,
    `${p.bold('Usage by engine')}  ${Object.entries(stats.usageByEngine).map(([engine, n]) => `${engine} ${n}`).join('   ') || '–'}`,
    ...(Object.keys(stats.fallbacksByReason).length ? [`${p.bold('Model fallbacks')}  ${Object.entries(stats.fallbacksByReason).map(([reason, n]) => `${reason} ${n}`).join('   ')}`] : []),
    `${p.bold('Acceptance rate')}  ${percent(stats.acceptanceRate)} over ${stats.feedbackEvents} decisions`,
    p.bold('Average judge total per week'),
    ...stats.weekly.map((w) => `  ${w.week}  ${w.averageTotal.toFixed(1).padStart(4)}/50  ${String(w.runs).padStart(4)} runs  win ${percent(w.winRate)}`),
    p.bold('Strategies') + p.dim('  (applied, mean judge gain, hunks accepted/rejected, chance of use)'),
    ...stats.strategies.map((s) => `  ${s.id.padEnd(26)} ${String(s.applied).padStart(4)}  ${s.meanJudgeGain === null ? '   –' : s.meanJudgeGain.toFixed(2).padStart(5)}  ${s.accepted}/${s.rejected}  ${percent(s.inclusionProbability)}`),
    p.bold('Top patterns in high scorers') + p.dim(`  (versions ≥ ${stats.highScoreThreshold}/50)`),
    ...stats.topPatterns.map((t) => `  ${t.pattern.padEnd(26)} in ${percent(t.inHigh)} of high scorers vs ${percent(t.inRest)} of the rest`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
}

/** Prints the metrics; returns the exit code. */
export async function runStats(
  context: CommandContext,
  repository: HistoryRepository,
  strategyRows: (repository: HistoryRepository) => Promise<StrategyReportRow[]>,
): Promise<number> {
  const [metrics, feedback, versions, strategies] = await Promise.all([
    repository.listMetrics(),
    repository.listFeedback(),
    versionFacts(repository),
    strategyRows(repository),
  ]);
  const stats: StatsJson = { ...aggregateMetrics({ metrics, feedback, versions }), strategies };
  if (context.json) context.io.stdout(`${JSON.stringify(stats, null, 2)}\n`);
  else printStats(context, stats);
  return 0;
}
