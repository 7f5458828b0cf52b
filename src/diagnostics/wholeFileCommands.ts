/**
 * `prompter.improvePromptFile` / `prompter.scorePromptFile` (uri): run the existing Improve Prompt and
 * Score Prompt commands on a whole prompt file, for the Code Action and the status bar item. They only
 * set up the editor the way those commands read it (promptSource.ts) and delegate: no second copy.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { isPromptFile } from '../commands/promptSource';

/** Shows `uri` and sets its selection so the prompt commands take the whole document. */
async function focusWholeDocument(uri: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (isPromptFile(document)) {
    // With nothing selected, the commands use a prompt file whole.
    editor.selection = new vscode.Selection(editor.selection.active, editor.selection.active);
  } else {
    // A file matched only by `prompter.diagnostics.extraGlobs`: the commands need it selected.
    editor.selection = new vscode.Selection(document.positionAt(0), document.positionAt(document.getText().length));
  }
}

const asUri = (value: unknown): vscode.Uri | undefined => (value instanceof vscode.Uri ? value : vscode.window.activeTextEditor?.document.uri);

/** Registers both commands; each returns what the delegated command returned. */
export function registerWholeFileCommands(): vscode.Disposable[] {
  const wholeFile = (delegate: string) => async (uri?: unknown): Promise<unknown> => {
    const target = asUri(uri);
    if (!target) return vscode.commands.executeCommand(delegate);
    await focusWholeDocument(target);
    return vscode.commands.executeCommand(delegate);
  };
  return [
    vscode.commands.registerCommand(CommandId.improvePromptFile, wholeFile(CommandId.improvePrompt)),
    vscode.commands.registerCommand(CommandId.scorePromptFile, wholeFile(CommandId.scorePrompt)),
  ];
}
