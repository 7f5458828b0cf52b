/**
 * Read-only virtual Markdown documents (`prompter-report:`) for scorecards and change details: readable
 * without a webview, opened beside the prompt, and never saved anywhere.
 */
import * as vscode from 'vscode';

/** The URI scheme of report documents. */
export const REPORT_SCHEME = 'prompter-report';

/** Serves report documents and opens them beside the editor. */
export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.path) ?? vscode.l10n.t('This report is no longer available: run the command again.');
  }

  /**
   * Opens `markdown` as `name.md` beside the active editor. A report of the same name is replaced, so
   * repeated commands reuse one tab instead of piling them up.
   */
  async show(name: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
    this.contents.set(uri.path, markdown);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await contentArrived(document, markdown);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return document;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

/**
 * Resolves once `document` holds `text`. A report that is still open is returned at once with its old
 * text: VS Code fetches the new content after the change event, a moment later. NOTE: gives up after
 * `timeoutMs`, so a lost event leaves an old report on screen rather than a command that never ends.
 */
function contentArrived(document: vscode.TextDocument, text: string, timeoutMs = 2000): Promise<void> {
  if (document.getText() === text) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && document.getText() === text) done();
    });
    const timer = setTimeout(done, timeoutMs);
  });
}
