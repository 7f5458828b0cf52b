/**
 * Judges prompt files as the person types: one debounced run per document, the newest edit wins, the
 * result published as diagnostics and kept for the hover, the status bar and the Code Action.
 */
import * as vscode from 'vscode';
import type { PromptDiagnosis } from '../core/diagnostics/diagnosePrompt';
import { diagnosePrompt } from '../core/diagnostics/diagnosePrompt';
import { readSettings } from '../settings';
import { DIAGNOSTIC_SOURCE, toEditorDiagnostics } from './toEditorDiagnostics';

/** How long typing must pause before a document is judged again. */
export const DEBOUNCE_MS = 300;

/** What the runner needs from the rest of the extension. */
export interface RunnerDeps {
  log: vscode.LogOutputChannel;
  /** Whether a document is a prompt file that should be judged now (selector and enabled setting). */
  wanted(document: vscode.TextDocument): boolean;
}

/** The diagnosis of one document and the version it was made for. */
export interface DocumentDiagnosis {
  version: number;
  diagnosis: PromptDiagnosis;
}

/** Owns the diagnostic collection and the pending runs. */
export class PromptDiagnosticsRunner implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly results = new Map<string, DocumentDiagnosis>();
  private readonly updated = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires with a document's URI when its diagnosis appears, changes or is cleared. */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly deps: RunnerDeps) {
    this.subscriptions.push(
      this.collection,
      this.updated,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, DEBOUNCE_MS);
      }),
      // VS Code closes and reopens a document when its language or name changes, so this also covers
      // a file that stops matching by being renamed.
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
    );
  }

  /** The latest diagnosis of `document`, if it is a judged prompt file. */
  diagnosisOf(document: vscode.TextDocument): DocumentDiagnosis | undefined {
    return this.results.get(document.uri.toString());
  }

  /** Re-evaluates every open document (after a settings change or at start): judge or clear. */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.deps.wanted(document)) this.schedule(document, 0);
      else this.clear(document.uri);
    }
  }

  /** Judges or clears one document now (an inline diff in it appeared or ended). */
  refresh(document: vscode.TextDocument): void {
    this.schedule(document, 0);
  }

  /** Runs `document` after `delayMs`, replacing a run that has not started yet (a stale one). */
  private schedule(document: vscode.TextDocument, delayMs: number): void {
    const key = document.uri.toString();
    const previous = this.pending.get(key);
    if (previous !== undefined) clearTimeout(previous);
    if (!this.deps.wanted(document)) {
      this.clear(document.uri);
      return;
    }
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.run(document);
      }, delayMs),
    );
  }

  private run(document: vscode.TextDocument): void {
    if (document.isClosed || !this.deps.wanted(document)) {
      this.clear(document.uri);
      return;
    }
    const key = document.uri.toString();
    const text = document.getText();
    // Beyond the size Improve and Score accept, judging could take longer than a frame: say nothing.
    if (text.length > readSettings(document).maxPromptCharacters) {
      this.clear(document.uri);
      return;
    }
    try {
      const diagnosis = diagnosePrompt(text);
      this.results.set(key, { version: document.version, diagnosis });
      this.collection.set(document.uri, toEditorDiagnostics(document, diagnosis.diagnostics));
      this.updated.fire(document.uri);
    } catch (error) {
      // A judge bug must not break typing: log it with the stack and leave the document without squiggles.
      this.deps.log.error(`diagnostics failed for ${vscode.workspace.asRelativePath(document.uri)}`, error instanceof Error ? error : new Error(String(error)));
      this.clear(document.uri);
    }
  }

  /** Forgets a document: pending run, diagnostics and result. */
  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    const previous = this.pending.get(key);
    if (previous !== undefined) clearTimeout(previous);
    this.pending.delete(key);
    const had = this.results.delete(key) || this.collection.has(uri);
    this.collection.delete(uri);
    if (had) this.updated.fire(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.results.clear();
    this.subscriptions.forEach((subscription) => {
      subscription.dispose();
    });
  }
}
