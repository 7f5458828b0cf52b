/**
 * Where the editor reports what a person decided about a rewrite. The extension wires one sink at
 * activation (the history stores); features only see this interface.
 */
import type { FeedbackDecision, HunkDecision } from '../core/history';
import type { StrategyId } from '../core/types';
import type { VersionRef } from '../inlineDiff/inlineDiffSession';

/** One decision on an inline diff, as the editor saw it. */
export interface EditorFeedback {
  /** The decision as a whole. */
  decision: FeedbackDecision;
  /** Per-hunk decisions with the strategies each hunk carried. */
  hunks: HunkDecision[];
  /** Strategies the engine applied to the whole rewrite. */
  strategies: StrategyId[];
  /** The prompt text the engine was given (line breaks `\n`). */
  originalText: string;
  /** The engine's full rewrite. */
  improvedText: string;
  /** The prompt text after the decision (equal to the original when rejected). */
  finalText: string;
  /** The engine that wrote the rewrite (`engine/heuristic@1`). */
  source: string;
  /** The document the diff was in (a URI string). */
  documentUri: string;
  /** VS Code language id of that document. */
  languageId: string;
  /** The stored version decided on; absent when the run could not be stored. */
  version?: VersionRef;
  /** Who recorded it: `editor` for a decision in the editor, `editor-undo` for an Undo of a rewrite applied at once. */
  via: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** Receives feedback; implementations store it (history) or at least log it. */
export interface FeedbackSink {
  /** Records one decision. Failures are the sink's to report; callers do not wait on storage. */
  record(feedback: EditorFeedback): Promise<void>;
}
