/**
 * *Improve prompt* as a Code Action: a Quick Fix on Prompter's diagnostics and a Rewrite refactoring
 * anywhere in a prompt file. Both start Improve Prompt on the whole file (the inline diff).
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { PromptDiagnosticsRunner } from './promptDiagnosticsRunner';
import { isPrompterDiagnostic } from './toEditorDiagnostics';

/** Offers Improve prompt in prompt files the runner has judged. */
export class ImproveCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  constructor(private readonly runner: PromptDiagnosticsRunner) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.runner.diagnosisOf(document)) return [];
    const ours = context.diagnostics.filter(isPrompterDiagnostic);
    const wants = (kind: vscode.CodeActionKind): boolean => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];
    if (ours.length > 0 && wants(vscode.CodeActionKind.QuickFix)) {
      const fix = this.action(document, vscode.CodeActionKind.QuickFix);
      fix.diagnostics = ours;
      actions.push(fix);
    }
    // NOTE: in the light bulb menu (no `only`), the refactoring would repeat the Quick Fix's title; offer
    // it there only when there is no Quick Fix, and always when refactorings are asked for.
    const refactorAsked = context.only !== undefined && wants(vscode.CodeActionKind.RefactorRewrite);
    if (refactorAsked || (context.only === undefined && actions.length === 0)) actions.push(this.action(document, vscode.CodeActionKind.RefactorRewrite));
    return actions;
  }

  private action(document: vscode.TextDocument, kind: vscode.CodeActionKind): vscode.CodeAction {
    const title = vscode.l10n.t('Improve prompt');
    const action = new vscode.CodeAction(title, kind);
    action.command = { command: CommandId.improvePromptFile, title, arguments: [document.uri] };
    return action;
  }
}
