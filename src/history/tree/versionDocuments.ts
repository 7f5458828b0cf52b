/**
 * Stored versions as read-only virtual documents (`prompter-version:`), so VS Code's own diff editor can
 * compare two of them. The URI names the store and the version; its path ends with the prompt's file
 * name, so the editor picks the same language (and a readable tab name).
 */
import * as vscode from 'vscode';
import type { HistoryStores } from '../historyStores';

/** The URI scheme of stored versions. */
export const VERSION_SCHEME = 'prompter-version';

/** What a version document URI names. */
export interface VersionDocumentRef {
  historyKey: string;
  versionId: string;
}

/** The URI of a version's document; `name` is the file name the tab shows (for example `summary.prompt.md`). */
export function versionUri(ref: VersionDocumentRef, versionNo: number, name: string): vscode.Uri {
  const query = new URLSearchParams({ store: ref.historyKey, version: ref.versionId }).toString();
  // The version number in a folder keeps the file name (and so the language) as the prompt's own.
  return vscode.Uri.from({ scheme: VERSION_SCHEME, path: `/v${versionNo}/${name.replace(/[/\\]/g, '_')}`, query });
}

/** The store and version a `prompter-version:` URI names, or undefined for any other URI. */
export function parseVersionUri(uri: vscode.Uri): VersionDocumentRef | undefined {
  if (uri.scheme !== VERSION_SCHEME) return undefined;
  const query = new URLSearchParams(uri.query);
  const historyKey = query.get('store');
  const versionId = query.get('version');
  return historyKey && versionId ? { historyKey, versionId } : undefined;
}

/** Serves the text of stored versions (read-only: content providers cannot be written). */
export class VersionDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly stores: HistoryStores) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(VERSION_SCHEME, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseVersionUri(uri);
    const history = ref && this.stores.byKey(ref.historyKey);
    if (!ref || !history) return vscode.l10n.t('This history is not open in this window.');
    try {
      const found = await history.repository.getVersion(ref.versionId);
      return found?.version.text ?? vscode.l10n.t('This version is no longer in the history.');
    } catch (error) {
      return vscode.l10n.t('The history could not be read: {0}', error instanceof Error ? error.message : String(error));
    }
  }

  dispose(): void {
    this.registration.dispose();
  }
}
