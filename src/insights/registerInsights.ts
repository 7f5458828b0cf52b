/**
 * Registers *Show Insights* (the dashboard on the active editor's store) and *Export Insights* (CSV or
 * JSON of the store the dashboard shows, else of the active editor's), with the dashboard panel itself.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { Services } from '../services';
import type { InsightsState } from '../shared/insightsProtocol';
import { exportInsights, pickExportFormat } from './exportInsights';
import type { InsightsRendered } from './insightsPanel';
import { InsightsPanel } from './insightsPanel';

/** What activate() keeps: the disposables, and the render event for the API. */
export interface InsightsRegistration {
  disposables: vscode.Disposable[];
  onDidRender: vscode.Event<InsightsRendered>;
}

/** Registers the dashboard and its commands. */
export function registerInsights(extensionUri: vscode.Uri, services: Services): InsightsRegistration {
  const { history: stores, log } = services;
  const activeStore = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri ? stores.forDocument(uri) : (panel.shown() ?? stores.forDocument(undefined));
  };
  // Arguments come from callers we do not control (keybindings, other extensions): checked, not trusted.
  const exportCommand = async (format?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
    const history = panel.shown() ?? activeStore();
    try {
      const chosen = format === 'csv' || format === 'json' ? format : await pickExportFormat();
      if (!chosen) return undefined;
      return await exportInsights(history, await panel.modelFor(history), chosen, target instanceof vscode.Uri ? target : undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`insights: export failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Prompter could not export the insights: {0}', message));
      return undefined;
    }
  };
  const panel: InsightsPanel = new InsightsPanel(extensionUri, stores, log, (format) => exportCommand(format));
  return {
    disposables: [
      panel,
      vscode.commands.registerCommand(CommandId.showInsights, (): Promise<InsightsState | undefined> => panel.show(activeStore())),
      vscode.commands.registerCommand(CommandId.exportInsights, exportCommand),
    ],
    onDidRender: panel.onDidRender,
  };
}
