/**
 * Wires the inline diff: the per-document manager, its CodeLens, and the accept/reject/details commands.
 * Commands take `(uri, hunkId)` from CodeLens; from a keybinding or the palette they act on the active editor.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { ReportDocuments } from '../reports/reportDocuments';
import { improveDetailsMarkdown } from '../reports/scorecardMarkdown';
import type { Services } from '../services';
import { AutoSaveNotice } from './autoSaveNotice';
import { InlineDiffCodeLens } from './inlineDiffCodeLens';
import { InlineDiffManager } from './inlineDiffManager';

/** Creates the manager and registers everything the inline diff contributes; the caller owns the disposables. */
export function registerInlineDiff(
  services: Services,
  reports: ReportDocuments,
  globalState: vscode.Memento,
): { manager: InlineDiffManager; disposables: vscode.Disposable[] } {
  const manager = new InlineDiffManager({ log: services.log, feedback: services.feedback, autoSaveNotice: new AutoSaveNotice(globalState) });

  const target = (uri: unknown): vscode.Uri | undefined => (uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri);
  // Every decision goes through here, so a failure is always told and logged the same way.
  const run = async (what: string, uri: unknown, action: (target: vscode.Uri) => Promise<void>): Promise<void> => {
    const resolved = target(uri);
    if (!resolved || !manager.session(resolved)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No inline diff is shown in this editor. Run "Prompter: Improve Prompt" first.'));
      return;
    }
    try {
      await action(resolved);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      services.log.error(`${what} failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Prompter could not apply the decision: {0}', message));
    }
  };

  const disposables: vscode.Disposable[] = [
    manager,
    vscode.languages.registerCodeLensProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], new InlineDiffCodeLens(manager)),
    vscode.commands.registerCommand(CommandId.acceptAllChanges, (uri?: unknown) => run('accept all', uri, (resolved) => manager.decideAll(resolved, true))),
    vscode.commands.registerCommand(CommandId.rejectAllChanges, (uri?: unknown) => run('reject all', uri, (resolved) => manager.decideAll(resolved, false))),
    vscode.commands.registerCommand(CommandId.acceptChange, (uri?: unknown, hunkId?: unknown) =>
      run('accept change', uri, (resolved) => manager.decide(resolved, String(hunkId), true)),
    ),
    vscode.commands.registerCommand(CommandId.rejectChange, (uri?: unknown, hunkId?: unknown) =>
      run('reject change', uri, (resolved) => manager.decide(resolved, String(hunkId), false)),
    ),
    vscode.commands.registerCommand(CommandId.showChangeDetails, (uri?: unknown) =>
      run('details', uri, async (resolved) => {
        const session = manager.session(resolved);
        if (session) await reports.show('Prompt Improvement', improveDetailsMarkdown(session.result));
      }),
    ),
  ];
  return { manager, disposables };
}
