/**
 * The extension's history stores: one per workspace folder (or one global store with no folder open),
 * opened lazily on first use so that activation does no I/O. Each store announces changes — its own
 * writes at once, and writes by another window or the `prompter` CLI through a watcher on its
 * `store.json`, whose `revision` every commit bumps.
 */
import * as vscode from 'vscode';
import type { HistoryRepository, StoreWarning } from '../core/history';
import type { LearningLink } from '../core/learningStore';
import { linkLearning } from '../core/learningStore';
import { readSettings } from '../settings';
import { openHistoryStore } from '../storage/fileHistoryRepository';
import { notifyingRepository } from './notifyingRepository';
import type { ExtensionStorage, StoreLocation } from './storeLocation';
import { folderStoreLocation, globalStoreLocation } from './storeLocation';

/** One store as the features use it. */
export interface WorkspaceHistory {
  /** Stable key: the store folder's URI. */
  readonly key: string;
  readonly location: StoreLocation;
  /** Writes through it announce a change at once. */
  readonly repository: HistoryRepository;
  readonly learning: LearningLink;
}

// Several files change per commit; one refresh per burst is enough.
const WATCH_DEBOUNCE_MS = 150;

/** Opens and caches the stores; fires `onDidChange` with the store that changed. */
export class HistoryStores implements vscode.Disposable {
  private readonly open = new Map<string, { history: WorkspaceHistory; watcher: vscode.Disposable; timer?: ReturnType<typeof setTimeout> }>();
  private readonly changed = new vscode.EventEmitter<WorkspaceHistory | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Fires with the store whose contents changed, or undefined when the set of stores changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storage: ExtensionStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('prompter.history.location')) this.changed.fire(undefined);
      }),
    );
  }

  /** The store for a document: its workspace folder's, else the first folder's, else the global one. */
  forDocument(uri: vscode.Uri | undefined): WorkspaceHistory {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    return this.at(folder ? folderStoreLocation(folder, readSettings(folder).historyLocation, this.storage) : globalStoreLocation(this.storage));
  }

  /** Every store of the window: one per workspace folder, or the global one with no folder open. */
  all(): WorkspaceHistory[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) return [this.at(globalStoreLocation(this.storage))];
    return folders.map((folder) => this.at(folderStoreLocation(folder, readSettings(folder).historyLocation, this.storage)));
  }

  /** An open store by key (from a tree item or a panel message), if it is still one of the window's. */
  byKey(key: string): WorkspaceHistory | undefined {
    return this.all().find((history) => history.key === key);
  }

  dispose(): void {
    for (const entry of this.open.values()) {
      clearTimeout(entry.timer);
      entry.watcher.dispose();
    }
    this.open.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private at(location: StoreLocation): WorkspaceHistory {
    const key = location.uri.toString();
    const existing = this.open.get(key);
    if (existing) return existing.history;
    const raw = openHistoryStore(location.uri.fsPath, { onWarning: (warning) => this.warn(location, warning) });
    const repository = notifyingRepository(raw, () => this.changed.fire(history));
    const history: WorkspaceHistory = {
      key,
      location,
      repository,
      learning: linkLearning(repository, (message) => this.log.warn(`learning (${location.label}): ${message}`)),
    };
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(location.uri, 'store.json'));
    const entry: { history: WorkspaceHistory; watcher: vscode.Disposable; timer?: ReturnType<typeof setTimeout> } = { history, watcher };
    const schedule = () => {
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => this.changed.fire(history), WATCH_DEBOUNCE_MS);
    };
    watcher.onDidChange(schedule);
    watcher.onDidCreate(schedule);
    watcher.onDidDelete(schedule);
    this.open.set(key, entry);
    return history;
  }

  private warn(location: StoreLocation, warning: StoreWarning): void {
    this.log.warn(`history (${location.label}): ${warning.message}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Prompter history ({0}): {1}', location.label, warning.message));
  }
}
