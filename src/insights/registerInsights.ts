/**
 * Registers *Show Insights* (the dashboard on the active editor's store) and *Export Insights* (CSV or
 * JSON of the store the dashboard shows, else of the active editor's), and the dashboard's revival after
 * a window reload. The dashboard itself lives in dist/insights.js, loaded on first use (insightsFeature.ts).
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { Services } from '../services';
import type { InsightsState } from '../shared/insightsProtocol';
import type { createInsightsFeature, InsightsFeature } from './insightsFeature';
import type { InsightsRendered } from './insightsPanel';
import { INSIGHTS_VIEW_TYPE } from './insightsViewType';

/** What activate() keeps: the disposables, and the render event for the API. */
export interface InsightsRegistration {
  disposables: vscode.Disposable[];
  onDidRender: vscode.Event<InsightsRendered>;
}

/** What dist/insights.js exports. */
interface InsightsBundle {
  createInsightsFeature: typeof createInsightsFeature;
}

/** The bundle next to extension.js; a variable path, so esbuild leaves the require to run time. */
function loadInsightsBundle(): InsightsBundle {
  const bundle = join(__dirname, 'insights.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazily loaded bundle of our own
  return require(bundle) as InsightsBundle;
}

/** Registers the dashboard's commands and serializer; the dashboard is created on first use. */
export function registerInsights(extensionUri: vscode.Uri, services: Services): InsightsRegistration {
  const rendered = new vscode.EventEmitter<InsightsRendered>();
  let feature: InsightsFeature | undefined;
  let forwarding: vscode.Disposable | undefined;
  const loaded = (): InsightsFeature => {
    if (!feature) {
      feature = loadInsightsBundle().createInsightsFeature(extensionUri, services.history, services.log);
      forwarding = feature.onDidRender((event) => rendered.fire(event));
    }
    return feature;
  };
  return {
    disposables: [
      rendered,
      {
        dispose: () => {
          forwarding?.dispose();
          feature?.dispose();
        },
      },
      vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, saved: unknown) => loaded().revive(panel, saved),
      }),
      vscode.commands.registerCommand(CommandId.showInsights, (): Promise<InsightsState | undefined> => loaded().show()),
      vscode.commands.registerCommand(CommandId.exportInsights, (format?: unknown, target?: unknown) => loaded().exportAs(format, target)),
    ],
    onDidRender: rendered.event,
  };
}
