/**
 * *Prompter: Score Prompt*: judge the selection (or the prompt file) and open its scorecard beside it.
 * With a language model on, the model judges (validated, repaired once) and the heuristic judge is the
 * fallback; the scorecard's `judge` says which one scored.
 */
import * as vscode from 'vscode';
import type { JudgeEngineReport } from '../core/model/modelJudge';
import { judgeWithModel } from '../core/model/modelJudge';
import type { Scorecard } from '../core/types';
import { runWithModel } from '../modelAccess/runWithModel';
import type { ReportDocuments } from '../reports/reportDocuments';
import { scorecardMarkdown } from '../reports/scorecardMarkdown';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { engineSummary, reportFallback } from './engineReport';
import { promptSourceOf } from './promptSource';

/** What a Score Prompt run did. */
export type ScoreOutcome = { status: 'scored'; scorecard: Scorecard; report: string; engine: JudgeEngineReport } | { status: 'refused'; message: string };

/** Runs Score Prompt on the active editor. */
export async function scoreActiveEditor(services: Services, reports: ReportDocuments): Promise<ScoreOutcome> {
  const editor = vscode.window.activeTextEditor;
  const found = promptSourceOf(editor, readSettings(editor?.document).maxPromptCharacters);
  if (!found.ok) {
    services.log.info(`score refused: ${found.message}`);
    void vscode.window.showWarningMessage(found.message);
    return { status: 'refused', message: found.message };
  }
  const text = found.source.promptText;
  const { card: scorecard, engine } = await runWithModel(services.models, vscode.l10n.t('Prompter: scoring the prompt'), async (model) => {
    if (model) return judgeWithModel(text, model.model, model.deadline());
    const card = services.engine.judge(text);
    return { card, engine: { id: card.judge } };
  });
  const name = vscode.workspace.asRelativePath(found.source.document.uri);
  services.log.info(`score ${name}: ${scorecard.total}/50, ${engineSummary(engine, 'judge')}`);
  reportFallback(engine, 'judge');
  const report = await reports.show('Prompt Scorecard', scorecardMarkdown(vscode.l10n.t('Scorecard: {0}', name), scorecard));
  return { status: 'scored', scorecard, report: report.uri.toString(), engine };
}
