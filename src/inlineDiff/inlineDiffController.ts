/**
 * The inline diff of one document: owns its two decoration types (created once, disposed together),
 * writes the session's text into the editor, paints removed and inserted lines with the theme's diff
 * colours, and keeps the diff anchored while the person types elsewhere.
 */
import * as vscode from 'vscode';
import { openHunkLines } from './diffLayout';
import type { InlineDiffSession } from './inlineDiffSession';
import { lineEdit } from './lineEdit';

/** Why a session ended. */
export type SessionEnd = 'decided' | 'edited' | 'undone' | 'closed' | 'failed' | 'disposed';

/** What the controller tells its owner. */
export interface ControllerEvents {
  /** The session's hunks or decorations changed (CodeLens and the context key follow). */
  changed(controller: InlineDiffController): void;
  /** The session ended; `session` is the one that ended. */
  ended(controller: InlineDiffController, session: InlineDiffSession, reason: SessionEnd, detail: EndDetail): void;
}

/** Where the diff's text is after the session ended (for "restore the original" after an edit inside it). */
export interface EndDetail {
  start: number;
  end: number;
}

// Undo stops: the whole session (showing the diff, each decision, the last one) is one undo step, so a
// single Undo after Accept All brings the original back.
const FIRST_EDIT = { undoStopBefore: true, undoStopAfter: false };
const MIDDLE_EDIT = { undoStopBefore: false, undoStopAfter: false };
const LAST_EDIT = { undoStopBefore: false, undoStopAfter: true };

/** One document's inline diff. */
export class InlineDiffController implements vscode.Disposable {
  private readonly removedLines = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
    textDecoration: 'line-through',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly insertedLines = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.addedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private current: InlineDiffSession | undefined;
  /**
   * Edits of ours in flight. NOTE: change events that arrive while one is applied are taken as ours;
   * after each edit the diff's text is compared with what we wrote, so a keystroke that slipped in
   * between ends the session instead of corrupting it.
   */
  private ownEdits = 0;
  private painted: { removed: number[]; inserted: number[] } = { removed: [], inserted: [] };

  constructor(
    readonly document: vscode.TextDocument,
    private readonly events: ControllerEvents,
  ) {}

  /** Zero-based document lines painted as removed / inserted by the last render (for the state and tests). */
  get decoratedLines(): { removed: readonly number[]; inserted: readonly number[] } {
    return this.painted;
  }

  /** The running session, if any. */
  get session(): InlineDiffSession | undefined {
    return this.current;
  }

