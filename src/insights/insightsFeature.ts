/**
 * The insights dashboard and its export, built as a bundle of its own (dist/insights.js) that
 * registerInsights loads the first time the dashboard or an export is asked for. Most sessions never open
 * it, so activation does not pay for it (the extension bundle's size target is 300 KB minified).
 * NOTE: this module and what it imports are bundled twice (here and wherever extension.js uses them), so
 * nothing may cross the boundary that is compared by identity (classes for `instanceof`, symbols): the
 * stores, the log and vscode's own objects are passed in and used through their methods only.
 */
import * as vscode from 'vscode';
import type { HistoryStores, WorkspaceHistory } from '../history/historyStores';
import type { InsightsState } from '../shared/insightsProtocol';
import { exportInsights, pickExportFormat } from './exportInsights';
import type { InsightsRendered } from './insightsPanel';
import { InsightsPanel } from './insightsPanel';

/** What registerInsights calls once the bundle is loaded. */
export interface InsightsFeature extends vscode.Disposable {
  /** Opens the dashboard on the active editor's store (else the one shown, else the first). */
  show(): Promise<InsightsState | undefined>;
  /** Exports the store the dashboard shows (else the active editor's) as CSV or JSON; asks when no format is given. */
  exportAs(format?: unknown, target?: unknown): Promise<vscode.Uri | undefined>;
  /** Takes over a dashboard restored after a window reload. */
  revive(panel: vscode.WebviewPanel, saved: unknown): Promise<void>;
  readonly onDidRender: vscode.Event<InsightsRendered>;
}

/** Creates the dashboard panel and the commands' actions on `stores`. */
export function createInsightsFeature(extensionUri: vscode.Uri, stores: HistoryStores, log: vscode.LogOutputChannel): InsightsFeature {
  const activeStore = (): WorkspaceHistory => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri ? stores.forDocument(uri) : (panel.shown() ?? stores.forDocument(undefined));
  };
  // Arguments come from callers we do not control (keybindings, other extensions): checked, not trusted.
  const exportAs = async (format?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
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
  const panel: InsightsPanel = new InsightsPanel(extensionUri, stores, log, (format) => exportAs(format));
  return {
    show: () => panel.show(activeStore()),
    exportAs,
    revive: (webviewPanel, saved) => panel.revive(webviewPanel, saved),
    onDidRender: panel.onDidRender,
    dispose: () => panel.dispose(),
  };
}
