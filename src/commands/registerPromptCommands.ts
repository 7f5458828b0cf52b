/** Registers *Improve Prompt* and *Score Prompt*; their handlers return outcomes that tests can read. */
import * as vscode from 'vscode';
import type { InlineDiffManager } from '../inlineDiff/inlineDiffManager';
import type { ResultPanel } from '../panel/resultPanel';
import type { ReportDocuments } from '../reports/reportDocuments';
import type { Services } from '../services';
import { CommandId } from './commandIds';
import { improveActiveEditor } from './improveCommand';
import { scoreActiveEditor } from './scoreCommand';

/** The command registrations; the caller owns them. */
export function registerPromptCommands(services: Services, diffs: InlineDiffManager, reports: ReportDocuments, panel: ResultPanel): vscode.Disposable[] {
  // Errors nobody could foresee still reach the person as a message and the log with the stack.
  const guarded = <T>(name: string, body: () => Promise<T>) => async (): Promise<T | undefined> => {
    try {
      return await body();
    } catch (error) {
      services.log.error(`${name} failed`, error instanceof Error ? error : new Error(String(error)));
      void vscode.window.showErrorMessage(vscode.l10n.t('Prompter: {0} failed. Details are in Output → Prompter.', name));
      return undefined;
    }
  };
  return [
    vscode.commands.registerCommand(CommandId.improvePrompt, guarded('Improve Prompt', () => improveActiveEditor(services, diffs, panel))),
    vscode.commands.registerCommand(CommandId.scorePrompt, guarded('Score Prompt', () => scoreActiveEditor(services, reports))),
  ];
}
