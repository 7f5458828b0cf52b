/**
 * *Prompter: Improve Again*: rewrite a stored prompt from its best version (or from a given version),
 * judge it, and keep the rewrite only when it scores at least as well as the best. The new version
 * opens in the result panel; when nothing raises the score the person is told so and nothing is stored.
 */
import * as vscode from 'vscode';
import { UnknownPromptError, UnknownVersionError } from '../core/improveLoop';
import type { EngineResult } from '../core/model/improveWithModel';
import type { StoredRun } from '../history/improveIntoHistory';
import { improveAgainInHistory } from '../history/improveIntoHistory';
import { runWithModel } from '../modelAccess/runWithModel';
import { panelVersion, resultPanelState } from '../panel/panelState';
import type { ResultPanel } from '../panel/resultPanel';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { StoreError } from '../storage/storeError';
import { engineSummary, reportFallback } from './engineReport';
import type { AgainTarget } from './improveAgainTarget';
import { resolveAgainTarget } from './improveAgainTarget';
import { improveRunOptions } from './runOptions';

/** What an Improve Again run did; returned by the command so callers (and tests) can follow up. */
export type ImproveAgainOutcome =
  | { status: 'adopted'; stored: StoredRun; result: EngineResult }
  | { status: 'no-gain'; message: string; stored: StoredRun; result: EngineResult }
  | { status: 'refused'; message: string }
  | { status: 'cancelled' };

/** Runs Improve Again on `argument` (a VersionRef, a `{ historyKey, promptId }`, or nothing). */
export async function improveAgainCommand(services: Services, panel: ResultPanel, argument: unknown): Promise<ImproveAgainOutcome> {
  const resolved = await resolveAgainTarget(services, argument);
  if (!resolved.ok) return 'cancelled' in resolved ? { status: 'cancelled' } : refuse(services, resolved.message);
  const { target } = resolved;
  const scope = target.history.location.folder?.uri;
  const settings = readSettings(scope);
  let run;
  try {
    // The model may take seconds: runWithModel shows a cancellable progress notification when one is on.
    run = await runWithModel(services.models, vscode.l10n.t('Prompter: improving the prompt again'), (model) =>
      improveAgainInHistory(target.history, target.promptId, improveRunOptions(settings, model), target.versionId),
    );
  } catch (error) {
    if (error instanceof UnknownPromptError || error instanceof UnknownVersionError) return refuse(services, vscode.l10n.t('{0} Open the Prompter history to pick another one.', error.message));
    // The store's errors say what happened and what to do (read-only folder, busy lock, malformed id).
    if (error instanceof StoreError) return refuse(services, vscode.l10n.t('Improve Again could not use the history: {0}', error.message));
    throw error;
  }
  const { result, stored } = run;
  services.log.info(`improve again ${stored.promptId}${target.versionId ? ` from ${target.versionId}` : ''}: ${result.judge.after.total}/50, ${run.timeToResultMs.toFixed(1)} ms, ${engineSummary(result.engine)}; ${stored.message}`);
  reportFallback(result.engine);
  if (!stored.adopted || !stored.versionId) {
    void vscode.window.showInformationMessage(stored.message);
    panel.note(stored.promptId, stored.message);
    return { status: 'no-gain', message: stored.message, stored, result };
  }
  await showAdopted(target, stored, result, run.timeToResultMs, panel);
  return { status: 'adopted', stored, result };
}

/** Opens the adopted version in the panel, with the run's candidates, engine and time. */
async function showAdopted(target: AgainTarget, stored: StoredRun, result: EngineResult, timeMs: number, panel: ResultPanel): Promise<void> {
  const detail = await target.history.repository.getPrompt(stored.promptId);
  const entry = detail?.versions.find((candidate) => candidate.version.id === stored.versionId);
  if (!detail || !entry) return;
  const parent = detail.versions.find((candidate) => candidate.version.id === entry.version.parentVersionId);
  const state = resultPanelState(result, {
    subject: detail.prompt.origin.file ?? target.history.location.label,
    beforeLabel: parent ? `v${parent.version.versionNo}` : 'original',
    timeMs,
    origin: { kind: 'stored' },
    layout: panel.preferredLayout,
    version: panelVersion(stored.historyKey, detail, entry),
    notice: stored.message,
  });
  panel.showState(state);
}

function refuse(services: Services, message: string): ImproveAgainOutcome {
  services.log.info(`improve again refused: ${message}`);
  void vscode.window.showWarningMessage(message);
  return { status: 'refused', message };
}
