/**
 * Keeps one inline diff controller per document, routes editor events to them, sets the context key
 * that gates the accept/reject keybindings, and turns finished sessions into feedback and messages.
 */
import * as vscode from 'vscode';
import { ContextKey } from '../commands/commandIds';
import type { EditorFeedback, FeedbackSink } from '../feedback/feedbackSink';
import type { AutoSaveNotice } from './autoSaveNotice';
import type { EndDetail, SessionEnd } from './inlineDiffController';
import { InlineDiffController } from './inlineDiffController';
import type { InlineDiffSession, SessionOutcome } from './inlineDiffSession';

/** What the manager needs from the rest of the extension. */
export interface InlineDiffDeps {
  log: vscode.LogOutputChannel;
  feedback: FeedbackSink;
  /** Tells the person, once, that Auto Save writes a pending diff to disk. */
  autoSaveNotice?: AutoSaveNotice;
}

/** A read-only view of one document's inline diff, for CodeLens, tests and other extensions. */
export interface InlineDiffState {
  /** The document text the diff started from (restored on Reject All). */
  original: string;
  /** What the diff's range holds now. */
  shownText: string;
  /** Zero-based document line of the diff's first line. */
  firstLine: number;
  hunks: {
    id: string;
    strategies: string[];
    /** The decision so far: undefined while open. */
    accepted: boolean | undefined;
    /** Zero-based document lines shown as removed / inserted. */
    removedLines: number[];
    insertedLines: number[];
  }[];
  /** Zero-based document lines painted as removed / inserted: those of the open hunks only. */
  decorated: { removed: number[]; inserted: number[] };
}

/** A diff that ended: where, why, and the decision when there was one. */
export interface SessionEnded {
  uri: vscode.Uri;
  reason: SessionEnd;
  outcome?: SessionOutcome;
}

/**
 * Where a person finds the prompt a diff started from. NOTE: the log is kept on disk, so prompt text goes
 * into it only when nothing else holds it: a stored diff points to its version in the history, whose
 * parent is the original; an unstored one (the store could not be written) logs the text, the only copy.
 */
function whereOriginalIs(session: InlineDiffSession): string {
  const version = session.version;
  if (version) return `The original is the version before ${version.versionId} of prompt ${version.promptId} in the Prompter history.`;
  return `The history did not store this diff; original text:\n${session.documentOriginal}`;
}

/** The same, for a message to the person. */
function whereToFindOriginal(session: InlineDiffSession): string {
  return session.version ? vscode.l10n.t('The original prompt is in the Prompter history.') : vscode.l10n.t('The original prompt is in Output → Prompter.');
}

/** All inline diffs of the window. */
export class InlineDiffManager implements vscode.Disposable {
  private readonly controllers = new Map<string, InlineDiffController>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires with the document's URI whenever a diff appears, changes or ends. */
  readonly onDidChange = this.changed.event;
  private readonly endedEmitter = new vscode.EventEmitter<SessionEnded>();
  /** Fires when a diff ends, with the outcome when the person decided every hunk. */
  readonly onDidEnd = this.endedEmitter.event;
  /**
   * Rewrites written into a document (applied in one edit with no diff shown, or accepted from a diff), by
   * document, until that document's next change: an Undo back to `textBefore` takes the rewrite back.
   */
  private readonly appliedAtOnce = new Map<string, { session: InlineDiffSession; textBefore: string }>();
  /** The whole text of each document with a diff shown, as it was before the diff appeared. */
  private readonly textBeforeDiff = new Map<string, string>();

  constructor(private readonly deps: InlineDiffDeps) {
    this.subscriptions.push(
      this.changed,
      this.endedEmitter,
      vscode.workspace.onDidChangeTextDocument((event) => {
        this.followApplied(event);
        this.controllers.get(event.document.uri.toString())?.onDocumentChanged(event);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.appliedAtOnce.delete(document.uri.toString());
        this.closeController(document.uri, 'closed');
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.controllers.forEach((controller) => controller.render())),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()),
    );
  }

