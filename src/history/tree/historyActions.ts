/**
 * What the History view's context actions do: compare two versions in VS Code's diff editor, put a
 * version's text into the editor or the clipboard, improve from a version, delete. Each action takes a
 * tree node (from a menu), a `VersionRef`/`PromptRef` (from another command or a test) or nothing (the
 * view's selection), reads the version afresh from the store, and returns what it did.
 */
import * as vscode from 'vscode';
import type { PromptDetail, VersionWithScores } from '../../core/history';
import { CommandId } from '../../commands/commandIds';
import type { VersionRef } from '../../inlineDiff/inlineDiffSession';
import type { EditorTarget, WriteMode } from '../../panel/editorTarget';
import { writeIntoEditor } from '../../panel/editorTarget';
import type { Services } from '../../services';
import type { WorkspaceHistory } from '../historyStores';
import type { PromptRef } from './historyNodes';
import { asPromptRef, asVersionRef } from './historyNodes';
import { promptTitle } from './historyLabels';
import { versionDocumentName } from './historyTreeItems';
import { versionUri } from './versionDocuments';

/** What a History action did; commands return it so callers (and tests) can follow up. */
export type HistoryActionOutcome =
  | { status: 'compared'; left: string; right: string; title: string }
  | { status: 'inserted' | 'replaced'; uri: string }
  | { status: 'copied' }
  | { status: 'deleted'; deleted: 'version' | 'prompt' }
  | { status: 'cancelled' }
  | { status: 'refused'; message: string };

/** Options of the delete actions. */
export interface DeleteOptions {
  /** False skips the confirmation (for callers that asked already); deleting v0 then deletes its prompt. */
  confirm?: boolean;
}

/** A prompt read afresh, with where it lives. */
interface LoadedPrompt {
  history: WorkspaceHistory;
  detail: PromptDetail;
  /** The file name that names its versions in editor titles. */
  name: string;
}

/** A version read afresh, with its prompt. */
interface LoadedVersion extends LoadedPrompt {
  index: number;
  entry: VersionWithScores;
}

/** The History actions over the window's stores. */
export class HistoryActions {
  constructor(
    private readonly services: Services,
    private readonly editors: EditorTarget,
    /** The view's selected node, for actions run without an argument. */
    private readonly selection: () => unknown,
  ) {}

  /**
   * Diffs a version against the one it was made from: its parent, which is the version listed before it
   * unless it was improved from an older one (Improve from This Version), when that older one shows what
   * the run changed.
   */
  async compareWithPrevious(target: unknown): Promise<HistoryActionOutcome> {
    const loaded = await this.loadVersion(target);
    if (typeof loaded === 'string') return this.refuse(loaded);
    if (loaded.index === 0) return this.refuse(vscode.l10n.t('v0 is the original: there is no earlier version to compare it with.'));
    const parentId = loaded.entry.version.parentVersionId;
    const parent = loaded.detail.versions.findIndex(({ version }) => version.id === parentId);
    return this.compare(loaded, parent >= 0 ? parent : loaded.index - 1, loaded.index);
  }

  /** Diffs a version against the original (v0). */
  async compareWithOriginal(target: unknown): Promise<HistoryActionOutcome> {
    const loaded = await this.loadVersion(target);
    if (typeof loaded === 'string') return this.refuse(loaded);
    if (loaded.index === 0) return this.refuse(vscode.l10n.t('This is the original (v0): pick a later version to compare with it.'));
    return this.compare(loaded, 0, loaded.index);
  }

  /** Diffs a prompt's best version against its original. */
  async compareBestWithOriginal(target: unknown): Promise<HistoryActionOutcome> {
    const loaded = await this.loadPrompt(target);
    if (typeof loaded === 'string') return this.refuse(loaded);
    const best = loaded.detail.versions.findIndex(({ version }) => version.id === loaded.detail.prompt.bestVersionId);
    if (best <= 0) return this.refuse(vscode.l10n.t('The original is still the best version of this prompt: there is no better version to compare.'));
    return this.compare(loaded, 0, best);
  }

  /** Inserts a version's text at every cursor of the editor. */
  insertAtCursor(target: unknown): Promise<HistoryActionOutcome> {
    return this.writeToEditor(target, 'insert');
  }

  /** Replaces the editor's selections with a version's text. */
  replaceSelection(target: unknown): Promise<HistoryActionOutcome> {
    return this.writeToEditor(target, 'replace');
  }

