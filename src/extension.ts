/**
 * Activation only wires: it builds the services, registers each feature and returns the public API.
 * Every disposable is owned by `context.subscriptions`.
 */
import * as vscode from 'vscode';
import type { PrompterApi } from './api';
import { registerPromptCommands } from './commands/registerPromptCommands';
import { registerPromptDiagnostics } from './diagnostics/registerPromptDiagnostics';
import { LogFeedbackSink } from './feedback/logFeedbackSink';
import { ObservableFeedbackSink } from './feedback/observableFeedbackSink';
import { heuristicEngine } from './heuristicEngine';
import { registerInlineDiff } from './inlineDiff/registerInlineDiff';
import { ResultPanel } from './panel/resultPanel';
import { ReportDocuments } from './reports/reportDocuments';
import type { Services } from './services';
import { readSettings } from './settings';

/** Called by VS Code on the first Prompter command. */
export function activate(context: vscode.ExtensionContext): PrompterApi {
  const log = vscode.window.createOutputChannel('Prompter', { log: true });
  // NOTE: feedback is only logged until the history store is connected here (replace LogFeedbackSink).
  const feedback = new ObservableFeedbackSink(new LogFeedbackSink(log));
  const services: Services = { log, engine: heuristicEngine, feedback };
  const reports = new ReportDocuments();
  const inlineDiff = registerInlineDiff(services, reports);
  const panel = new ResultPanel(context.extensionUri, inlineDiff.manager, log);
  context.subscriptions.push(log, feedback, reports, ...inlineDiff.disposables, panel, ...registerPromptCommands(services, inlineDiff.manager, reports, panel));
  context.subscriptions.push(...registerPromptDiagnostics(services));
  log.info(`activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);

  const diffs = inlineDiff.manager;
  return {
    version: 1,
    improve: (text, options) => services.engine.improve(text, options?.candidates ?? readSettings().candidates),
    judge: (text) => services.engine.judge(text),
    onDidRecordFeedback: feedback.onDidRecord,
    inlineDiff: {
      state: (uri) => diffs.state(uri),
      decide: (uri, hunkId, accept) => diffs.decide(uri, hunkId, accept),
      decideAll: (uri, accept) => diffs.decideAll(uri, accept),
    },
  };
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
