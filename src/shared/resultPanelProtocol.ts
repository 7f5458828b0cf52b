/**
 * The result panel's message protocol, shared by the extension host (src/panel) and the webview
 * (src/webview). The webview posts `ready` first; the host answers with the whole state, never patches,
 * and the webview says `rendered` once it has drawn it. Everything that arrives from the webview is
 * validated before use; its messages carry no ids or text, so the host acts only on its own state.
 */

/** One rubric axis before and after. Null when that side has no score (an unscored stored version). */
export interface PanelAxisRow {
  /** Human name of the axis ("context use"). */
  label: string;
  before: number | null;
  after: number | null;
}

/** Why one change was made. */
export interface PanelReason {
  /** The strategy that made it (`add-role`); absent for a model's own bullets. */
  strategy?: string;
  /** The explanation bullet, for people. */
  text: string;
  /** True when the person rejected every change of the inline diff this strategy made. */
  turnedDown?: boolean;
}

/** One rendering the engine tried. */
export interface PanelCandidate {
  style: string;
  total: number;
  /** True for the rendering the judge picked. */
  chosen: boolean;
  /** True for a structured prompt's own layout (the other renderings restyle its headings). */
  ownLayout?: boolean;
}

/** A piece of the diff: text both versions share, or text only the old (removed) or new (added) one has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** The diff between the version the rewrite started from and the rewrite. */
export interface PanelDiff {
  parts: DiffPart[];
  /** `word` normally; `line` when the texts are too large to diff word by word in time. */
  granularity: 'word' | 'line';
}

/** How much of one kind of the user's own tokens survived ("variables 2/2"). */
export interface PanelKeptRow {
  label: string;
  kept: number;
  total: number;
  /** What the rewrite lost (should be empty). */
  missing: string[];
}

/** Which engine produced the rewrite. */
export interface PanelEngine {
  kind: 'heuristic' | 'model';
  /** `heuristic@1`, `llm:<model>`. */
  id: string;
  /** Why a model was asked but the heuristic answered, for people; absent when nothing fell back. */
  fallback?: string;
}

/** A stored version: which store (`WorkspaceHistory.key`), which prompt, which version. */
export interface PanelVersionRef {
  historyKey: string;
  promptId: string;
  versionId: string;
}

/** Where the shown rewrite sits in the history. */
export interface PanelVersion {
  ref: PanelVersionRef;
  versionNo: number;
  /** The first words of the prompt's original, to say which prompt this is. */
  promptTitle: string;
  /** The best version now ("v3 at 41/50"), or undefined when it is this one. */
  best?: { versionNo: number; score: number | null };
  /** This version's total; null when unscored. */
  score: number | null;
}

/** Where the inline diff that belongs to this result stands. */
export type PanelDecision = 'open' | 'accepted' | 'rejected' | 'partial' | 'ended';

/**
 * What the rewrite is attached to: an inline diff in an editor (Accept / Reject), or nothing (a stored
 * version opened from the history, an Improve Again result: Copy / Insert at cursor / Replace selection).
 */
export type PanelOrigin = { kind: 'inlineDiff'; decision: PanelDecision } | { kind: 'stored' };

/** How the diff is laid out; the person's choice, kept in the state so it survives a reload. */
export type PanelLayout = 'inline' | 'sideBySide';

/** Everything the panel shows; sent whole on every change. */
export interface PanelState {
  /** What the rewrite is of: the document's workspace-relative name, or the prompt's first words. */
  subject: string;
  /** Name of the text the rewrite started from ("original", "v1"). */
  beforeLabel: string;
  /** The rewrite. */
  rewrite: string;
  diff: PanelDiff;
  totals: { before: number | null; after: number | null };
  axes: PanelAxisRow[];
  reasons: PanelReason[];
  /** "kept 2/2 variables, 1/1 numbers" */
  kept: string;
  keptRows: PanelKeptRow[];
  /** Renderings tried, best first; empty when unknown (a stored version). */
  candidates: PanelCandidate[];
  /** Milliseconds from the command to the result; null when unknown. */
  timeMs: number | null;
  /** Absent for an original (version 0): nothing rewrote it. */
  engine?: PanelEngine;
  /** Absent when the run was not stored (the history could not be written). */
  version?: PanelVersion;
  /** How many of the inline diff's changes the person kept, once they have decided at least one. */
  hunkTally?: { kept: number; decided: number; total: number };
  /** What the store did with this run ("Stored v2, now best at 44/50."), when there is news. */
  notice?: string;
  origin: PanelOrigin;
  layout: PanelLayout;
}

/** Host → webview: the whole state, numbered so the webview can say which one it rendered. */
export type HostMessage = { type: 'state'; state: PanelState; seq: number };

/**
 * Webview → host: the handshake, the render receipt (`painted` false when no frame was drawn in time: a
 * hidden webview), the diff layout toggle and the panel's buttons.
 */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; seq: number; painted: boolean }
  | { type: 'layout'; layout: PanelLayout }
  | { type: 'accept' }
  | { type: 'reject' }
  | { type: 'copy' }
  | { type: 'insert' }
  | { type: 'replace' }
  | { type: 'improveAgain' }
  | { type: 'openInHistory' };

/** The webview messages that carry nothing but their type. */
const BARE_TYPES: ReadonlySet<string> = new Set(['ready', 'accept', 'reject', 'copy', 'insert', 'replace', 'improveAgain', 'openInHistory']);

/** The message if `value` is a well-formed webview message, else undefined (and it is ignored). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, seq, layout, painted } = value as { type?: unknown; seq?: unknown; layout?: unknown; painted?: unknown };
  if (typeof type !== 'string') return undefined;
  if (BARE_TYPES.has(type)) return { type } as WebviewMessage;
  if (type === 'rendered') return Number.isSafeInteger(seq) && (seq as number) >= 0 ? { type, seq: seq as number, painted: painted === true } : undefined;
  if (type === 'layout') return layout === 'inline' || layout === 'sideBySide' ? { type, layout } : undefined;
  return undefined;
}

/** For exhaustive switches: a compile error when a case is missing, a throw if one slips through. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
