/**
 * The History side panel: the tree view in the Prompter activity-bar container, its read-only version
 * documents, its commands, and *Prompter: Show History*. Creating the view does no I/O: VS Code asks
 * for the tree's children only once the view is visible.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../commands/commandIds';
import { registerGuardedCommand } from '../../commands/guardedCommand';
import { EditorTarget } from '../../panel/editorTarget';
import type { Services } from '../../services';
import { HistoryActions } from './historyActions';
import type { HistoryNode } from './historyNodes';
import { asPromptRef, asVersionRef, nodeId } from './historyNodes';
import { HistoryTreeProvider } from './historyTreeProvider';
import { VersionDocuments } from './versionDocuments';

/** The view's id (package.json `contributes.views`). */
export const HISTORY_VIEW_ID = 'prompter.history';

/** The History view as the extension's API shows it: what the tree holds, read as VS Code reads it. */
export interface HistoryViewAccess {
  /** The children of `node` (the top level without one), exactly as the view gets them. */
  getChildren(node?: HistoryNode): Promise<HistoryNode[]>;
  /** How `node` is drawn. */
  getTreeItem(node: HistoryNode): vscode.TreeItem;
  /** Fires when the view refreshes (after a store changed, debounced). */
  readonly onDidRefresh: vscode.Event<unknown>;
}

/** What *Show History* did. */
export interface ShowHistoryOutcome {
  /** The id of the tree item revealed and selected, when a target was given and found. */
  revealed?: string;
  /** Why the target was not revealed. */
  message?: string;
}

/** Registers the view and its commands (owned by `context.subscriptions`); returns read access for the API. */
export function registerHistoryView(context: vscode.ExtensionContext, services: Services): HistoryViewAccess {
  const provider = new HistoryTreeProvider(services.history, services.log);
  const view = vscode.window.createTreeView(HISTORY_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const editors = new EditorTarget();
  const actions = new HistoryActions(services, editors, () => view.selection[0]);
  const command = <A extends unknown[], R>(id: string, name: string, body: (...args: A) => Promise<R> | R) => registerGuardedCommand(services.log, id, name, body);
  context.subscriptions.push(
    provider,
    view,
    editors,
    new VersionDocuments(services.history),
    command(CommandId.showHistory, 'Show History', (target?: unknown) => showHistory(provider, view, target)),
    command(CommandId.refreshHistory, 'Refresh History', () => provider.refresh()),
    command(CommandId.compareWithPrevious, 'Compare with Previous', (target?: unknown) => actions.compareWithPrevious(target)),
    command(CommandId.compareWithOriginal, 'Compare with Original', (target?: unknown) => actions.compareWithOriginal(target)),
    command(CommandId.compareBestWithOriginal, 'Compare Best with Original', (target?: unknown) => actions.compareBestWithOriginal(target)),
    command(CommandId.insertVersionAtCursor, 'Insert at Cursor', (target?: unknown) => actions.insertAtCursor(target)),
    command(CommandId.replaceSelectionWithVersion, 'Replace Selection', (target?: unknown) => actions.replaceSelection(target)),
    command(CommandId.copyVersion, 'Copy', (target?: unknown) => actions.copy(target)),
    command(CommandId.improveFromVersion, 'Improve from This Version', (target?: unknown) => actions.improveFromVersion(target)),
    command(CommandId.improvePromptAgain, 'Improve Again', (target?: unknown) => actions.improveAgain(target)),
    command(CommandId.deleteVersion, 'Delete Version', (target?: unknown, options?: unknown) => actions.deleteVersion(target, options)),
    command(CommandId.deletePrompt, 'Delete Prompt', (target?: unknown, options?: unknown) => actions.deletePrompt(target, options)),
  );
  return {
    getChildren: (node) => provider.getChildren(node),
    getTreeItem: (node) => provider.getTreeItem(node),
    onDidRefresh: provider.onDidChangeTreeData,
  };
}

/** Focuses the view; with a version or prompt reference, reveals and selects it (expanding a prompt). */
async function showHistory(provider: HistoryTreeProvider, view: vscode.TreeView<HistoryNode>, target: unknown): Promise<ShowHistoryOutcome> {
  await vscode.commands.executeCommand(`${HISTORY_VIEW_ID}.focus`);
  if (target === undefined) return {};
  const versionRef = asVersionRef(target);
  const promptRef = asPromptRef(target);
  const node = versionRef ? await provider.versionNode(versionRef) : promptRef ? await provider.promptNode(promptRef) : undefined;
  if (!node) {
    const message = vscode.l10n.t('That prompt or version is no longer in the history.');
    void vscode.window.showInformationMessage(message);
    return { message };
  }
  await view.reveal(node, { select: true, focus: true, expand: node.kind === 'prompt' });
  return { revealed: nodeId(node) };
}
