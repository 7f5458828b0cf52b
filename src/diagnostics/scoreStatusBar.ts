/** The score of the active prompt file in the status bar; a click opens its full scorecard (Score Prompt). */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { PromptDiagnosticsRunner } from './promptDiagnosticsRunner';

/** Keeps one status bar item in step with the active editor and the runner's results. */
export class ScoreStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('prompter.promptScore', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly runner: PromptDiagnosticsRunner) {
    this.item.name = vscode.l10n.t('Prompter: Prompt Score');
    this.subscriptions = [
      this.item,
      runner.onDidUpdate(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  /** Shows the active prompt file's score, or hides the item. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const found = document ? this.runner.diagnosisOf(document) : undefined;
    if (!document || !found) {
      this.item.hide();
      return;
    }
    const { scorecard } = found.diagnosis;
    this.item.text = `$(checklist) ${scorecard.total}/50`;
    const label = vscode.l10n.t('Prompt score {0} of 50. {1}', scorecard.total, scorecard.feedback.summary);
    this.item.accessibilityInformation = { label, role: 'button' };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(scorecard.feedback.summary);
    tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Click for the full scorecard.')}`);
    this.item.tooltip = tooltip;
    this.item.command = { command: CommandId.scorePromptFile, title: vscode.l10n.t('Score Prompt'), arguments: [document.uri] };
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => {
      subscription.dispose();
    });
  }
}
