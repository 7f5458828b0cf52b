/**
 * The text editor that Insert at Cursor and Replace Selection write into: the active one, or — when the
 * focus is in a panel such as the result webview, where VS Code reports no active text editor — the
 * last active one that is still visible. Read-only documents (versions, reports, output) never count.
 */
import * as vscode from 'vscode';

// Schemes whose documents cannot be edited: ours and VS Code's output.
const READ_ONLY_SCHEMES = new Set(['prompter-version', 'prompter-report', 'output']);

function writable(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor !== undefined && !READ_ONLY_SCHEMES.has(editor.document.uri.scheme);
}

/** Remembers the last writable text editor. */
export class EditorTarget implements vscode.Disposable {
  private last: { uri: string; column: vscode.ViewColumn | undefined } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  /** The editor to write into, or undefined when no writable text editor is shown. */
  current(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (writable(active)) return active;
    const last = this.last;
    if (!last) return undefined;
    return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === last.uri && editor.viewColumn === last.column);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (writable(editor)) this.last = { uri: editor.document.uri.toString(), column: editor.viewColumn };
  }
}
