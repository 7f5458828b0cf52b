/**
 * The history data model and the repository interface that core, the CLI and the extension program against.
 * Collections and field names follow the seed (`prompts`, `prompt_versions`, `judge_scores`); feedback
 * events, learning state and metric events are added. Plain data only: every record is stored as JSON as is.
 * The implementation lives in `src/storage`; core never touches files.
 */
import type { Explanation, Scorecard, StrategyId } from './types';

/** Any value JSON can hold; the learning state is made of these. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object: the shape of the opaque learning state. */
export type JsonObject = { [key: string]: JsonValue };

/** Where a version came from: the original, the heuristic engine (with its version) or a language model. */
export type VersionSource = 'original' | `engine/heuristic@${number}` | `engine/llm:${string}`;

/** Where a prompt was found, so the editor can go back to it. */
export interface PromptOrigin {
  /** Workspace-relative path of the file the prompt came from (forward slashes), when it came from a file. */
  file?: string;
  /** VS Code language id of that document (`prompt`, `markdown`, `python`, …), when known. */
  languageId?: string;
}

/** A row of `prompts`: one prompt the user improved, and which of its versions is best. */
export interface PromptRecord {
  /** Short, unique, time-sortable id (see `src/storage/FORMAT.md`). */
  id: string;
  /** Who created it, when a caller knows (the seed's field; unused by the extension itself). */
  userId?: string;
  /** The text exactly as the user gave it; equal to version 0's text. */
  originalText: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The adopted version: version 0 until a version scores at least `bestScore`. */
  bestVersionId: string;
  /** Judge total (0–50) of the best version; null while the best version has no score. */
  bestScore: number | null;
  /** Where the prompt came from. */
  origin: PromptOrigin;
}

/** What produced a version beyond its `source`: the details the metrics and the panel show. */
export interface EngineInfo {
  /** Engine id as the metrics group it: `heuristic@1`, `llm:<model>`. */
  id: string;
  /** The rendering the engine picked among its candidates (`markdown`, `xml`, `compact`), when it had several. */
  rendering?: string;
  /** Why a model was asked but the heuristic answered (timeout, invalid JSON, …), when that happened. */
  fallbackReason?: string;
  /** The seed the strategy choice drew with, so a run can be reproduced. */
  seed?: number;
}

