/**
 * *Prompter: Reset Learning*: forgets the learned strategy statistics of one store (the learning loop's
 * `learning.json`), after a modal confirmation that says what goes and what stays. The history itself —
 * prompts, versions, scores, decisions, metrics — is never touched. Anything showing learning (the
 * insights dashboard) follows through the store's change event.
 */
import * as vscode from 'vscode';
import type { WorkspaceHistory } from '../history/historyStores';
import type { Services } from '../services';
import { CommandId } from './commandIds';
import { registerGuardedCommand } from './guardedCommand';

/** What Reset Learning did; the command returns it so callers (and tests) can follow up. */
export type ResetLearningOutcome =
  | { status: 'reset'; historyKey: string; message: string }
  | { status: 'nothing'; historyKey: string; message: string }
  | { status: 'cancelled' }
  | { status: 'refused'; message: string };

/** Options of the command's second argument. */
export interface ResetLearningOptions {
  /** False skips the confirmation (for callers that asked already). */
  confirm?: boolean;
}

/** Registers the command; the caller owns the registration. */
export function registerResetLearningCommand(services: Services): vscode.Disposable {
  return registerGuardedCommand(services.log, CommandId.resetLearning, 'Reset Learning', (target?: unknown, options?: unknown) => resetLearning(services, target, options));
}

/**
 * Resets the learning of a store: `target` names it (`{ historyKey }`, as a History item has); without
 * one, the window's only store, else the person picks (the active editor's folder first).
 */
export async function resetLearning(services: Services, target?: unknown, options?: unknown): Promise<ResetLearningOutcome> {
  const history = await resolveStore(services, target);
  if (history === undefined) return { status: 'cancelled' };
  if (typeof history === 'string') return refuse(history);
  const { label } = history.location;
  try {
    if (!(await history.repository.readLearningState())) {
      const message = vscode.l10n.t('Prompter has not learned anything in {0} yet: there is nothing to reset.', label);
      void vscode.window.showInformationMessage(message);
      return { status: 'nothing', historyKey: history.key, message };
    }
    if (asksFirst(options) && !(await confirmReset(label))) return { status: 'cancelled' };
    await history.repository.resetLearningState();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    services.log.error(`reset learning (${label}): ${detail}`, error instanceof Error ? error : undefined);
    const message = vscode.l10n.t('Resetting the learning of {0} failed: {1}', label, detail);
    void vscode.window.showErrorMessage(message);
    return { status: 'refused', message };
  }
  services.log.info(`reset learning (${label}): the learned strategy statistics were removed; the history is unchanged`);
  const message = vscode.l10n.t('Prompter forgot what it learned in {0}: strategies are chosen afresh. Every prompt and version is still in the history.', label);
  void vscode.window.showInformationMessage(message);
  return { status: 'reset', historyKey: history.key, message };
}

/** True unless the caller passed `{ confirm: false }`. */
function asksFirst(options: unknown): boolean {
  return !(typeof options === 'object' && options !== null && (options as ResetLearningOptions).confirm === false);
}

/** The modal question; true when the person chose Reset Learning. */
async function confirmReset(label: string): Promise<boolean> {
  const button = vscode.l10n.t('Reset Learning');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Reset what Prompter has learned in {0}?', label),
    {
      modal: true,
      detail: vscode.l10n.t(
        'This forgets the learned strategy statistics of this folder’s history: how often each strategy was applied, its judge gain, and the changes you accepted and rejected. Rewrites then choose strategies afresh. Prompts, versions, scores and your decisions stay in the history; nothing else is deleted.',
      ),
    },
    button,
  );
  return choice === button;
}

/** The store to reset: a `WorkspaceHistory`, a message when the target is unknown, or undefined when the pick was dismissed. */
async function resolveStore(services: Services, target: unknown): Promise<WorkspaceHistory | string | undefined> {
  const key = typeof target === 'object' && target !== null ? (target as { historyKey?: unknown }).historyKey : undefined;
  if (typeof key === 'string') {
    return services.history.byKey(key) ?? vscode.l10n.t('That history is not open in this window (was its folder removed from the workspace?).');
  }
  const all = services.history.all();
  if (all.length === 1) return all[0];
  // Several folders: a reset is not undone, so the person says which one, the active editor's first.
  const uri = vscode.window.activeTextEditor?.document.uri;
  const active = uri && vscode.workspace.getWorkspaceFolder(uri) ? services.history.forDocument(uri) : undefined;
  const ordered = active ? [active, ...all.filter((history) => history.key !== active.key)] : all;
  const picked = await vscode.window.showQuickPick(
    ordered.map((history) => ({
      label: history.location.label,
      ...(history === active ? { description: vscode.l10n.t('the active editor’s folder') } : {}),
      detail: vscode.workspace.asRelativePath(history.location.uri, true),
      history,
    })),
    { title: vscode.l10n.t('Reset Learning'), placeHolder: vscode.l10n.t('Whose learned strategy statistics should Prompter forget?') },
  );
  return picked?.history;
}

function refuse(message: string): ResetLearningOutcome {
  void vscode.window.showInformationMessage(message);
  return { status: 'refused', message };
}