  /** Copies a version's text to the clipboard. */
  async copy(target: unknown): Promise<HistoryActionOutcome> {
    const loaded = await this.loadVersion(target);
    if (typeof loaded === 'string') return this.refuse(loaded);
    await vscode.env.clipboard.writeText(loaded.entry.version.text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied v{0} of {1}', loaded.entry.version.versionNo, loaded.name), 3000);
    return { status: 'copied' };
  }

  /** Improves from a version (not from the best): hands a `VersionRef` to Improve Again. */
  async improveFromVersion(target: unknown): Promise<unknown> {
    const ref = asVersionRef(target ?? this.selection());
    if (!ref) return this.refuse(vscode.l10n.t('Select a version in the Prompter History view first.'));
    return this.runImproveAgain(ref);
  }

  /** Improves a prompt from its best version: hands a `PromptRef` to Improve Again. */
  async improveAgain(target: unknown): Promise<unknown> {
    const ref = asPromptRef(target ?? this.selection());
    if (!ref) return this.refuse(vscode.l10n.t('Select a prompt in the Prompter History view first.'));
    return this.runImproveAgain({ historyKey: ref.historyKey, promptId: ref.promptId });
  }

  /** Deletes a version after asking; for v0 (kept as long as its prompt exists) it offers deleting the prompt. */
  async deleteVersion(target: unknown, options?: unknown): Promise<HistoryActionOutcome> {
    const loaded = await this.loadVersion(target);
    if (typeof loaded === 'string') return this.refuse(loaded);
    const { version } = loaded.entry;
    const confirm = !isDeleteOptions(options) || options.confirm !== false;
    if (version.versionNo === 0) {
      const question = vscode.l10n.t('v0 is the original of “{0}” and stays as long as the prompt does. Delete the whole prompt?', loaded.name);
      if (confirm && !(await confirmPromptDelete(loaded, question))) return { status: 'cancelled' };
      return this.removePrompt(loaded);
    }
    if (confirm) {
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete v{0} of “{1}”?', version.versionNo, loaded.name),
        {
          modal: true,
          detail:
            version.id === loaded.detail.prompt.bestVersionId
              ? vscode.l10n.t('Its text and scores are removed from the history. It is the best version: the best of the others takes its place.')
              : vscode.l10n.t('Its text and scores are removed from the history.'),
        },
        vscode.l10n.t('Delete'),
      );
      if (!choice) return { status: 'cancelled' };
    }
    try {
      await loaded.history.repository.deleteVersion(version.id);
    } catch (error) {
      return this.failed(vscode.l10n.t('Deleting v{0}', version.versionNo), error);
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(trash) Deleted v{0} of {1}', version.versionNo, loaded.name), 3000);
    return { status: 'deleted', deleted: 'version' };
  }

  /** Deletes a prompt with all its versions, after asking. */
  async deletePrompt(target: unknown, options?: unknown): Promise<HistoryActionOutcome> {
    const loaded = await this.loadPrompt(target);
    if (typeof loaded === 'string') return this.refuse(loaded);
    const confirm = !isDeleteOptions(options) || options.confirm !== false;
    if (confirm && !(await confirmPromptDelete(loaded, vscode.l10n.t('Delete the prompt “{0}” from the history?', loaded.name)))) return { status: 'cancelled' };
    return this.removePrompt(loaded);
  }

  private async removePrompt(loaded: LoadedPrompt): Promise<HistoryActionOutcome> {
    try {
      await loaded.history.repository.deletePrompt(loaded.detail.prompt.id);
    } catch (error) {
      return this.failed(vscode.l10n.t('Deleting the prompt'), error);
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(trash) Deleted the prompt {0}', loaded.name), 3000);
    return { status: 'deleted', deleted: 'prompt' };
  }

  private async compare(loaded: LoadedPrompt, leftIndex: number, rightIndex: number): Promise<HistoryActionOutcome> {
    const uriOf = (index: number) => {
      const { version } = loaded.detail.versions[index]!;
      return versionUri({ historyKey: loaded.history.key, versionId: version.id }, version.versionNo, loaded.name);
    };
    const left = uriOf(leftIndex);
    const right = uriOf(rightIndex);
    const noOf = (index: number) => loaded.detail.versions[index]!.version.versionNo;
    const title = `${loaded.name} v${noOf(leftIndex)} ↔ v${noOf(rightIndex)}`;
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
    return { status: 'compared', left: left.toString(), right: right.toString(), title };
  }

  private async writeToEditor(target: unknown, mode: WriteMode): Promise<HistoryActionOutcome> {
    const loaded = await this.loadVersion(target);
    if (typeof loaded === 'string') return this.refuse(loaded);
    const editor = this.editors.editor();
    if (!editor) {
      return this.refuse(
        mode === 'insert'
          ? vscode.l10n.t('There is no text editor to insert into: open a file and place the cursor where the version should go.')
          : vscode.l10n.t('There is no text editor to replace a selection in: open a file and select the text to replace.'),
      );
    }
    const name = vscode.workspace.asRelativePath(editor.document.uri);
    if (mode === 'replace' && editor.selection.isEmpty) {
      return this.refuse(vscode.l10n.t('Nothing is selected in {0}: select the text to replace, or use Insert at Cursor.', name));
    }
    // The same write as the result panel's: escaped inside a string literal, the document's line breaks.
    if (!(await writeIntoEditor(editor, loaded.entry.version.text, mode))) {
      return this.refuse(vscode.l10n.t('VS Code refused the edit: {0} may be read-only.', name));
    }
    return { status: mode === 'insert' ? 'inserted' : 'replaced', uri: editor.document.uri.toString() };
  }

  private async runImproveAgain(ref: VersionRef | PromptRef): Promise<unknown> {
    try {
      return await vscode.commands.executeCommand(CommandId.improveAgain, ref);
    } catch (error) {
      return this.failed(vscode.l10n.t('Improve Again'), error);
    }
  }

  private async loadPrompt(target: unknown): Promise<LoadedPrompt | string> {
    const ref = asPromptRef(target ?? this.selection());
    if (!ref) return vscode.l10n.t('Select a prompt in the Prompter History view first.');
    const history = this.services.history.byKey(ref.historyKey);
    if (!history) return vscode.l10n.t('That history is not open in this window (was its folder removed from the workspace?).');
    let detail: PromptDetail | undefined;
    try {
      detail = await history.repository.getPrompt(ref.promptId);
    } catch (error) {
      this.services.log.error(`history action (${history.location.label}): ${this.describe(error)}`, error instanceof Error ? error : undefined);
      return vscode.l10n.t('The history of {0} could not be read: {1}', history.location.label, this.describe(error));
    }
    if (!detail) return vscode.l10n.t('This prompt is no longer in the history (it may have been deleted in another window).');
    return { history, detail, name: versionDocumentName({ origin: detail.prompt.origin, promptTitle: promptTitle(detail.prompt.originalText) }) };
  }

  private async loadVersion(target: unknown): Promise<LoadedVersion | string> {
    const ref = asVersionRef(target ?? this.selection());
    if (!ref) return vscode.l10n.t('Select a version in the Prompter History view first.');
    const loaded = await this.loadPrompt(ref);
    if (typeof loaded === 'string') return loaded;
    const index = loaded.detail.versions.findIndex(({ version }) => version.id === ref.versionId);
    if (index < 0) return vscode.l10n.t('This version is no longer in the history (it may have been deleted in another window).');
    return { ...loaded, index, entry: loaded.detail.versions[index]! };
  }

  private refuse(message: string): HistoryActionOutcome {
    void vscode.window.showInformationMessage(message);
    return { status: 'refused', message };
  }

  /** A store failure: the store's own message (it says what to do), logged with its detail. */
  private failed(what: string, error: unknown): HistoryActionOutcome {
    const message = vscode.l10n.t('{0} failed: {1}', what, this.describe(error));
    this.services.log.error(message, error instanceof Error ? error : undefined);
    void vscode.window.showErrorMessage(message);
    return { status: 'refused', message };
  }

  private describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Asks (modal) before a whole prompt goes; true when the person said Delete Prompt. */
async function confirmPromptDelete(loaded: LoadedPrompt, question: string): Promise<boolean> {
  const count = loaded.detail.versions.length;
  const detail = count === 1 ? vscode.l10n.t('Its only version and its score are removed from the history.') : vscode.l10n.t('All {0} versions and their scores are removed from the history.', count);
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, vscode.l10n.t('Delete Prompt'))) !== undefined;
}

function isDeleteOptions(value: unknown): value is DeleteOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
