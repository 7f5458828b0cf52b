/**
 * Live prompt diagnostics (issue 6 §2): the runner, its hover, Code Action and status bar item, and the
 * whole-file commands they call. The hover and Code Action providers are registered for the current
 * prompt-file selector and registered again when `prompter.diagnostics.*` changes.
 */
import * as vscode from 'vscode';
import type { InlineDiffManager } from '../inlineDiff/inlineDiffManager';
import type { Services } from '../services';
import { affectsDiagnosticsSettings, readDiagnosticsSettings } from './diagnosticsSettings';
import { ImproveCodeActionProvider } from './improveCodeActions';
import { PromptDiagnosticsRunner } from './promptDiagnosticsRunner';
import { isSelected, promptFileSelector } from './promptFileSelector';
import { ScorecardHoverProvider } from './scorecardHover';
import { ScoreStatusBar } from './scoreStatusBar';
import { registerWholeFileCommands } from './wholeFileCommands';

/**
 * Registers the feature; the caller owns the returned disposables. While an inline diff is shown in a
 * document its text mixes the original and the rewrite, so it is not judged until the diff ends.
 */
export function registerPromptDiagnostics(services: Pick<Services, 'log'>, diffs: Pick<InlineDiffManager, 'session' | 'onDidChange'>): vscode.Disposable[] {
  let settings = readDiagnosticsSettings();
  let selector = promptFileSelector(settings.extraGlobs);
  const runner = new PromptDiagnosticsRunner({
    log: services.log,
    wanted: (document) => settings.enabled && isSelected(selector, document) && !diffs.session(document.uri),
  });
  const onDiff = diffs.onDidChange((uri) => {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document) runner.refresh(document);
  });
  const hover = new ScorecardHoverProvider(runner);
  const codeActions = new ImproveCodeActionProvider(runner);
  let providers: vscode.Disposable[] = [];
  const registerProviders = (): void => {
    providers.forEach((provider) => {
      provider.dispose();
    });
    providers = [
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerCodeActionsProvider(selector, codeActions, { providedCodeActionKinds: ImproveCodeActionProvider.providedCodeActionKinds }),
    ];
  };
  registerProviders();

  const onSettings = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!affectsDiagnosticsSettings(event)) return;
    settings = readDiagnosticsSettings();
    selector = promptFileSelector(settings.extraGlobs);
    registerProviders();
    runner.refreshAll();
    services.log.info(`diagnostics ${settings.enabled ? 'on' : 'off'}, extra globs: ${settings.extraGlobs.join(', ') || 'none'}`);
  });
  const statusBar = new ScoreStatusBar(runner);
  // Documents opened before activation (the one that activated us among them) get judged now.
  runner.refreshAll();
  const disposeProviders = new vscode.Disposable(() => {
    vscode.Disposable.from(...providers).dispose();
  });
  return [runner, statusBar, onSettings, onDiff, disposeProviders, ...registerWholeFileCommands()];
}
