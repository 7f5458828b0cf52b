/**
 * The API `activate()` returns, for other extensions and for the integration tests: the engine and
 * judge, and read/decide access to inline diffs.
 */
import type * as vscode from 'vscode';
import type { ImproveResult } from './core/engine/improvePrompt';
import type { Scorecard } from './core/types';
import type { EditorFeedback } from './feedback/feedbackSink';
import type { InlineDiffState } from './inlineDiff/inlineDiffManager';

/** Prompter's public API (version 1). */
export interface PrompterApi {
  /** Bumped when a member changes incompatibly. */
  readonly version: 1;
  /** Improves a prompt with the configured number of candidates; does not touch any editor. */
  improve(text: string, options?: { candidates?: number }): ImproveResult;
  /** Scores a prompt on the five axes. */
  judge(text: string): Scorecard;
  /** Fires for every decision on an inline diff, after the feedback sink recorded it. */
  readonly onDidRecordFeedback: vscode.Event<EditorFeedback>;
  /** The inline diffs shown in editors. */
  readonly inlineDiff: {
    /** The diff in a document, or undefined when none is shown. */
    state(uri: vscode.Uri): InlineDiffState | undefined;
    /** Accepts (true) or rejects one hunk. */
    decide(uri: vscode.Uri, hunkId: string, accept: boolean): Promise<void>;
    /** Accepts (true) or rejects every open hunk in one edit. */
    decideAll(uri: vscode.Uri, accept: boolean): Promise<void>;
  };
}