/** A row of `prompt_versions`: one text of a prompt, numbered from 0 (the original). */
export interface PromptVersionRecord {
  /** `<promptId>-v<versionNo>`: unique, and it tells the store where the version lives. */
  id: string;
  /** The prompt this is a version of. */
  promptId: string;
  /** 0 for the original, then 1, 2, … in the order versions were stored; never reused after a delete. */
  versionNo: number;
  /** The full text of this version. */
  text: string;
  /** Why it differs from its parent: bullets plus the real hunks (empty for the original). */
  explanation: Explanation;
  /** Who wrote it. */
  source: VersionSource;
  /** Strategies the engine applied to make it (empty for the original). */
  strategies: StrategyId[];
  /** The version it was rewritten from; null for the original. */
  parentVersionId: string | null;
  /** Engine details; absent for the original. */
  engine?: EngineInfo;
  /** Milliseconds from request to result; absent for the original. */
  timeToResultMs?: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** A row of `judge_scores`: one judge's scorecard for one version. */
export interface JudgeScoreRecord extends Scorecard {
  /** Unique, time-sortable id. */
  id: string;
  /** The version that was judged. */
  promptVersionId: string;
  /** The model's raw answer when a model judged, kept so a bad parse can be investigated. */
  rawModelOutput?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** What a person decided about a rewrite as a whole. */
export type FeedbackDecision = 'accepted' | 'rejected' | 'partial';

/** The decision on one hunk, with the strategies that hunk carried (what the learning loop credits). */
export interface HunkDecision {
  /** The hunk's id in the version's `explanation.diffs` (`h0`, `h1`, …). */
  hunkId: string;
  /** True when the person kept this hunk. */
  accepted: boolean;
  /** The strategies whose additions the hunk carried. */
  strategies: StrategyId[];
}

/** A feedback event: a person accepted, rejected or partly accepted a version. */
export interface FeedbackEventRecord {
  /** Unique, time-sortable id. */
  id: string;
  /** The prompt of the version. */
  promptId: string;
  /** The version decided on. */
  versionId: string;
  /** The decision as a whole. */
  decision: FeedbackDecision;
  /** Per-hunk decisions; empty when the decision named no hunks (applies to every hunk). */
  hunks: HunkDecision[];
  /** The strategies of the whole version, for decisions that name no hunks. */
  strategies: StrategyId[];
  /** Who recorded it: `editor`, `panel`, `cli`, … */
  via: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** A metric event: one improve or judge run, for the seed's metrics table. */
export interface MetricEventRecord {
  /** Unique, time-sortable id. */
  id: string;
  /** What ran: `improve` (rewrite + judge) or `judge` (score only). */
  kind: 'improve' | 'judge';
  /** The prompt, when the run was stored. */
  promptId?: string;
  /** The version produced, when one was stored. */
  versionId?: string;
  /** Engine id that produced the result (`heuristic@1`, `llm:<model>`). */
  engine: string;
  /** Milliseconds from request to result. */
  timeToResultMs: number;
  /** Whether the new version became the best (false for score-only runs). */
  adopted: boolean;
  /** Judge total of the result, so weekly averages need no version scan. */
  total?: number;
  /** Why the run fell back from a model to the heuristic, when it did. */
  fallbackReason?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** The learning loop's state: an opaque JSON object the store keeps whole. */
export type LearningState = JsonObject;

/** The stored learning state with its write counter. */
export interface LearningStateRecord {
  /** Whatever the learning loop last wrote. */
  state: LearningState;
  /** Incremented on every write, so a caller can tell its copy is stale. */
  revision: number;
  /** Milliseconds since the epoch of the last write. */
  updatedAt: number;
}

/** A prompt as the history list shows it: the record plus counts, without the full text. */
export interface PromptSummary extends Omit<PromptRecord, 'originalText'> {
  /** The first characters of the original text (at most 240), for titles and tooltips. */
  preview: string;
  /** versionNo of the best version. */
  bestVersionNo: number;
  /** How many versions are stored (including version 0). */
  versionCount: number;
  /** Milliseconds since the epoch of the last stored version. */
  updatedAt: number;
}

/** A version with every score it received (usually one). */
export interface VersionWithScores {
  version: PromptVersionRecord;
  /** Oldest first. */
  scores: JudgeScoreRecord[];
}

/** A prompt with all its versions, oldest first. */
export interface PromptDetail {
  prompt: PromptRecord;
  versions: VersionWithScores[];
}

/** Which version is best and with what total. */
export interface BestPointer {
  versionId: string;
  versionNo: number;
  /** Null while the best version has no score. */
  score: number | null;
}

/** A new rewrite to store; the store assigns id, versionNo, promptId and createdAt. */
export interface NewVersion {
  text: string;
  explanation: Explanation;
  source: Exclude<VersionSource, 'original'>;
  strategies: StrategyId[];
  /** Must be a version of the same prompt. */
  parentVersionId: string;
  engine: EngineInfo;
  timeToResultMs: number;
}

/** A scorecard to store, with the model's raw answer when a model judged. */
export interface NewScore extends Scorecard {
  rawModelOutput?: string;
}

/** Options of `createPrompt`. */
export interface CreatePromptOptions {
  userId?: string;
  /** The judge's scorecard of the original; when given, v0 is best with this total. */
  score?: NewScore;
}

/** What `createPrompt` stored. */
export interface CreatedPrompt {
  prompt: PromptRecord;
  original: PromptVersionRecord;
  /** The original's score, when one was given. */
  score?: JudgeScoreRecord;
}

/**
 * The caller's own comparison with the best version, for a score from another judge than the best's:
 * totals of two judges (the heuristic one and a model, or two models) are not on one scale.
 */
export interface AdoptVerdict {
  /** The best version the caller's judge compared the new version with. */
  comparedWithVersionId: string;
  /** Whether the caller's judge scored the new version at least as high as that version. */
  atLeastBest: boolean;
}

/** Options of `appendVersion`. */
export interface AppendOptions {
  /** Adopt the version as best when its total is >= the current best score (decided under the store lock). */
  adoptIfAtLeastBest: boolean;
  /** Store nothing when the version is not adopted (the "no further improvement" case). */
  onlyIfAdopted?: boolean;
  /**
   * Adopt by this verdict instead of comparing totals. It counts only while the version it compared with
   * is still the best (checked under the store lock); if another writer adopted a version meanwhile, the
   * new one is not adopted.
   */
  verdict?: AdoptVerdict;
}

/** `appendVersion` stored the version. */
export interface StoredAppend {
  stored: true;
  version: PromptVersionRecord;
  score: JudgeScoreRecord;
  /** Whether the version became the best. */
  adopted: boolean;
  /** The best version after this append. */
  best: BestPointer;
}

/** `appendVersion` stored nothing because `onlyIfAdopted` was set and the total was below the best. */
export interface DiscardedAppend {
  stored: false;
  adopted: false;
  /** The unchanged best version. */
  best: BestPointer;
}

/** What `appendVersion` did. */
export type AppendResult = StoredAppend | DiscardedAppend;

/** What `deleteVersion` did. */
export interface DeletedVersion {
  /** The best version after the delete (re-picked when the best was deleted). */
  best: BestPointer;
}

/** A feedback event to record; the store assigns id and createdAt. */
export type NewFeedbackEvent = Omit<FeedbackEventRecord, 'id' | 'createdAt'>;

/** A metric event to record; the store assigns id and createdAt. */
export type NewMetricEvent = Omit<MetricEventRecord, 'id' | 'createdAt'>;

/** Where a read of one event log stopped. */
export interface EventLogCursor {
  /**
   * Per segment read (1, 2, …), what the file system said of its file just before it was read (identity,
   * size, modification time), or null when it was missing. Full segments never change again; a different
   * answer means the store was rewritten under the cursor.
   */
  readonly segments: readonly (string | null)[];
  /** Ids of the events read from the last of those segments, in order: appends keep them as its start. */
  readonly lastIds: readonly string[];
}

/** Where a read of the event logs stopped. Opaque to callers: pass back the one a read returned. */
export interface EventCursor {
  /** The store it was read from (its location). */
  readonly store: string;
  /** The store format it was read in. */
  readonly schemaVersion: number;
  readonly feedback: EventLogCursor;
  readonly metrics: EventLogCursor;
}

/** What `readEventsSince` read. */
export interface EventsSince {
  /**
   * True when the lists hold only the events appended since the cursor; false when they hold every event
   * (there was no cursor, or it no longer fit the store, so the caller replaces what it kept).
   */
  incremental: boolean;
  /** Why every event was read, for logs and tests; absent when `incremental`. */
  fullReadReason?: string;
  /** Feedback events, oldest first. */
  feedback: FeedbackEventRecord[];
  /** Metric events, oldest first. */
  metrics: MetricEventRecord[];
  /** Pass it to the next call. */
  cursor: EventCursor;
}

/** Something the store did on its own that a person should know about (for example a file moved aside). */
export interface StoreWarning {
  /** `moved-aside` (unreadable file kept under a new name), `repaired` (derived file rebuilt), `migrated`. */
  code: 'moved-aside' | 'repaired' | 'migrated';
  /** One or two sentences for people: what happened and what to do. */
  message: string;
  /** The file concerned. */
  file: string;
}

/** Returned by listener registrations; call `dispose` to stop listening. */
export interface Subscription {
  dispose(): void;
}

/** The history store, as every caller sees it. All methods are safe across processes sharing one store. */
export interface HistoryRepository {
  /** The store's directory, for messages. */
  readonly location: string;
  /** Stores a prompt and its version 0 (the original), optionally with the original's score. */
  createPrompt(originalText: string, origin: PromptOrigin, options?: CreatePromptOptions): Promise<CreatedPrompt>;
  /** Stores a version and its score; adopts it atomically when asked and its total is >= the best score. */
  appendVersion(promptId: string, version: NewVersion, score: NewScore, options: AppendOptions): Promise<AppendResult>;
  /** Every prompt with its best score, newest first (by creation). */
  listPrompts(): Promise<PromptSummary[]>;
  /** One prompt with all versions and scores, or undefined when there is no such prompt. */
  getPrompt(promptId: string): Promise<PromptDetail | undefined>;
  /** Several prompts with all versions and scores in one read (the dashboard's); unknown ids are left out. */
  getPrompts(promptIds: readonly string[]): Promise<PromptDetail[]>;
  /** One version with its scores, or undefined when there is no such version. */
  getVersion(versionId: string): Promise<VersionWithScores | undefined>;
  /** Deletes a prompt with all its versions and scores; false when there was no such prompt. */
  deletePrompt(promptId: string): Promise<boolean>;
  /** Deletes one version (never version 0) and its scores; re-picks the best when the best was deleted. */
  deleteVersion(versionId: string): Promise<DeletedVersion>;
  /** Records a person's decision on a version. */
  recordFeedback(event: NewFeedbackEvent): Promise<FeedbackEventRecord>;
  /** Every feedback event, oldest first. */
  listFeedback(): Promise<FeedbackEventRecord[]>;
  /** Records one run's metrics. */
  recordMetric(event: NewMetricEvent): Promise<MetricEventRecord>;
  /** Every metric event, oldest first. */
  listMetrics(): Promise<MetricEventRecord[]>;
  /**
   * Feedback and metric events appended since `cursor` (from an earlier call), or every event when there is
   * none or it no longer fits the store: what was kept plus what this returns always equals a full read.
   */
  readEventsSince(cursor: EventCursor | undefined): Promise<EventsSince>;
  /** The learning state, or undefined when none was written (or after a reset). */
  readLearningState(): Promise<LearningStateRecord | undefined>;
  /** Replaces the learning state. */
  writeLearningState(state: LearningState): Promise<LearningStateRecord>;
  /** Read-modify-write of the learning state under the store lock, so concurrent updates are not lost. */
  updateLearningState(update: (current: LearningState | undefined) => LearningState): Promise<LearningStateRecord>;
  /** Forgets the learning state (the learning loop's reset). */
  resetLearningState(): Promise<void>;
  /** A counter that changes on every write by any process; 0 for an empty store. */
  revision(): Promise<number>;
  /** Tells the listener about files moved aside, repaired or migrated. */
  onWarning(listener: (warning: StoreWarning) => void): Subscription;
}

