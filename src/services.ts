/**
 * The services activate() builds once and hands to every feature: the log, the engine and judge, where
 * feedback goes, and the history stores. One owner for each; features receive them, never import singletons.
 */
import type * as vscode from 'vscode';
import type { ImproveResult } from './core/engine/improvePrompt';
import type { Scorecard } from './core/types';
import type { FeedbackSink } from './feedback/feedbackSink';
import type { HistoryStores } from './history/historyStores';
import type { RecentPrompts } from './history/recentPrompts';
import type { ModelAccess } from './modelAccess/modelAccess';

/** The rewrite engine and the judge as the extension calls them. */
export interface PromptEngine {
  /** Improves `text`, trying `candidates` renderings (1–3). */
  improve(text: string, candidates: number): ImproveResult;
  judge(text: string): Scorecard;
}

/** What every feature may use. */
export interface Services {
  log: vscode.LogOutputChannel;
  engine: PromptEngine;
  feedback: FeedbackSink;
  /** The workspace's history stores (opened on first use). */
  history: HistoryStores;
  /** The language model of a command, when the person turned a provider on (off by default). */
  models: ModelAccess;
  /** The prompt last improved from each document in this window (what Improve Again continues). */
  recent: RecentPrompts;
}
