/** Registers a command whose unforeseen errors still reach the person as a message, and the log with the stack. */
import * as vscode from 'vscode';

/** `registerCommand` with a catch-all: the handler's result, or undefined after an error was reported. */
export function registerGuardedCommand<A extends unknown[], R>(log: vscode.LogOutputChannel, id: string, name: string, body: (...args: A) => Promise<R> | R): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    try {
      return await body(...args);
    } catch (error) {
      log.error(`${name} failed`, error instanceof Error ? error : new Error(String(error)));
      void vscode.window.showErrorMessage(vscode.l10n.t('Prompter: {0} failed. Details are in Output → Prompter.', name));
      return undefined;
    }
  });
}
