/**
 * A feedback sink that writes each decision to the output channel. NOTE: it stores nothing: it is the
 * sink until the history store is wired, and says so in every line it logs.
 */
import type * as vscode from 'vscode';
import type { EditorFeedback, FeedbackSink } from './feedbackSink';

/** Logs decisions to `log` (Output → Prompter) instead of storing them. */
export class LogFeedbackSink implements FeedbackSink {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  record(feedback: EditorFeedback): Promise<void> {
    const hunks = feedback.hunks.map((hunk) => `${hunk.hunkId}:${hunk.accepted ? 'accepted' : 'rejected'}[${hunk.strategies.join(',')}]`);
    this.log.info(`feedback (not stored: no history store connected) ${feedback.decision} ${feedback.documentUri} ${hunks.join(' ')}`);
    return Promise.resolve();
  }
}
