/**
 * Reads what the insights dashboard needs from one store: every version's scores, strategies and
 * rendering, the metric and feedback events, and the learning report. Versions are cached per prompt and
 * re-read only for prompts whose summary changed, and events are read from where the last load stopped, so
 * a refresh after an improve run reads one prompt's files and the last event segments instead of the whole
 * history. No editor API: the benchmark and the unit tests use it as is.
 */
import type {
  EventCursor,
  FeedbackEventRecord,
  HistoryRepository,
  MetricEventRecord,
  PromptDetail,
  PromptSummary,
} from '../core/history';
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

/** The events read so far and where the read stopped. */
interface KeptEvents {
  cursor: EventCursor;
  metrics: MetricEventRecord[];
  feedback: FeedbackEventRecord[];
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
  private events: KeptEvents | undefined;
  private eventsRead: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: HistoryRepository,
    private readonly strategyReport: () => Promise<StrategyReportRow[]>,
  ) {}

  /** Reads the store; only prompts changed and events appended since the last load are read. */
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
    const events = await this.readEvents();
    const strategies = await this.strategyReport();
    return {
      prompts: summaries.map((summary) => this.cache.get(summary.id)?.versions ?? []),
      versionCount: summaries.reduce((sum, summary) => sum + summary.versionCount, 0),
      metrics: events.metrics,
      feedback: events.feedback,
      strategies,
    };
  }

  /** One events read at a time: two reads from one cursor would both append the same new events. */
  private readEvents(): Promise<Pick<KeptEvents, 'metrics' | 'feedback'>> {
    const next = this.eventsRead.catch(() => undefined).then(() => this.readEventsNow());
    this.eventsRead = next;
    return next;
  }

  /** The events so far: the new ones appended to those kept, or all of them when the store could not resume. */
  private async readEventsNow(): Promise<Pick<KeptEvents, 'metrics' | 'feedback'>> {
    const since = await this.repository.readEventsSince(this.events?.cursor);
    if (!since.incremental || !this.events) {
      this.events = { cursor: since.cursor, metrics: since.metrics, feedback: since.feedback };
    } else {
      // A loop, not push(...list): a long absence can bring more events than a call takes arguments.
      for (const event of since.metrics) this.events.metrics.push(event);
      for (const event of since.feedback) this.events.feedback.push(event);
      this.events.cursor = since.cursor;
    }
    // Copies: the kept lists grow on the next load, and a caller may still hold this load's data.
    return { metrics: this.events.metrics.slice(), feedback: this.events.feedback.slice() };
  }
}
