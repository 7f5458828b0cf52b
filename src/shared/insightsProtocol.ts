/**
 * The insights dashboard's message protocol, shared by the extension host (src/insights) and the webview
 * (src/webview/insights). The webview posts `ready` first; the host answers with the whole state, never
 * patches. Everything that arrives from the webview is validated before use.
 */

/** One week of improve runs. */
export interface InsightsWeek {
  /** Monday of the week (UTC), `YYYY-MM-DD`. */
  week: string;
  runs: number;
  /** Mean judge total (0–50) of the week's rewrites. */
  averageTotal: number;
  /** Share of the week's runs whose version became the best (0–1). */
  winRate: number;
  /** Share of the week's runs that left the best version as it was (0–1). */
  rollbackRate: number;
  /** Time to result, median and 95th percentile, in milliseconds. */
  medianMs: number;
  p95Ms: number;
}

/** Runs by one engine. */
export interface InsightsEngine {
  /** Engine id: `heuristic@1`, `llm:<model>`. */
  engine: string;
  /** Whether a language model produced the result. */
  model: boolean;
  runs: number;
}

/** A labelled count (fallback reasons, decisions). */
export interface InsightsCount {
  label: string;
  count: number;
}

/** One rubric axis on average: the originals (v0) against the rewrites. */
export interface InsightsAxis {
  /** Human name ("context use"). */
  label: string;
  /** Mean of the originals' scores (0–10); null without originals. */
  original: number | null;
  /** Mean of the rewrites' latest scores (0–10); null without rewrites. */
  rewrite: number | null;
}

/** What the judge and the people of this workspace said about one strategy. */
export interface InsightsStrategy {
  id: string;
  /** Rewrites it was in. */
  applied: number;
  /** Mean judge points (of 50) attributed to it per rewrite; null before its first rewrite. */
  meanJudgeGain: number | null;
  /** Hunks carrying it that people kept / turned down. */
  accepted: number;
  rejected: number;
}

/** A strategy or rendering that is more common among high-scoring versions than among the rest. */
export interface InsightsPattern {
  pattern: string;
  /** Share of high-scoring versions that have it (0–1). */
  inHigh: number;
  /** Share of the other versions that have it (0–1). */
  inRest: number;
}

/** Everything the dashboard draws, computed by the host from one store. */
export interface InsightsModel {
  prompts: number;
  /** Stored versions, originals included. */
  versions: number;
  improveRuns: number;
  /** Mean judge total of every improve run (0–50); null without runs. */
  averageTotal: number | null;
  weekly: InsightsWeek[];
  winRate: number;
  rollbackRate: number;
  timeToResultMs: { median: number; p95: number };
  /** Improve and score runs per engine, most used first. */
  engines: InsightsEngine[];
  /** Improve and score runs that fell back from a model to the heuristic engine or judge, per reason, most frequent first. */
  fallbacks: InsightsCount[];
  /** Decided hunks that were kept (0–1); null before any decision. */
  acceptanceRate: number | null;
  /** Decisions on inline diffs by outcome: accepted, partly accepted, rejected. */
  decisions: InsightsCount[];
  axes: InsightsAxis[];
  strategies: InsightsStrategy[];
  /** Versions at or above this total (0–50) count as high scorers. */
  highScoreThreshold: number;
  topPatterns: InsightsPattern[];
}

/** A store the dashboard can show (one per workspace folder). */
export interface InsightsStoreChoice {
  key: string;
  /** The workspace folder's name, or "Global history". */
  label: string;
}

/** Everything the dashboard shows; sent whole on every change. */
export interface InsightsState {
  /** Increases with every state the host sends; the webview echoes it when it has drawn that state. */
  generation: number;
  /** The store shown. */
  storeKey: string;
  storeLabel: string;
  /** Where that store is on disk, for people. */
  location: string;
  /** Every store of the window, for the picker (one entry: no picker). */
  stores: InsightsStoreChoice[];
  /** `loading` before the first data arrives; `error` when the store could not be read. */
  status: 'loading' | 'ready' | 'error';
  /** What went wrong and what to do, when status is `error`. */
  error?: string;
  /** The data, once loaded. */
  model?: InsightsModel;
  /** When the data was read (milliseconds since the epoch). */
  updatedAt: number;
}

/** A file format the metrics can be exported in. */
export type ExportFormat = 'csv' | 'json';

/** Host → webview. */
export type InsightsHostMessage = { type: 'state'; state: InsightsState };

/** Webview → host. */
export type InsightsWebviewMessage =
  | { type: 'ready' }
  /** The webview drew state `generation` in `ms` milliseconds (DOM built and laid out). */
  | { type: 'rendered'; generation: number; ms: number }
  | { type: 'export'; format: ExportFormat }
  | { type: 'selectStore'; key: string };

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The message if `value` is a well-formed webview message, else undefined (and it is ignored). */
export function parseInsightsMessage(value: unknown): InsightsWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return isFiniteNumber(message.generation) && isFiniteNumber(message.ms) ? { type: 'rendered', generation: message.generation, ms: message.ms } : undefined;
    case 'export':
      return message.format === 'csv' || message.format === 'json' ? { type: 'export', format: message.format } : undefined;
    case 'selectStore':
      return typeof message.key === 'string' && message.key.length > 0 && message.key.length < 4096 ? { type: 'selectStore', key: message.key } : undefined;
    default:
      return undefined;
  }
}
