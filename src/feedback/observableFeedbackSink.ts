/**
 * Wraps the sink that stores feedback and announces each recorded decision, so other features (and the
 * API's `onDidRecordFeedback`) can follow decisions without knowing where they are stored.
 */
import * as vscode from 'vscode';
import type { EditorFeedback, FeedbackSink } from './feedbackSink';

/** A sink that forwards to `inner`, then fires `onDidRecord`. */
export class ObservableFeedbackSink implements FeedbackSink, vscode.Disposable {
  private readonly recorded = new vscode.EventEmitter<EditorFeedback>();
  /** Fires after `inner` accepted a decision. */
  readonly onDidRecord = this.recorded.event;

  constructor(private readonly inner: FeedbackSink) {}

  async record(feedback: EditorFeedback): Promise<void> {
    await this.inner.record(feedback);
    this.recorded.fire(feedback);
  }

  dispose(): void {
    this.recorded.dispose();
  }
}