  /** Shows `session` in the document. */
  async start(session: InlineDiffSession): Promise<void> {
    if (this.current) throw new Error('This document already shows an inline diff.');
    this.current = session;
    const before = session.shownText;
    await this.write(session, before, session.begin(), FIRST_EDIT);
    // The selection would now cover the whole diff and hide its colours: put the cursor at its start.
    const at = this.document.positionAt(session.start);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === this.document) editor.selection = new vscode.Selection(at, at);
    }
    this.render();
    this.events.changed(this);
  }

  /** Accepts or rejects one hunk; ends the session when it was the last open one. */
  async decide(hunkId: string, accept: boolean): Promise<void> {
    const session = this.requireSession();
    if (session.decisionOf(hunkId) !== undefined) return;
    const before = session.shownText;
    const after = session.decide(hunkId, accept);
    await this.write(session, before, after, session.complete ? LAST_EDIT : MIDDLE_EDIT);
    this.afterDecision(session);
  }

  /** Accepts or rejects every open hunk in one edit and ends the session. */
  async decideAll(accept: boolean): Promise<void> {
    const session = this.requireSession();
    const before = session.shownText;
    const after = session.decideAll(accept);
    await this.write(session, before, after, LAST_EDIT);
    this.afterDecision(session);
  }

  /** Follows a change of the document: anchors the diff, or ends the session when the change is inside it. */
  onDocumentChanged(event: vscode.TextDocumentChangeEvent): void {
    const session = this.current;
    if (!session || this.ownEdits > 0 || event.contentChanges.length === 0) return;
    // Offsets in one event all refer to the document before it, so each is tracked against the old start.
    const start = session.start;
    let shift = 0;
    let insideDelta = 0;
    let inside = false;
    for (const change of event.contentChanges) {
      session.start = start;
      const position = session.track(change.rangeOffset, change.rangeLength, change.text);
      if (position === 'before') shift += change.text.length - change.rangeLength;
      if (position === 'inside') {
        inside = true;
        insideDelta += change.text.length - change.rangeLength;
      }
    }
    session.start = start + shift;
    if (!inside) {
      if (shift !== 0) this.render();
      return;
    }
    const detail = { start: session.start, end: session.end + insideDelta };
    // Undo while the diff is shown takes the document back to the original: nothing to restore or report.
    const now = this.document.getText(new vscode.Range(this.document.positionAt(detail.start), this.document.positionAt(detail.end)));
    this.end(now === session.documentOriginal ? 'undone' : 'edited', detail);
  }

  /** Repaints the decorations in every editor showing this document. */
  render(): void {
    const session = this.current;
    this.painted = { removed: [], inserted: [] };
    if (session) {
      const firstLine = this.document.positionAt(session.start).line;
      const toDocument = (offset: number) => Math.min(firstLine + offset, this.document.lineCount - 1);
      // Only open hunks are painted: an accepted or rejected hunk is plain text, not still pending.
      const open = openHunkLines(session.layout(), (hunkId) => session.decisionOf(hunkId) !== undefined);
      this.painted = { removed: open.removed.map(toDocument), inserted: open.inserted.map(toDocument) };
    }
    const ranges = (lines: number[]) => lines.map((line) => this.document.lineAt(line).range);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== this.document) continue;
      editor.setDecorations(this.removedLines, ranges(this.painted.removed));
      editor.setDecorations(this.insertedLines, ranges(this.painted.inserted));
    }
  }

  /** Ends the session without touching the text (the document was closed, edited inside the diff, …). */
  end(reason: SessionEnd, detail?: EndDetail): void {
    const session = this.current;
    if (!session) return;
    this.current = undefined;
    this.render();
    this.events.ended(this, session, reason, detail ?? { start: session.start, end: session.end });
  }

  dispose(): void {
    this.end('disposed');
    this.removedLines.dispose();
    this.insertedLines.dispose();
  }

  private afterDecision(session: InlineDiffSession): void {
    if (session.complete) this.end('decided');
    else {
      this.render();
      this.events.changed(this);
    }
  }

  private requireSession(): InlineDiffSession {
    if (!this.current) throw new Error('This document shows no inline diff.');
    return this.current;
  }

  /** Replaces the diff's text `before` (what the document holds) with `after`, touching only changed lines. */
  private async write(session: InlineDiffSession, before: string, after: string, stops: typeof FIRST_EDIT): Promise<void> {
    const edit = lineEdit(before, after);
    // Accepting a pure insertion changes no text, only the decorations.
    if (edit.deleteLength === 0 && edit.insert === '') return;
    const editor = await this.editor();
    const from = this.document.positionAt(session.start + edit.offset);
    const to = this.document.positionAt(session.start + edit.offset + edit.deleteLength);
    this.ownEdits += 1;
    let applied: boolean;
    try {
      applied = await editor.edit((builder) => builder.replace(new vscode.Range(from, to), edit.insert), stops);
    } finally {
      this.ownEdits -= 1;
    }
    const now = this.document.getText(new vscode.Range(this.document.positionAt(session.start), this.document.positionAt(session.end)));
    if (!applied || now !== after) {
      this.end('failed');
      throw new Error(applied ? 'The document changed while the inline diff was being updated.' : 'VS Code refused the edit.');
    }
  }

  /** An editor showing this document (edits with undo stops need one); opens it when none is visible. */
  private async editor(): Promise<vscode.TextEditor> {
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === this.document);
    return visible ?? vscode.window.showTextDocument(this.document, { preserveFocus: true, preview: false });
  }
}
