/**
 * Turns one store's data into what the dashboard draws: the seed's metrics (aggregateMetrics), per-axis
 * averages of originals against rewrites, decisions by outcome, engines split into heuristic and model,
 * and the strategies that have been used or judged. Pure: unit-tested and benchmarked without an editor.
 */
import type { FeedbackDecision } from '../core/history';
import { axisLabel } from '../core/judge/judgePrompt';
import { aggregateMetrics } from '../core/metrics/aggregateMetrics';
import { axisAverages } from '../core/metrics/axisAverages';
import { AXES } from '../core/types';
import type { InsightsCount, InsightsModel } from '../shared/insightsProtocol';
import type { InsightsData } from './insightsLoader';

const DECISION_LABELS: Record<FeedbackDecision, string> = { accepted: 'accepted', partial: 'partly accepted', rejected: 'rejected' };

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Counts sorted by count, largest first (ties by label, so the order is stable). */
function countsOf(entries: Record<string, number>): InsightsCount[] {
  return Object.entries(entries)
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
}

/** The dashboard's model of `data`. */
export function buildInsightsModel(data: InsightsData): InsightsModel {
  const versions = data.prompts.flat();
  const rewrites = versions.filter((version) => version.versionNo > 0);
  const summary = aggregateMetrics({ metrics: data.metrics, feedback: data.feedback, versions: rewrites });
  const originals = axisAverages(versions.filter((version) => version.versionNo === 0).map((version) => version.axes));
  const rewritten = axisAverages(rewrites.map((version) => version.axes));
  let totalSum = 0;
  let scored = 0;
  for (const metric of data.metrics) {
    if (metric.kind !== 'improve' || metric.total === undefined) continue;
    totalSum += metric.total;
    scored += 1;
  }
  const decisions: Record<string, number> = { accepted: 0, 'partly accepted': 0, rejected: 0 };
  for (const event of data.feedback) decisions[DECISION_LABELS[event.decision]]! += 1;
  return {
    prompts: data.prompts.length,
    versions: data.versionCount,
    improveRuns: summary.improveRuns,
    averageTotal: scored ? round(totalSum / scored, 2) : null,
    weekly: summary.weekly.map((week) => ({ ...week, rollbackRate: round(1 - week.winRate, 3) })),
    winRate: summary.winRate,
    rollbackRate: summary.rollbackRate,
    timeToResultMs: summary.timeToResultMs,
    engines: countsOf(summary.usageByEngine).map(({ label, count }) => ({ engine: label, model: label.startsWith('llm:'), runs: count })),
    fallbacks: countsOf(summary.fallbacksByReason),
    acceptanceRate: summary.acceptanceRate,
    decisions: Object.entries(decisions).map(([label, count]) => ({ label, count })),
    axes: AXES.map((axis) => ({ label: axisLabel(axis), original: originals?.[axis] ?? null, rewrite: rewritten?.[axis] ?? null })),
    strategies: data.strategies
      .filter((row) => row.applied > 0 || row.accepted + row.rejected > 0)
      .sort((a, b) => b.applied - a.applied || (a.id < b.id ? -1 : 1))
      .map(({ id, applied, meanJudgeGain, accepted, rejected }) => ({ id, applied, meanJudgeGain, accepted, rejected })),
    highScoreThreshold: summary.highScoreThreshold,
    topPatterns: summary.topPatterns.map(({ pattern, inHigh, inRest }) => ({ pattern, inHigh, inRest })),
  };
}
