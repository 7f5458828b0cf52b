/**
 * Reads what the insights dashboard needs from one store: every version's scores, strategies and
 * rendering, the metric and feedback events, and the learning report. Versions are cached per prompt and
 * re-read only for prompts whose summary changed, so a refresh after an improve run reads one prompt's
 * files instead of the whole history. No editor API: the benchmark and the unit tests use it as is.
 */
import type { FeedbackEventRecord, HistoryRepository, MetricEventRecord, PromptDetail, PromptSummary } from '../core/history';
import type { StrategyReportRow } from '../core/learning';
import type { AxisScores } from '../core/types';

/** One stored version as the dashboard uses it (its latest score). */
export interface VersionPoint {
  versionNo: number;
  total: number;
  axes: AxisScores;
  strategies: readonly string[];
  rendering?: string;
}

/** One store's data, ready for `buildInsightsModel`. */
export interface InsightsData {
  /** Per prompt, its scored versions (v0 included). */
  prompts: VersionPoint[][];
  /** Stored versions, scored or not. */
  versionCount: number;
  metrics: MetricEventRecord[];
  feedback: FeedbackEventRecord[];
  strategies: StrategyReportRow[];
}

interface CachedPrompt {
  stamp: string;
  versions: VersionPoint[];
}

// Prompts read per lock: a cold read of a large store then leaves room for writers between batches.
const BATCH = 256;

/** Changes whenever a prompt's versions or best change (append, delete, re-pick). */
const stampOf = (summary: PromptSummary): string => `${summary.updatedAt}:${summary.versionCount}:${summary.bestVersionId}:${summary.bestScore}`;

function pointsOf(detail: PromptDetail): VersionPoint[] {
  const points: VersionPoint[] = [];
  for (const { version, scores } of detail.versions) {
    const score = scores.at(-1);
    if (!score) continue;
    const { clarity, specificity, actionability, structure, contextUse } = score;
    points.push({
      versionNo: version.versionNo,
      total: score.total,
      axes: { clarity, specificity, actionability, structure, contextUse },
      strategies: version.strategies,
      ...(version.engine?.rendering ? { rendering: version.engine.rendering } : {}),
    });
  }
  return points;
}

/** Loads one store's insights data, keeping versions of unchanged prompts between loads. */
export class InsightsLoader {
  private readonly cache = new Map<string, CachedPrompt>();

  constructor(
    private readonly repository: HistoryRepository,
    private readonly strategyReport: () => Promise<StrategyReportRow[]>,
  ) {}

  /** Reads the store; only prompts changed since the last load are read again. */
  async load(): Promise<InsightsData> {
    const summaries = await this.repository.listPrompts();
    const changed = summaries.filter((summary) => this.cache.get(summary.id)?.stamp !== stampOf(summary));
    for (let start = 0; start < changed.length; start += BATCH) {
      const batch = changed.slice(start, start + BATCH);
      const stamps = new Map(batch.map((summary) => [summary.id, stampOf(summary)]));
      for (const detail of await this.repository.getPrompts([...stamps.keys()])) {
        this.cache.set(detail.prompt.id, { stamp: stamps.get(detail.prompt.id)!, versions: pointsOf(detail) });
      }
    }
    const live = new Set(summaries.map((summary) => summary.id));
    for (const id of this.cache.keys()) if (!live.has(id)) this.cache.delete(id);
    const metrics = await this.repository.listMetrics();
    const feedback = await this.repository.listFeedback();
    const strategies = await this.strategyReport();
    return {
      prompts: summaries.map((summary) => this.cache.get(summary.id)?.versions ?? []),
      versionCount: summaries.reduce((sum, summary) => sum + summary.versionCount, 0),
      metrics,
      feedback,
      strategies,
    };
  }
}
