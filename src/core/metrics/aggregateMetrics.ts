/**
 * The seed's metrics table, computed from the history's events: average judge total per week, win and
 * rollback rates, time to result, usage by engine, acceptance of rewrites, and which strategies show up
 * in high-scoring versions. Pure: the CLI's `stats` and the insights dashboard share it.
 */
import type { FeedbackEventRecord, MetricEventRecord } from '../history';

/** A stored version as the pattern analysis sees it. */
export interface VersionFacts {
  total: number;
  strategies: readonly string[];
  rendering?: string;
}

/** One week of improve runs (weeks start on Monday, UTC). */
export interface WeekBucket {
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  runs: number;
  averageTotal: number;
  winRate: number;
  /** Time to result of the week's runs: median and 95th percentile (nearest rank), in milliseconds. */
  medianMs: number;
  p95Ms: number;
}

/** A strategy or rendering that is more common among high-scoring versions than among the rest. */
export interface Pattern {
  pattern: string;
  /** Share of high-scoring versions that have it (0–1). */
  inHigh: number;
  /** Share of the other versions that have it (0–1). */
  inRest: number;
  /** inHigh − inRest: how much more common it is among high scorers. */
  lift: number;
}

/** Everything `prompter stats` and the dashboard show. */
export interface MetricsSummary {
  improveRuns: number;
  weekly: WeekBucket[];
  /** Share of improve runs whose version was adopted (total ≥ best). */
  winRate: number;
  /** Share of improve runs that did not produce an adopted version. */
  rollbackRate: number;
  timeToResultMs: { median: number; p95: number };
  /** Runs per engine id (`heuristic@1`, `llm:<model>`). */
  usageByEngine: Record<string, number>;
  /** Runs that fell back from a model, per reason. */
  fallbacksByReason: Record<string, number>;
  /** Decided hunks that were kept, 0–1 (whole decisions count once each); null with no feedback. */
  acceptanceRate: number | null;
  feedbackEvents: number;
  /** Versions scoring at or above this total count as high scorers. */
  highScoreThreshold: number;
  topPatterns: Pattern[];
}

const DAY = 86_400_000;

// Labels by day number of the Monday: a history of 10,000 runs spans a few dozen weeks, and formatting a
// date is most of the cost of bucketing a run.
const mondayLabels = new Map<number, string>();

/** The Monday (UTC) of the week containing `ms`, as `YYYY-MM-DD`. */
export function weekOf(ms: number): string {
  const day = Math.floor(ms / DAY);
  // Day 0 (1970-01-01) was a Thursday, three days after a Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  let label = mondayLabels.get(monday);
  if (label === undefined) {
    label = new Date(monday * DAY).toISOString().slice(0, 10);
    mondayLabels.set(monday, label);
  }
  return label;
}

/** The p-th percentile (0–100) by nearest rank; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  return percentiles(values, [p])[0]!;
}

/** Several percentiles of one list, sorting it once (a typed array sorts numbers without a comparator). */
export function percentiles(values: readonly number[], ps: readonly number[]): number[] {
  if (values.length === 0) return ps.map(() => 0);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!);
}

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Median and 95th percentile of times to result, in milliseconds. */
function timeFigures(times: readonly number[]): { medianMs: number; p95Ms: number } {
  const [median, p95] = percentiles(times, [50, 95]);
  return { medianMs: round(median!, 2), p95Ms: round(p95!, 2) };
}

function weekly(runs: readonly MetricEventRecord[]): WeekBucket[] {
  const buckets = new Map<string, { runs: number; totalSum: number; scored: number; wins: number; times: number[] }>();
  for (const run of runs) {
    const key = weekOf(run.createdAt);
    const bucket = buckets.get(key) ?? { runs: 0, totalSum: 0, scored: 0, wins: 0, times: [] };
    bucket.runs += 1;
    bucket.times.push(run.timeToResultMs);
    if (run.total !== undefined) {
      bucket.totalSum += run.total;
      bucket.scored += 1;
    }
    if (run.adopted) bucket.wins += 1;
    buckets.set(key, bucket);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, b]) => ({
      week,
      runs: b.runs,
      averageTotal: b.scored ? round(b.totalSum / b.scored, 2) : 0,
      winRate: round(b.wins / b.runs),
      ...timeFigures(b.times),
    }));
}

function acceptance(feedback: readonly FeedbackEventRecord[]): number | null {
  let kept = 0;
  let decided = 0;
  for (const event of feedback) {
    if (event.hunks.length > 0) {
      decided += event.hunks.length;
      kept += event.hunks.filter((hunk) => hunk.accepted).length;
    } else {
      decided += 1;
      if (event.decision === 'accepted') kept += 1;
    }
  }
  return decided === 0 ? null : round(kept / decided);
}

function topPatterns(versions: readonly VersionFacts[], threshold: number): Pattern[] {
  const high = versions.filter((v) => v.total >= threshold);
  const rest = versions.filter((v) => v.total < threshold);
  if (high.length === 0) return [];
  const count = (group: readonly VersionFacts[]): Map<string, number> => {
    const counts = new Map<string, number>();
    const add = (pattern: string) => counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    for (const v of group) {
      // A version counts once per pattern, even if a strategy id was stored twice.
      v.strategies.forEach((id, index) => (v.strategies.indexOf(id) === index ? add(id) : undefined));
      if (v.rendering) add(`rendering:${v.rendering}`);
    }
    return counts;
  };
  const inHigh = count(high);
  const inRest = count(rest);
  return [...inHigh.entries()]
    .map(([pattern, n]) => {
      const highShare = n / high.length;
      const restShare = rest.length ? (inRest.get(pattern) ?? 0) / rest.length : 0;
      return { pattern, inHigh: round(highShare), inRest: round(restShare), lift: round(highShare - restShare) };
    })
    .sort((a, b) => b.lift - a.lift || b.inHigh - a.inHigh || (a.pattern < b.pattern ? -1 : 1))
    .slice(0, 5);
}

/** Computes the metrics from the stored events and versions. */
export function aggregateMetrics(input: {
  metrics: readonly MetricEventRecord[];
  feedback: readonly FeedbackEventRecord[];
  versions: readonly VersionFacts[];
}): MetricsSummary {
  const runs = input.metrics.filter((m) => m.kind === 'improve');
  const wins = runs.filter((m) => m.adopted).length;
  const overall = timeFigures(runs.map((m) => m.timeToResultMs));
  const usageByEngine: Record<string, number> = {};
  const fallbacksByReason: Record<string, number> = {};
  for (const run of input.metrics) {
    usageByEngine[run.engine] = (usageByEngine[run.engine] ?? 0) + 1;
    if (run.fallbackReason) fallbacksByReason[run.fallbackReason] = (fallbacksByReason[run.fallbackReason] ?? 0) + 1;
  }
  // High scorers: the top quarter of versions by total (at least one version).
  const totals = input.versions.map((v) => v.total);
  const threshold = totals.length ? percentile(totals, 75) : 0;
  return {
    improveRuns: runs.length,
    weekly: weekly(runs),
    winRate: runs.length ? round(wins / runs.length) : 0,
    rollbackRate: runs.length ? round(1 - wins / runs.length) : 0,
    timeToResultMs: { median: overall.medianMs, p95: overall.p95Ms },
    usageByEngine,
    fallbacksByReason,
    acceptanceRate: acceptance(input.feedback),
    feedbackEvents: input.feedback.length,
    highScoreThreshold: threshold,
    topPatterns: topPatterns(input.versions, threshold),
  };
}
