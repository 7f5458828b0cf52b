/**
 * *Prompter: Score Prompt*: judge the selection (or the prompt file) and open its scorecard beside it.
 * With a language model on, the model judges (validated, repaired once) and the heuristic judge is the
 * fallback; the scorecard's `judge` says which one scored. Each run is recorded as a `judge` metric event
 * in the document's history.
 */
import * as vscode from 'vscode';
import type { NewMetricEvent } from '../core/history';
import { judgeMetric } from '../core/metrics/judgeMetric';
import type { JudgeEngineReport, ModelJudgeOutcome } from '../core/model/modelJudge';
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
  const { document } = found.source;
  const { card: scorecard, engine, timeToResultMs } = await runWithModel(services.models, vscode.l10n.t('Prompter: scoring the prompt'), async (model) => {
    const started = performance.now();
    const outcome = model ? await judgeWithModel(text, model.model, model.deadline()) : heuristicOutcome(services, text);
    return { ...outcome, timeToResultMs: performance.now() - started };
  });
  const name = vscode.workspace.asRelativePath(document.uri);
  services.log.info(`score ${name}: ${scorecard.total}/50, ${timeToResultMs.toFixed(1)} ms, ${engineSummary(engine, 'judge')}`);
  reportFallback(engine, 'judge');
  const report = await reports.show('Prompt Scorecard', scorecardMarkdown(vscode.l10n.t('Scorecard: {0}', name), scorecard));
  await recordScoreRun(services, document.uri, judgeMetric(scorecard, engine, timeToResultMs), name);
  return { status: 'scored', scorecard, report: report.uri.toString(), engine };
}

/**
 * Records the run in the document's history, where it counts in heuristic-vs-model usage and fallbacks
 * as improve runs do. NOTE: a store that cannot be written costs only this figure, so it is logged, not shown.
 */
async function recordScoreRun(services: Services, uri: vscode.Uri, metric: NewMetricEvent, name: string): Promise<void> {
  try {
    await services.history.forDocument(uri).repository.recordMetric(metric);
  } catch (error) {
    services.log.error(`score ${name}: the run could not be recorded in the history: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function heuristicOutcome(services: Services, text: string): ModelJudgeOutcome {
  const card = services.engine.judge(text);
  return { card, engine: { id: card.judge } };
}
