/**
 * The prompt last improved from each document in this window, so *Improve Again* with no argument
 * continues the prompt the person is working on. Memory only: after a reload the store's newest prompt
 * from the document takes its place.
 */

/** A stored prompt: which store (`WorkspaceHistory.key`) and which prompt. */
export interface PromptRef {
  historyKey: string;
  promptId: string;
}

/** Remembers, per document URI, the prompt last improved from it. */
export class RecentPrompts {
  private readonly byDocument = new Map<string, PromptRef>();

  /** Records that `ref` was just improved from `document` (a URI). */
  remember(document: { toString(): string }, ref: PromptRef): void {
    this.byDocument.set(document.toString(), { historyKey: ref.historyKey, promptId: ref.promptId });
  }

  /** The prompt last improved from `document` in this window, if any. */
  forDocument(document: { toString(): string }): PromptRef | undefined {
    return this.byDocument.get(document.toString());
  }
}
