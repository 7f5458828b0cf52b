/**
 * Stores each decision as a feedback event on the version it was made on, then credits the strategies of
 * the hunks to the learning loop of that store. Decisions on runs that could not be stored are logged.
 */
import type * as vscode from 'vscode';
import type { HistoryStores } from '../history/historyStores';
import type { EditorFeedback, FeedbackSink } from './feedbackSink';

/** The sink the extension uses. */
export class HistoryFeedbackSink implements FeedbackSink {
  constructor(
    private readonly stores: HistoryStores,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async record(feedback: EditorFeedback): Promise<void> {
    const hunks = feedback.hunks.map((hunk) => `${hunk.hunkId}:${hunk.accepted ? 'accepted' : 'rejected'}`).join(' ');
    const { version } = feedback;
    const history = version && this.stores.byKey(version.historyKey);
    if (!version || !history) {
      this.log.info(`feedback not stored (the run has no stored version): ${feedback.decision} ${feedback.documentUri} ${hunks}`);
      return;
    }
    const event = await history.repository.recordFeedback({
      promptId: version.promptId,
      versionId: version.versionId,
      decision: feedback.decision,
      hunks: feedback.hunks,
      strategies: feedback.strategies,
      via: feedback.via,
    });
    await history.learning.recordDecision(event);
    this.log.info(`feedback stored: ${feedback.decision} on ${version.versionId} ${hunks}`);
  }
}
