/**
 * *Prompter: Improve Prompt*: rewrite the selection (or the prompt file) and show the rewrite inline as
 * a diff to accept or reject hunk by hunk — or, with the inline diff turned off, replace the text in one
 * undoable edit.
 */
import * as vscode from 'vscode';
import type { EngineResult } from '../core/model/improveWithModel';
import { InlineDiffSession } from '../inlineDiff/inlineDiffSession';
import type { InlineDiffManager } from '../inlineDiff/inlineDiffManager';
import type { ResultPanel } from '../panel/resultPanel';
import type { Services } from '../services';
import type { PromptOrigin } from '../core/history';
import type { StoredRun } from '../history/improveIntoHistory';
import { improveIntoHistory } from '../history/improveIntoHistory';
import { runWithModel } from '../modelAccess/runWithModel';
import { readSettings } from '../settings';
import { engineSummary, reportFallback } from './engineReport';
import { promptSourceOf } from './promptSource';
import { improveRunOptions } from './runOptions';

/**
 * What an Improve Prompt run did; returned by the command so callers (and tests) can follow up.
 * `result.engine` says which engine produced the rewrite and, when a model was asked but not used, why.
 */
export type ImproveOutcome =
  | { status: 'shown'; uri: string; hunkIds: string[]; result: EngineResult; engineMs: number; elapsedMs: number; stored?: StoredRun }
  | { status: 'applied'; uri: string; result: EngineResult; stored?: StoredRun }
  | { status: 'unchanged'; message: string; result: EngineResult; stored?: StoredRun }
  | { status: 'refused'; message: string };

/** Runs Improve Prompt on the active editor. */
export async function improveActiveEditor(services: Services, diffs: InlineDiffManager, panel: ResultPanel): Promise<ImproveOutcome> {
  const editor = vscode.window.activeTextEditor;
  const settings = readSettings(editor?.document);
  const found = promptSourceOf(editor, settings.maxPromptCharacters);
  if (!found.ok) return refuse(services, found.message);
  const { source } = found;
  const { document } = source;
  if (diffs.session(document.uri)) {
    return refuse(services, vscode.l10n.t('This document already shows an inline diff: accept or reject it first.'));
  }
  const started = performance.now();
  const history = services.history.forDocument(document.uri);
  const versionBefore = document.version;
  const run = await runWithModel(services.models, vscode.l10n.t('Prompter: improving the prompt'), (model) =>
    improveIntoHistory(history, source.promptText, promptOrigin(document), improveRunOptions(settings, model)),
  );
  const { result } = run;
  const engineMs = run.timeToResultMs;
  const name = vscode.workspace.asRelativePath(document.uri);
  services.log.info(
    `improve ${name}${source.literal ? ` (inside ${source.literal})` : ''}: ${result.judge.before.total} → ${result.judge.after.total}, ${result.explanation.diffs.length} hunks, ${engineMs.toFixed(1)} ms, ${engineSummary(result.engine)}; ${run.stored?.message ?? 'not stored'}`,
  );
  reportFallback(result.engine);
  if (run.stored) services.recent.remember(document.uri, run.stored);
  if (run.storeError) {
    services.log.error(`improve ${name}: the history could not be written: ${run.storeError}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Prompter could not save this run to the history ({0}). The rewrite is shown; nothing in your document was changed.', run.storeError));
  }
  // A model may take seconds: the text the rewrite was made for must still be where it was.
  if (document.version !== versionBefore) {
    return refuse(services, vscode.l10n.t('The document changed while the prompt was being improved, so the rewrite was not shown. It is in the history; run Improve Prompt again to see it here.'));
  }
  if (!result.changed) {
    const message = result.unchangedReason ?? vscode.l10n.t('No further improvement found.');
    void vscode.window.showInformationMessage(vscode.l10n.t(message));
    return { status: 'unchanged', message, result, ...(run.stored ? { stored: run.stored } : {}) };
  }
  const session = new InlineDiffSession({
    documentOriginal: source.documentText,
    result,
    start: document.offsetAt(source.range.start),
    eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
    encoding: source.encoding,
    ...(run.stored?.versionId ? { version: { historyKey: run.stored.historyKey, promptId: run.stored.promptId, versionId: run.stored.versionId } } : {}),
  });
  if (!settings.inlineDiff) {
    // Accept everything at once: the same session arithmetic, so escaping and line breaks match the diff path.
    const text = session.decideAll(true);
    const editorForEdit = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false });
    const textBefore = document.getText();
    const applied = await editorForEdit.edit((builder) => builder.replace(source.range, text));
    if (!applied) return refuse(services, vscode.l10n.t('VS Code refused the edit: the document may be read-only.'));
    // Accepted as a whole, like Accept All on the diff; an Undo right after is recorded as a rejection.
    diffs.applied(document, session, textBefore);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Prompt improved: {0}/50 → {1}/50. Undo (Ctrl+Z) brings the original back.', result.judge.before.total, result.judge.after.total),
    );
    return { status: 'applied', uri: document.uri.toString(), result, ...(run.stored ? { stored: run.stored } : {}) };
  }
  // The panel's webview draws while the editor decorates the diff, so both are on screen sooner.
  if (settings.openPanelOnImprove) panel.show(document.uri, result, performance.now() - started, run.stored, session);
  await diffs.show(document, session);
  const elapsedMs = performance.now() - started;
  services.log.info(`inline diff shown in ${name} after ${elapsedMs.toFixed(1)} ms`);
  return { status: 'shown', uri: document.uri.toString(), hunkIds: result.explanation.diffs.map((hunk) => hunk.id), result, engineMs, elapsedMs, ...(run.stored ? { stored: run.stored } : {}) };
}

/** Where a prompt came from, as the history records it: the workspace-relative file and its language. */
function promptOrigin(document: vscode.TextDocument): PromptOrigin {
  const inFolder = vscode.workspace.getWorkspaceFolder(document.uri) !== undefined;
  return { ...(inFolder ? { file: vscode.workspace.asRelativePath(document.uri, false) } : {}), languageId: document.languageId };
}

function refuse(services: Services, message: string): ImproveOutcome {
  services.log.info(`improve refused: ${message}`);
  void vscode.window.showWarningMessage(message);
  return { status: 'refused', message };
}
