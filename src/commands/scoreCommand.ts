/** *Prompter: Score Prompt*: judge the selection (or the prompt file) and open its scorecard beside it. */
import * as vscode from 'vscode';
import type { Scorecard } from '../core/types';
import type { ReportDocuments } from '../reports/reportDocuments';
import { scorecardMarkdown } from '../reports/scorecardMarkdown';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { promptSourceOf } from './promptSource';

/** What a Score Prompt run did. */
export type ScoreOutcome = { status: 'scored'; scorecard: Scorecard; report: string } | { status: 'refused'; message: string };

/** Runs Score Prompt on the active editor. */
export async function scoreActiveEditor(services: Services, reports: ReportDocuments): Promise<ScoreOutcome> {
  const editor = vscode.window.activeTextEditor;
  const found = promptSourceOf(editor, readSettings(editor?.document).maxPromptCharacters);
  if (!found.ok) {
    services.log.info(`score refused: ${found.message}`);
    void vscode.window.showWarningMessage(found.message);
    return { status: 'refused', message: found.message };
  }
  const scorecard = services.engine.judge(found.source.promptText);
  const name = vscode.workspace.asRelativePath(found.source.document.uri);
  services.log.info(`score ${name}: ${scorecard.total}/50`);
  const report = await reports.show('Prompt Scorecard', scorecardMarkdown(vscode.l10n.t('Scorecard: {0}', name), scorecard));
  return { status: 'scored', scorecard, report: report.uri.toString() };
}
