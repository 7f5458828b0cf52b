/**
 * Saves the dashboard's figures as CSV or JSON where the person chooses (a save dialog), or at a given
 * URI (tests, other extensions), through `workspace.fs` so remote and virtual folders work too.
 */
import * as vscode from 'vscode';
import type { WorkspaceHistory } from '../history/historyStores';
import type { ExportFormat, InsightsModel } from '../shared/insightsProtocol';
import { metricsCsv, metricsJson } from './metricsExport';

/** Asks which format, when the command was run from the palette. */
export async function pickExportFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: vscode.l10n.t('one row per figure: section, key, metric, value'), format: 'csv' as const },
      { label: 'JSON', description: vscode.l10n.t('every figure, as the dashboard has them'), format: 'json' as const },
    ],
    { title: vscode.l10n.t('Export Prompter insights as') },
  );
  return picked?.format;
}

/** Writes `model` as `format`; returns where, or undefined when the person cancelled the dialog. */
export async function exportInsights(history: WorkspaceHistory, model: InsightsModel, format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const day = new Date().toISOString().slice(0, 10);
  const name = `prompter-insights-${history.location.label.replace(/[^\w.-]+/g, '_')}-${day}.${format}`;
  const base = history.location.folder?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Prompter insights'),
      saveLabel: vscode.l10n.t('Export'),
      ...(base ? { defaultUri: vscode.Uri.joinPath(base, name) } : {}),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    }));
  if (!uri) return undefined;
  const meta = { store: history.location.label, location: history.location.uri.fsPath, exportedAt: Date.now() };
  const text = format === 'csv' ? metricsCsv(model) : metricsJson(model, meta);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Exported the insights to {0}.', vscode.workspace.asRelativePath(uri)));
  return uri;
}
