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
  private readonly listeners = new Set<() => void>();

  /** Records that `ref` was just improved from `document` (a URI). */
  remember(document: { toString(): string }, ref: PromptRef): void {
    this.byDocument.set(document.toString(), { historyKey: ref.historyKey, promptId: ref.promptId });
    for (const listener of this.listeners) listener();
  }

  /** The URIs (as strings) of every document a prompt was improved from in this window. */
  documents(): string[] {
    return [...this.byDocument.keys()];
  }

  /** Calls `listener` after each `remember`; dispose the result to stop. */
  onDidRemember(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The prompt last improved from `document` in this window, if any. */
  forDocument(document: { toString(): string }): PromptRef | undefined {
    return this.byDocument.get(document.toString());
  }
}
