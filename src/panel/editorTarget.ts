/**
 * Where the panel's Insert at cursor / Replace selection go. A click in the panel moves the focus to
 * the webview, and VS Code then reports no active text editor, so the editor the person used last is
 * remembered. Inside a string literal (TypeScript/JavaScript, Python) the text is escaped so the code
 * still parses, as Improve Prompt does.
 */
import * as vscode from 'vscode';
import { literalAt } from '../stringLiteral/literalAt';

// Documents nobody can type into: VS Code's output, stored versions and reports (content providers).
const READ_ONLY_SCHEMES = new Set(['output', 'prompter-version', 'prompter-report']);

/** Remembers the last text editor that had the focus. */
export class EditorTarget implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor) this.last = editor;
  });

  /** The editor to write into: the last one used while it is still visible, else the first visible one. */
  editor(): vscode.TextEditor | undefined {
    const visible = vscode.window.visibleTextEditors.filter((editor) => !READ_ONLY_SCHEMES.has(editor.document.uri.scheme));
    const last = this.last;
    return (last && visible.find((editor) => editor.document === last.document)) ?? visible[0];
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** How the rewrite goes into the editor. */
export type WriteMode = 'insert' | 'replace';

/**
 * Writes `text` at the cursor (`insert`) or over the selection (`replace`) in one undoable edit, and
 * shows that editor with the focus. Returns false when VS Code refused the edit.
 */
export async function writeIntoEditor(editor: vscode.TextEditor, text: string, mode: WriteMode): Promise<boolean> {
  const { document, selection } = editor;
  const range = mode === 'replace' ? new vscode.Range(selection.start, selection.end) : new vscode.Range(selection.active, selection.active);
  const literal = literalAt(document.getText(), document.offsetAt(range.start), document.offsetAt(range.end), document.languageId);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const content = (literal ? literal.codec.encode(text) : text).replace(/\r?\n/g, eol);
  const shown = await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preserveFocus: false });
  return shown.edit((builder) => builder.replace(range, content));
}
