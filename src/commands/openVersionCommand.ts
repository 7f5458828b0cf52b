/**
 * *Open Version* `(VersionRef)`: shows a stored version in the result panel — the diff against its parent
 * version, its scores against the parent's, its explanation — with Copy / Insert at cursor / Replace
 * selection. The history view calls it when a version is clicked.
 */
import * as vscode from 'vscode';
import type { PromptDetail } from '../core/history';
import { storedVersionState } from '../panel/panelState';
import type { ResultPanel } from '../panel/resultPanel';
import type { PanelState } from '../shared/resultPanelProtocol';
import type { Services } from '../services';
import { parseTargetArgument } from './improveAgainTarget';

/** What Open Version did. */
export type OpenVersionOutcome = { status: 'shown'; state: PanelState } | { status: 'refused'; message: string };

/** Shows the version `argument` names in the panel. */
export async function openVersionCommand(services: Services, panel: ResultPanel, argument: unknown): Promise<OpenVersionOutcome> {
  const ref = parseTargetArgument(argument);
  if (!ref?.versionId) return refuse(services, vscode.l10n.t('Open Version needs a version: pick one in the Prompter history.'));
  const history = services.history.byKey(ref.historyKey);
  if (!history) return refuse(services, vscode.l10n.t('That history is not open in this window (was its folder removed from the workspace?).'));
  let detail: PromptDetail | undefined;
  try {
    detail = await history.repository.getPrompt(ref.promptId);
  } catch (error) {
    services.log.error(`open version ${ref.versionId}: ${error instanceof Error ? error.message : String(error)}`);
    return refuse(services, vscode.l10n.t('The history could not be read: {0}', error instanceof Error ? error.message : String(error)));
  }
  const state = detail
    ? storedVersionState({ historyKey: history.key, detail, versionId: ref.versionId, subject: detail.prompt.origin.file ?? history.location.label, layout: panel.preferredLayout })
    : undefined;
  if (!state) return refuse(services, vscode.l10n.t('That version is not in the history any more (it may have been deleted).'));
  panel.showState(state);
  return { status: 'shown', state };
}

function refuse(services: Services, message: string): OpenVersionOutcome {
  services.log.info(`open version refused: ${message}`);
  void vscode.window.showWarningMessage(message);
  return { status: 'refused', message };
}