  /** The running session in a document, if any. */
  session(uri: vscode.Uri): InlineDiffSession | undefined {
    return this.controllers.get(uri.toString())?.session;
  }

  /** Shows a new session in `document`; refuses when one is already shown there. */
  async show(document: vscode.TextDocument, session: InlineDiffSession): Promise<void> {
    const key = document.uri.toString();
    let controller = this.controllers.get(key);
    if (!controller) {
      controller = new InlineDiffController(document, {
        changed: (owner) => this.onChanged(owner),
        ended: (owner, ended, reason, detail) => this.onEnded(owner, ended, reason, detail),
      });
      this.controllers.set(key, controller);
    }
    this.appliedAtOnce.delete(key);
    this.textBeforeDiff.set(key, document.getText());
    await controller.start(session);
    this.deps.autoSaveNotice?.maybeShow(document);
  }

  /** Accepts or rejects one hunk of the diff in `uri`. */
  async decide(uri: vscode.Uri, hunkId: string, accept: boolean): Promise<void> {
    await this.require(uri).decide(hunkId, accept);
  }

  /** Accepts or rejects every open hunk of the diff in `uri`, as one edit. */
  async decideAll(uri: vscode.Uri, accept: boolean): Promise<void> {
    await this.require(uri).decideAll(accept);
  }

  /**
   * Records a rewrite that was applied in one edit without a diff (the inline diff turned off) as
   * accepted, every hunk kept. `textBefore` is the whole document before that edit: when the document's
   * next change is an Undo back to it, the person changed their mind, and that is recorded as a rejection
   * of the same version. Any other change ends the watch, so a later Undo is not read as a decision.
   */
  applied(document: vscode.TextDocument, session: InlineDiffSession, textBefore: string): void {
    this.recordFeedback(document, session);
    this.appliedAtOnce.set(document.uri.toString(), { session, textBefore });
  }

  /** The diff in `uri` as plain data, or undefined when none is shown. */
  state(uri: vscode.Uri): InlineDiffState | undefined {
    const controller = this.controllers.get(uri.toString());
    const session = controller?.session;
    if (!controller || !session) return undefined;
    const firstLine = controller.document.positionAt(session.start).line;
    const lines = (start: number, count: number) => Array.from({ length: count }, (_, i) => firstLine + start + i);
    return {
      original: session.documentOriginal,
      shownText: session.shownText,
      firstLine,
      hunks: session.layout().placements.map((placement) => ({
        id: placement.hunk.id,
        strategies: [...placement.hunk.strategies],
        accepted: session.decisionOf(placement.hunk.id),
        removedLines: lines(placement.removedStart, placement.removedCount),
        insertedLines: lines(placement.insertedStart, placement.insertedCount),
      })),
      decorated: { removed: [...controller.decoratedLines.removed], inserted: [...controller.decoratedLines.inserted] },
    };
  }

  dispose(): void {
    for (const key of [...this.controllers.keys()]) this.closeController(vscode.Uri.parse(key), 'disposed');
    this.appliedAtOnce.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    void vscode.commands.executeCommand('setContext', ContextKey.inlineDiffVisible, false);
  }

  private require(uri: vscode.Uri): InlineDiffController {
    const controller = this.controllers.get(uri.toString());
    if (!controller?.session) throw new Error(vscode.l10n.t('No inline diff is shown in this document.'));
    return controller;
  }

  private closeController(uri: vscode.Uri, reason: SessionEnd): void {
    const controller = this.controllers.get(uri.toString());
    if (!controller) return;
    controller.end(reason);
    controller.dispose();
    this.controllers.delete(uri.toString());
  }

  private onChanged(controller: InlineDiffController): void {
    this.changed.fire(controller.document.uri);
    this.updateContextKey();
  }

