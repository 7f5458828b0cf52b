/**
 * Which documents have a prompt in the history, published as the `prompter.promptDocuments` context key
 * so the editor's context menu offers *Improve Again* only where it has a prompt to continue (the
 * command then never falls back to a pick of other prompts). The same two sources as Improve Again's
 * target: the documents improved in this window, and each folder store's prompts by their file.
 *
 * NOTE: a store is read only once an editor of its folder has been active (or it changed), and then
 * after a short delay, so activation and windows that never touch a prompt do no I/O for this.
 */
import * as vscode from 'vscode';
import { ContextKey } from '../commands/commandIds';
import type { HistoryStores, WorkspaceHistory } from './historyStores';
import type { RecentPrompts } from './recentPrompts';

// An improve run writes several times (version, metric, learning): one read per burst.
const READ_DEBOUNCE_MS = 300;

/** A document as the `resourcePath` context key names it: the file path, or the URI's path for other schemes. */
export function resourcePathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

/** Keeps the context key up to date; `paths()` and `onDidChange` show what it holds. */
export class PromptDocuments implements vscode.Disposable {
  /** Per store key: the paths of the files its prompts came from. */
  private readonly byStore = new Map<string, string[]>();
  private readonly pending = new Map<string, WorkspaceHistory>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<void> = Promise.resolve();
  private published: readonly string[] = [];
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Fires with the new list each time it was published. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly stores: HistoryStores,
    private readonly recent: RecentPrompts,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      stores.onDidChange((history) => (history ? this.schedule(history) : this.forgetStores())),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.visit(editor)),
      recent.onDidRemember(() => this.publish()),
    );
    this.visit(vscode.window.activeTextEditor);
  }

  /** The paths the context key holds now. */
  paths(): readonly string[] {
    return this.published;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Reads the store of an editor's folder the first time one of its documents is active. */
  private visit(editor: vscode.TextEditor | undefined): void {
    const uri = editor?.document.uri;
    if (!uri || !vscode.workspace.getWorkspaceFolder(uri)) return;
    const history = this.stores.forDocument(uri);
    if (!this.byStore.has(history.key)) this.schedule(history);
  }

  /** The folders or the location setting changed: read again what is needed. */
  private forgetStores(): void {
    this.byStore.clear();
    this.publish();
    for (const editor of vscode.window.visibleTextEditors) this.visit(editor);
  }

  private schedule(history: WorkspaceHistory): void {
    this.pending.set(history.key, history);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // One read at a time, so an older listing never overwrites a newer one.
      this.reading = this.reading.then(() => this.readPending());
    }, READ_DEBOUNCE_MS);
  }

  private async readPending(): Promise<void> {
    const stores = [...this.pending.values()];
    this.pending.clear();
    for (const history of stores) {
      const folder = history.location.folder;
      if (!folder) continue; // the global store: Improve Again finds a document's prompt only in its folder's store
      try {
        const prompts = await history.repository.listPrompts();
        const files = prompts.flatMap((prompt) => (prompt.origin.file ? [resourcePathOf(vscode.Uri.joinPath(folder.uri, prompt.origin.file))] : []));
        this.byStore.set(history.key, files);
      } catch (error) {
        // The History view reports an unreadable store; here it only means no menu entry.
        this.log.warn(`prompt documents (${history.location.label}): ${error instanceof Error ? error.message : String(error)}`);
        this.byStore.set(history.key, []);
      }
    }
    this.publish();
  }

  private publish(): void {
    const paths = new Set([...this.byStore.values()].flat());
    for (const document of this.recent.documents()) paths.add(resourcePathOf(vscode.Uri.parse(document)));
    const list = [...paths].sort();
    if (list.length === this.published.length && list.every((path, index) => path === this.published[index])) return;
    this.published = list;
    void vscode.commands.executeCommand('setContext', ContextKey.promptDocuments, list);
    this.changed.fire(list);
  }
}
