/**
 * The services activate() builds once and hands to every feature: the log, the engine and judge, and
 * where feedback goes. One owner for each; features receive them, never import singletons.
 */
import type * as vscode from 'vscode';
import type { ImproveResult } from './core/engine/improvePrompt';
import type { Scorecard } from './core/types';
import type { FeedbackSink } from './feedback/feedbackSink';

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
}