  private onEnded(controller: InlineDiffController, session: InlineDiffSession, reason: SessionEnd, detail: EndDetail): void {
    this.onChanged(controller);
    const document = controller.document;
    const textBefore = this.textBeforeDiff.get(document.uri.toString());
    this.textBeforeDiff.delete(document.uri.toString());
    this.endedEmitter.fire({ uri: document.uri, reason, outcome: reason === 'decided' ? session.outcome() : undefined });
    const name = vscode.workspace.asRelativePath(document.uri);
    switch (reason) {
      case 'decided':
        this.recordFeedback(document, session);
        // Accept All is one undoable edit back to the text before the diff: an Undo right after it takes
        // the accepted changes back, and is recorded like an Undo of a rewrite applied at once.
        if (session.outcome() !== 'rejected' && textBefore !== undefined) this.appliedAtOnce.set(document.uri.toString(), { session, textBefore });
        break;
      case 'edited':
        this.deps.log.info(`inline diff in ${name} ended: edited inside it. ${whereOriginalIs(session)}`);
        void vscode.window
          .showInformationMessage(
            vscode.l10n.t('The inline diff ended because the text inside it was edited. Your edit is kept; the original prompt can be restored.'),
            vscode.l10n.t('Restore Original'),
          )
          .then((choice) => (choice ? this.restore(document, session, detail) : undefined));
        break;
      case 'undone':
        this.deps.log.info(`inline diff in ${name} ended: undone, the original text is back`);
        break;
      case 'closed':
      case 'disposed':
        this.deps.log.info(`inline diff in ${name} ended (${reason}) before a decision. ${whereOriginalIs(session)}`);
        break;
      case 'failed':
        this.deps.log.error(`inline diff in ${name} failed. ${whereOriginalIs(session)}`);
        void vscode.window.showErrorMessage(
          vscode.l10n.t('The inline diff could not update the document, so it was closed. {0}', whereToFindOriginal(session)),
        );
        break;
      default: {
        const unexpected: never = reason;
        this.deps.log.warn(`inline diff ended for an unknown reason: ${String(unexpected)}`);
      }
    }
  }

  /** Ends the watch on a rewrite applied at once; an Undo straight back to the text before it is a rejection. */
  private followApplied(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const applied = this.appliedAtOnce.get(key);
    // Events without content changes (saved, dirty state) are not the person's next edit.
    if (!applied || event.contentChanges.length === 0) return;
    this.appliedAtOnce.delete(key);
    if (event.reason !== vscode.TextDocumentChangeReason.Undo || event.document.getText() !== applied.textBefore) return;
    this.deps.log.info(`rewrite applied in ${vscode.workspace.asRelativePath(event.document.uri)} was undone`);
    this.recordFeedback(event.document, applied.session, true);
  }

  /** Records the session's decision; `undone` when the person took back a rewrite applied at once. */
  private recordFeedback(document: vscode.TextDocument, session: InlineDiffSession, undone = false): void {
    const hunks = session.hunks.map((hunk) => ({ hunkId: hunk.id, accepted: !undone && session.decisionOf(hunk.id) === true, strategies: [...hunk.strategies] }));
    const feedback: EditorFeedback = {
      decision: undone ? 'rejected' : session.outcome(),
      hunks,
      strategies: [...session.result.strategies],
      originalText: session.result.original,
      improvedText: session.result.improved,
      finalText: undone ? session.result.original : session.decidedPromptText(),
      source: session.result.source,
      documentUri: document.uri.toString(),
      languageId: document.languageId,
      ...(session.version ? { version: session.version } : {}),
      via: undone ? 'editor-undo' : 'editor',
      createdAt: Date.now(),
    };
    this.deps.feedback.record(feedback).catch((error: unknown) => {
      this.deps.log.error(`could not record feedback: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async restore(document: vscode.TextDocument, session: InlineDiffSession, detail: EndDetail): Promise<void> {
    const original = session.documentOriginal;
    const edit = new vscode.WorkspaceEdit();
    const end = Math.min(detail.end, document.getText().length);
    edit.replace(document.uri, new vscode.Range(document.positionAt(detail.start), document.positionAt(end)), original);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not restore the original prompt. {0}', whereToFindOriginal(session)));
    }
  }

  private updateContextKey(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const visible = active !== undefined && this.session(active) !== undefined;
    void vscode.commands.executeCommand('setContext', ContextKey.inlineDiffVisible, visible);
  }
}
