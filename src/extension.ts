/**
 * Activation only wires: it builds the services, registers each feature and returns the public API.
 * Every disposable is owned by `context.subscriptions`.
 */
import * as vscode from 'vscode';
import type { PrompterApi } from './api';
import { registerPromptCommands } from './commands/registerPromptCommands';
import { registerResultCommands } from './commands/registerResultCommands';
import { registerPromptDiagnostics } from './diagnostics/registerPromptDiagnostics';
import { HistoryFeedbackSink } from './feedback/historyFeedbackSink';
import { ObservableFeedbackSink } from './feedback/observableFeedbackSink';
import { heuristicEngine } from './heuristicEngine';
import { HistoryStores } from './history/historyStores';
import { PromptDocuments } from './history/promptDocuments';
import { registerInsights } from './insights/registerInsights';
import { RecentPrompts } from './history/recentPrompts';
import { registerModelCommands } from './commands/registerModelCommands';
import { registerResetLearningCommand } from './commands/resetLearningCommand';
import { ModelAccess } from './modelAccess/modelAccess';
import { registerHistoryView } from './history/tree/registerHistoryView';
import { registerInlineDiff } from './inlineDiff/registerInlineDiff';
import { ResultPanel } from './panel/resultPanel';
import { ReportDocuments } from './reports/reportDocuments';
import type { Services } from './services';
import { readSettings } from './settings';

/** Called by VS Code on the first Prompter command. */
export function activate(context: vscode.ExtensionContext): PrompterApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Prompter', { log: true });
  // Stores open on first use: activation happens on any markdown file and must do no I/O.
  const history = new HistoryStores({ storageUri: context.storageUri, globalStorageUri: context.globalStorageUri }, log);
  const feedback = new ObservableFeedbackSink(new HistoryFeedbackSink(history, log));
  const models = new ModelAccess({ secrets: context.secrets, globalState: context.globalState, lmAccess: context.languageModelAccessInformation }, log);
  const services: Services = { log, engine: heuristicEngine, feedback, history, models, recent: new RecentPrompts() };
  const reports = new ReportDocuments();
  const inlineDiff = registerInlineDiff(services, reports, context.globalState);
  const panel = new ResultPanel(context.extensionUri, inlineDiff.manager, log);
  context.subscriptions.push(log, history, feedback, reports, ...inlineDiff.disposables, panel, ...registerPromptCommands(services, inlineDiff.manager, reports, panel));
  context.subscriptions.push(...registerPromptDiagnostics(services, inlineDiff.manager));
  context.subscriptions.push(...registerResultCommands(services, panel));
  context.subscriptions.push(...registerModelCommands(services));
  context.subscriptions.push(registerResetLearningCommand(services));
  const promptDocuments = new PromptDocuments(history, services.recent, log);
  context.subscriptions.push(promptDocuments);
  const historyView = registerHistoryView(context, services);
  const insights = registerInsights(context.extensionUri, services);
  context.subscriptions.push(...insights.disposables);
  log.info(`activated in ${(performance.now() - started).toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);

  const diffs = inlineDiff.manager;
  return {
    version: 1,
    improve: (text, options) => services.engine.improve(text, options?.candidates ?? readSettings().candidates),
    judge: (text) => services.engine.judge(text),
    onDidRecordFeedback: feedback.onDidRecord,
    history: {
      listPrompts: (scope) => history.forDocument(scope).repository.listPrompts(),
      getPrompt: (promptId, scope) => history.forDocument(scope).repository.getPrompt(promptId),
      onDidChange: (listener, thisArg, disposables) => history.onDidChange(() => void listener.call(thisArg, undefined), undefined, disposables),
    },
    historyView,
    resultPanel: {
      state: () => panel.current,
      onDidRender: panel.onDidRender,
      post: (message) => panel.receive(message),
    },
    insights: { onDidRender: insights.onDidRender },
    promptDocuments: { paths: () => promptDocuments.paths(), onDidChange: promptDocuments.onDidChange },
    inlineDiff: {
      state: (uri) => diffs.state(uri),
      decide: (uri, hunkId, accept) => diffs.decide(uri, hunkId, accept),
      decideAll: (uri, accept) => diffs.decideAll(uri, accept),
    },
  };
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
