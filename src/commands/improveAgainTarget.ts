/**
 * Which prompt *Improve Again* works on. Given a version (`VersionRef`) it starts from that version;
 * given a prompt (`{ historyKey, promptId }`) from its best. With no argument: the prompt last improved
 * from the active document in this window, else the store's newest prompt that came from that document,
 * else the person picks one of the recent prompts.
 */
import * as vscode from 'vscode';
import type { PromptSummary } from '../core/history';
import type { WorkspaceHistory } from '../history/historyStores';
import type { PromptRef } from '../history/recentPrompts';
import { promptTitle, relativeTime, scoreText } from '../history/tree/historyLabels';
import type { Services } from '../services';

/** A prompt to improve, and the version to start from (its best when absent). */
export interface AgainTarget {
  history: WorkspaceHistory;
  promptId: string;
  versionId?: string;
}

/** The target, a message for the person, or `cancelled` when they dismissed the pick. */
export type TargetResult = { ok: true; target: AgainTarget } | { ok: false; message: string } | { ok: false; cancelled: true };

const QUICK_PICK_LIMIT = 50;

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** `value` as a prompt reference with an optional version; undefined for anything else (a URI from a menu). */
export function parseTargetArgument(value: unknown): (PromptRef & { versionId?: string }) | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { historyKey, promptId, versionId } = value as Record<string, unknown>;
  if (!isString(historyKey) || !isString(promptId)) return undefined;
  return isString(versionId) ? { historyKey, promptId, versionId } : { historyKey, promptId };
}

function inStore(services: Services, ref: PromptRef & { versionId?: string }): TargetResult {
  const history = services.history.byKey(ref.historyKey);
  if (!history) return { ok: false, message: vscode.l10n.t('That history is not open in this window (was its folder removed from the workspace?).') };
  return { ok: true, target: { history, promptId: ref.promptId, ...(ref.versionId ? { versionId: ref.versionId } : {}) } };
}

/** Resolves the command's argument (or its absence) to a prompt. */
export async function resolveAgainTarget(services: Services, argument: unknown): Promise<TargetResult> {
  const given = parseTargetArgument(argument);
  if (given) return inStore(services, given);
  const document = vscode.window.activeTextEditor?.document;
  if (document) {
    const remembered = services.recent.forDocument(document.uri);
    if (remembered) return inStore(services, remembered);
    const fromFile = await newestFromDocument(services, document);
    if (fromFile) return { ok: true, target: fromFile };
  }
  return pickRecent(services);
}

async function newestFromDocument(services: Services, document: vscode.TextDocument): Promise<AgainTarget | undefined> {
  if (!vscode.workspace.getWorkspaceFolder(document.uri)) return undefined;
  const file = vscode.workspace.asRelativePath(document.uri, false);
  const history = services.history.forDocument(document.uri);
  const prompts = await listOrLog(services, history);
  // listPrompts is newest first.
  const newest = prompts.find((prompt) => prompt.origin.file === file);
  return newest ? { history, promptId: newest.id } : undefined;
}

async function listOrLog(services: Services, history: WorkspaceHistory): Promise<PromptSummary[]> {
  try {
    return await history.repository.listPrompts();
  } catch (error) {
    services.log.warn(`improve again: could not list the prompts of ${history.location.label}: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

interface PromptPick extends vscode.QuickPickItem {
  target: AgainTarget;
}

async function pickRecent(services: Services): Promise<TargetResult> {
  const lists = await Promise.all(services.history.all().map(async (history) => (await listOrLog(services, history)).map((prompt) => ({ history, prompt }))));
  const recent = lists
    .flat()
    .sort((a, b) => b.prompt.updatedAt - a.prompt.updatedAt)
    .slice(0, QUICK_PICK_LIMIT);
  if (!recent.length) {
    return { ok: false, message: vscode.l10n.t('The Prompter history is empty: select a prompt and run Prompter: Improve Prompt first.') };
  }
  const items: PromptPick[] = recent.map(({ history, prompt }) => ({
    label: promptTitle(prompt.preview),
    description: vscode.l10n.t('best v{0} at {1}', prompt.bestVersionNo, scoreText(prompt.bestScore) ?? '–'),
    detail: `${prompt.origin.file ?? history.location.label} · ${relativeTime(prompt.updatedAt, Date.now(), vscode.env.language)}`,
    target: { history, promptId: prompt.id },
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Improve Again'), placeHolder: vscode.l10n.t('Which prompt? Its best version is rewritten again.'), matchOnDetail: true });
  return picked ? { ok: true, target: picked.target } : { ok: false, cancelled: true };
}
