/**
 * The History view's elements: plain data (no TreeItem subclasses), each with a stable id so VS Code
 * keeps expansion and selection across refreshes and `reveal` can find an element built afresh.
 */
import type { PromptOrigin, PromptSummary, PromptVersionRecord } from '../../core/history';
import type { PromptRef } from '../recentPrompts';
import type { VersionRef } from '../../inlineDiff/inlineDiffSession';

/** A prompt in a store: what `prompter.improveAgain` takes to improve from the best version. */
export type { PromptRef };


/** One store (a workspace folder's); shown as a level only when the window has several stores. */
export interface StoreNode {
  kind: 'store';
  historyKey: string;
  /** The folder name (or "Global history"). */
  label: string;
  /** How many prompts it holds; undefined when not counted (or it could not be read). */
  promptCount: number | undefined;
  /** True when reading it failed (its children then say why). */
  unreadable: boolean;
  /** Where the store lives on disk, for the tooltip. */
  path: string;
}

/** A prompt with its best score. */
export interface PromptNode {
  kind: 'prompt';
  historyKey: string;
  prompt: PromptSummary;
  /** Its first words (the label). */
  title: string;
}

/** One version of a prompt, with its latest score and its neighbours for the compare actions. */
export interface VersionNode {
  kind: 'version';
  historyKey: string;
  promptId: string;
  version: PromptVersionRecord;
  /** The latest judge total; null when the version has no score. */
  total: number | null;
  /** The adopted version of the prompt. */
  isBest: boolean;
  /** The version listed before this one (undefined for version 0). */
  previousId: string | undefined;
  /** Where the prompt came from (names the compare editors). */
  origin: PromptOrigin;
  /** The prompt's title (its first words), for names when it did not come from a file. */
  promptTitle: string;
}

/** A line that is not data: why a store could not be read, or that a prompt is gone. */
export interface NoticeNode {
  kind: 'notice';
  /** Unique among notices: the store or prompt it is about. */
  id: string;
  severity: 'error' | 'info';
  /** One short line. */
  label: string;
  /** The whole message, for the tooltip. */
  detail: string;
}

/** Every element of the History view. */
export type HistoryNode = StoreNode | PromptNode | VersionNode | NoticeNode;

/** The tree item id of a node: unique in the view and the same across refreshes. */
export function nodeId(node: HistoryNode): string {
  switch (node.kind) {
    case 'store':
      return `store:${node.historyKey}`;
    case 'prompt':
      return `prompt:${node.historyKey}#${node.prompt.id}`;
    case 'version':
      return `version:${node.historyKey}#${node.version.id}`;
    case 'notice':
      return `notice:${node.id}`;
  }
}

/** The stored version a version node shows (what `prompter.openVersion` takes). */
export function versionRefOf(node: VersionNode): VersionRef {
  return { historyKey: node.historyKey, promptId: node.promptId, versionId: node.version.id };
}

function hasString(value: object, key: string): boolean {
  return typeof (value as Record<string, unknown>)[key] === 'string';
}

/** `value` as a version reference: a version node or a `VersionRef`; undefined for anything else. */
export function asVersionRef(value: unknown): VersionRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const node = value as Partial<HistoryNode>;
  if (node.kind === 'version') return versionRefOf(node as VersionNode);
  if (hasString(value, 'historyKey') && hasString(value, 'promptId') && hasString(value, 'versionId')) {
    const { historyKey, promptId, versionId } = value as VersionRef;
    return { historyKey, promptId, versionId };
  }
  return undefined;
}

/** `value` as a prompt reference: a prompt or version node, a `PromptRef` or a `VersionRef`. */
export function asPromptRef(value: unknown): PromptRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const node = value as Partial<HistoryNode>;
  if (node.kind === 'prompt') return { historyKey: (node as PromptNode).historyKey, promptId: (node as PromptNode).prompt.id };
  if (node.kind === 'version') return { historyKey: (node as VersionNode).historyKey, promptId: (node as VersionNode).promptId };
  if (hasString(value, 'historyKey') && hasString(value, 'promptId')) {
    const { historyKey, promptId } = value as PromptRef;
    return { historyKey, promptId };
  }
  return undefined;
}
