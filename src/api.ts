/**
 * The API `activate()` returns, for other extensions and for the integration tests: the engine and
 * judge, the history, and read/decide access to inline diffs.
 */
import type * as vscode from 'vscode';
import type { ImproveResult } from './core/engine/improvePrompt';
import type { PromptDetail, PromptSummary } from './core/history';
import type { Scorecard } from './core/types';
import type { EditorFeedback } from './feedback/feedbackSink';
import type { HistoryViewAccess } from './history/tree/registerHistoryView';
import type { InlineDiffState } from './inlineDiff/inlineDiffManager';
import type { InsightsRendered } from './insights/insightsPanel';
import type { PanelRender } from './panel/resultPanel';
import type { PanelState } from './shared/resultPanelProtocol';

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
  /** The workspace's prompt history (read-only). `scope` picks the workspace folder's store (default: the first). */
  readonly history: {
    /** Every prompt with its best score, newest first. */
    listPrompts(scope?: vscode.Uri): Promise<PromptSummary[]>;
    /** One prompt with all its versions and scores. */
    getPrompt(promptId: string, scope?: vscode.Uri): Promise<PromptDetail | undefined>;
    /** Fires when a store changed (this window, another window or the CLI wrote to it). */
    readonly onDidChange: vscode.Event<void>;
  };
  /** The History view's tree as VS Code reads it (what each level holds and how it is drawn). */
  readonly historyView: HistoryViewAccess;
  /** The result panel: what it shows, when its webview has drawn it, and its buttons. */
  readonly resultPanel: {
    /** The state the panel shows; undefined while it is closed. */
    state(): PanelState | undefined;
    /** Fires each time the webview has drawn the latest state. */
    readonly onDidRender: vscode.Event<PanelRender>;
    /** Handles a message as if the webview had posted it (validated the same way), e.g. `{ type: 'copy' }`. */
    post(message: unknown): Promise<void>;
  };
  /** The insights dashboard: fires each time its webview has drawn the data it was sent. */
  readonly insights: { readonly onDidRender: vscode.Event<InsightsRendered> };
  /** The documents with a prompt in the history: where the editor's context menu offers Improve Again. */
  readonly promptDocuments: {
    /** Their paths, as the `resourcePath` context key names them. */
    paths(): readonly string[];
    /** Fires with the new list when it changed. */
    readonly onDidChange: vscode.Event<readonly string[]>;
  };
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
