/**
 * The History view's data: stores → prompts → versions, read from the stores only when VS Code asks
 * (the view is visible, a prompt is expanded). Refreshes, debounced, when a store announces a change; a
 * change this view has already read (the watcher echoing this window's own write) is skipped.
 * A store that cannot be read becomes a notice in the tree and one message, never a thrown error.
 */
import * as vscode from 'vscode';
import type { PromptDetail } from '../../core/history';
import type { HistoryStores, WorkspaceHistory } from '../historyStores';
import type { HistoryNode, NoticeNode, PromptNode, PromptRef, StoreNode, VersionNode } from './historyNodes';
import { promptTitle } from './historyLabels';
import { historyTreeItem, promptTooltip } from './historyTreeItems';
import type { VersionRef } from '../../inlineDiff/inlineDiffSession';

// Long enough to merge the writes of one improve run (prompt, version, metric, learning state).
const REFRESH_DEBOUNCE_MS = 100;

/** The History view's TreeDataProvider. */
export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The revision of each store when this view last listed it. */
  private readonly seen = new Map<string, number>();
  /** Errors already shown as a message, per store, so a refresh does not repeat them. */
  private readonly reported = new Map<string, string>();
  private pending: Set<WorkspaceHistory> | 'all' | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly stores: HistoryStores,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = stores.onDidChange((store) => this.schedule(store));
  }

  /** Refreshes the whole view now. */
  refresh(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.seen.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    return historyTreeItem(node);
  }

  /** Fills a prompt's tooltip with its whole original text when the pointer rests on it. */
  async resolveTreeItem(item: vscode.TreeItem, node: HistoryNode): Promise<vscode.TreeItem> {
    if (node.kind !== 'prompt') return item;
    const detail = await this.readPrompt(node).catch(() => undefined);
    if (detail) item.tooltip = promptTooltip(node, Date.now(), detail.prompt.originalText, detail);
    return item;
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'store': {
        const history = this.stores.byKey(node.historyKey);
        return history ? (await this.listPrompts(history)).nodes : [];
      }
      case 'prompt':
        return this.versions(node);
      case 'version':
      case 'notice':
        return [];
    }
  }

  async getParent(node: HistoryNode): Promise<HistoryNode | undefined> {
    switch (node.kind) {
      case 'store':
      case 'notice':
        return undefined;
      case 'prompt':
        return this.storeLevel() ? this.storeNodeOf(node.historyKey) : undefined;
      case 'version':
        return this.promptNode({ historyKey: node.historyKey, promptId: node.promptId });
    }
  }

  /** The node of a stored prompt, read afresh (for `reveal`); undefined when it is not in the history. */
  async promptNode(ref: PromptRef): Promise<PromptNode | undefined> {
    const history = this.stores.byKey(ref.historyKey);
    const summary = (await history?.repository.listPrompts())?.find((prompt) => prompt.id === ref.promptId);
    return summary && history ? this.toPromptNode(history, summary) : undefined;
  }

  /** The node of a stored version, read afresh (for `reveal`); undefined when it is not in the history. */
  async versionNode(ref: VersionRef): Promise<VersionNode | undefined> {
    const prompt = await this.promptNode(ref);
    if (!prompt) return undefined;
    const versions = await this.versions(prompt);
    return versions.find((node): node is VersionNode => node.kind === 'version' && node.version.id === ref.versionId);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }

  private storeLevel(): boolean {
    return this.stores.all().length > 1;
  }

  private async roots(): Promise<HistoryNode[]> {
    const all = this.stores.all();
    if (all.length === 1) return (await this.listPrompts(all[0]!)).nodes;
    const listed = await Promise.all(all.map(async (history) => ({ history, listed: await this.listPrompts(history) })));
    // An empty history everywhere shows the welcome view instead of empty folders.
    if (listed.every(({ listed: { count } }) => count === 0)) return [];
    return listed.map(({ history, listed: { count } }) => this.toStoreNode(history, count, count === undefined));
  }

  private storeNodeOf(historyKey: string): StoreNode | undefined {
    const history = this.stores.byKey(historyKey);
    return history ? this.toStoreNode(history, undefined, false) : undefined;
  }

  private toStoreNode(history: WorkspaceHistory, count: number | undefined, unreadable: boolean): StoreNode {
    return { kind: 'store', historyKey: history.key, label: history.location.label, promptCount: count, unreadable, path: history.location.uri.fsPath };
  }

  private toPromptNode(history: WorkspaceHistory, prompt: PromptNode['prompt']): PromptNode {
    return { kind: 'prompt', historyKey: history.key, prompt, title: promptTitle(prompt.preview) };
  }

  /** A store's prompts as nodes; `count` is undefined when the store could not be read. */
  private async listPrompts(history: WorkspaceHistory): Promise<{ nodes: HistoryNode[]; count: number | undefined }> {
    try {
      // Read the revision first: a write between the two reads is then refreshed once more, never missed.
      const revision = await history.repository.revision();
      const prompts = await history.repository.listPrompts();
      this.seen.set(history.key, revision);
      this.reported.delete(history.key);
      return { nodes: prompts.map((prompt) => this.toPromptNode(history, prompt)), count: prompts.length };
    } catch (error) {
      this.seen.delete(history.key);
      return { nodes: [this.failure(history, `store:${history.key}`, error)], count: undefined };
    }
  }

  private readPrompt(node: PromptNode): Promise<PromptDetail | undefined> {
    const history = this.stores.byKey(node.historyKey);
    return history ? history.repository.getPrompt(node.prompt.id) : Promise.resolve(undefined);
  }

  private async versions(node: PromptNode): Promise<HistoryNode[]> {
    const history = this.stores.byKey(node.historyKey);
    if (!history) return [];
    let detail: PromptDetail | undefined;
    try {
      detail = await history.repository.getPrompt(node.prompt.id);
    } catch (error) {
      return [this.failure(history, `prompt:${history.key}#${node.prompt.id}`, error)];
    }
    if (!detail) {
      const gone = vscode.l10n.t('This prompt is no longer in the history.');
      return [{ kind: 'notice', id: `gone:${history.key}#${node.prompt.id}`, severity: 'info', label: gone, detail: gone }];
    }
    const { prompt, versions } = detail;
    return versions.map(({ version, scores }, index): VersionNode => ({
      kind: 'version',
      historyKey: history.key,
      promptId: prompt.id,
      version,
      total: scores.at(-1)?.total ?? null,
      isBest: version.id === prompt.bestVersionId,
      previousId: versions[index - 1]?.version.id,
      origin: prompt.origin,
      promptTitle: node.title,
    }));
  }

  /** A notice for a read that failed, and one message per distinct failure. */
  private failure(history: WorkspaceHistory, id: string, error: unknown): NoticeNode {
    const message = error instanceof Error ? error.message : String(error);
    if (this.reported.get(history.key) !== message) {
      this.reported.set(history.key, message);
      this.log.error(`history view (${history.location.label}): ${message}`, error instanceof Error ? error : undefined);
      void vscode.window.showErrorMessage(vscode.l10n.t('Prompter cannot read the history of {0}: {1}', history.location.label, message));
    }
    return { kind: 'notice', id, severity: 'error', label: vscode.l10n.t('Cannot read the history'), detail: message };
  }

  private schedule(store: WorkspaceHistory | undefined): void {
    if (!store) this.pending = 'all';
    else if (this.pending !== 'all') this.pending = new Set(this.pending).add(store);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), REFRESH_DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    if (pending !== 'all' && !(await this.anyChanged(pending))) return;
    this.changed.fire(undefined);
  }

  /** Whether any of `stores` holds something this view has not listed yet. */
  private async anyChanged(stores: Set<WorkspaceHistory>): Promise<boolean> {
    for (const store of stores) {
      const seen = this.seen.get(store.key);
      if (seen === undefined) return true;
      const revision = await store.repository.revision().catch(() => undefined);
      if (revision !== seen) return true;
    }
    return false;
  }
}
