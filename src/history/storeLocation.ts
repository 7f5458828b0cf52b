/**
 * Where a document's history lives: `.prompter/` in its workspace folder by default (visible, diffable,
 * can be committed or ignored), VS Code's per-workspace storage when the setting says so, and global
 * storage when no folder is open or the folder is not on disk (a virtual workspace). Multi-root
 * workspaces get one store per folder.
 */
import * as vscode from 'vscode';
import type { HistoryLocation } from '../settings';

/** The storage folders VS Code gives the extension. */
export interface ExtensionStorage {
  /** Per-workspace storage; undefined when no workspace is open. */
  storageUri: vscode.Uri | undefined;
  globalStorageUri: vscode.Uri;
}

/** One store's place on disk and how people see it named. */
export interface StoreLocation {
  /** The store folder (always a `file:` URI: the store does Node I/O). */
  uri: vscode.Uri;
  /** "my-folder" or "Global history". */
  label: string;
  /** The workspace folder it belongs to, when it belongs to one. */
  folder?: vscode.WorkspaceFolder;
}

/** The folder name the CLI uses too, so `prompter history` in a workspace folder sees the editor's versions. */
export const STORE_FOLDER_NAME = '.prompter';

// A short stable name for a folder inside per-workspace storage (folder order may change; URIs do not).
function folderSlug(folder: vscode.WorkspaceFolder): string {
  let hash = 2166136261;
  for (const char of folder.uri.toString()) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return `${folder.name.replace(/[^\w.-]+/g, '_').slice(0, 40)}-${hash.toString(36)}`;
}

/** The global store, used with no folder open. */
export function globalStoreLocation(storage: ExtensionStorage): StoreLocation {
  return { uri: vscode.Uri.joinPath(storage.globalStorageUri, 'history'), label: vscode.l10n.t('Global history') };
}

/** The store for a workspace folder under the given setting. */
export function folderStoreLocation(folder: vscode.WorkspaceFolder, setting: HistoryLocation, storage: ExtensionStorage): StoreLocation {
  if (setting === 'workspaceFolder' && folder.uri.scheme === 'file') {
    return { uri: vscode.Uri.joinPath(folder.uri, STORE_FOLDER_NAME), label: folder.name, folder };
  }
  const base = storage.storageUri?.scheme === 'file' ? storage.storageUri : storage.globalStorageUri;
  return { uri: vscode.Uri.joinPath(base, 'history', folderSlug(folder)), label: folder.name, folder };
}
