/**
 * CodeLens over an inline diff: *Accept all | Reject all | Details* above the whole change, and
 * *strategy — why | Accept | Reject* above each open hunk. Commands take `(uri, hunkId)`, never indexes,
 * so a lens clicked after another decision still means the hunk it was drawn for.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { InlineDiffManager } from './inlineDiffManager';

const MAX_REASON = 64;

const shorten = (text: string): string => (text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1)}…`);

/** Provides the lenses for documents that show an inline diff. */
export class InlineDiffCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly manager: InlineDiffManager) {
    this.onDidChangeCodeLenses = (listener, thisArgs, disposables) =>
      manager.onDidChange(
        () => {
          listener.call(thisArgs);
        },
        undefined,
        disposables,
      );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.manager.session(document.uri);
    const state = this.manager.state(document.uri);
    if (!session || !state) return [];
    const uri = document.uri;
    const top = new vscode.Range(state.firstLine, 0, state.firstLine, 0);
    const open = state.hunks.filter((hunk) => hunk.accepted === undefined);
    const lenses = [
      new vscode.CodeLens(top, {
        title: `$(check-all) ${vscode.l10n.t('Accept all ({0})', open.length)}`,
        tooltip: vscode.l10n.t('Keep every open change (one undoable edit)'),
        command: CommandId.acceptAllChanges,
        arguments: [uri],
      }),
      new vscode.CodeLens(top, {
        title: `$(close-all) ${vscode.l10n.t('Reject all')}`,
        tooltip: vscode.l10n.t('Restore the original text exactly'),
        command: CommandId.rejectAllChanges,
        arguments: [uri],
      }),
      new vscode.CodeLens(top, {
        title: `$(info) ${vscode.l10n.t('Details')}`,
        tooltip: vscode.l10n.t('Why each change was made, and the score before and after'),
        command: CommandId.showChangeDetails,
        arguments: [uri],
      }),
    ];
    const { bullets } = session.result.explanation;
    for (const hunk of open) {
      const line = hunk.removedLines[0] ?? hunk.insertedLines[0] ?? state.firstLine;
      const range = new vscode.Range(line, 0, line, 0);
      // Bullets come one per applied strategy, in the order of `strategies`.
      const reasons = hunk.strategies.map((id) => `${id}: ${bullets[session.result.strategies.indexOf(id)] ?? ''}`);
      const label = hunk.strategies.length > 0 ? hunk.strategies.join(', ') : vscode.l10n.t('layout');
      const first = hunk.strategies[0];
      const why = (first !== undefined ? bullets[session.result.strategies.indexOf(first)] : undefined) ?? vscode.l10n.t('headings and separators around the added parts');
      // The strategy comes first: for a hunk on the diff's first line it also separates these lenses
      // from Accept all | Reject all | Details on the same row.
      lenses.push(
        new vscode.CodeLens(range, {
          title: shorten(`${label} — ${why}`),
          tooltip: reasons.length > 0 ? reasons.join('\n') : vscode.l10n.t('A layout change: headings or separators for the parts added around it.'),
          command: CommandId.showChangeDetails,
          arguments: [uri, hunk.id],
        }),
        new vscode.CodeLens(range, { title: `$(check) ${vscode.l10n.t('Accept')}`, command: CommandId.acceptChange, arguments: [uri, hunk.id] }),
        new vscode.CodeLens(range, { title: `$(close) ${vscode.l10n.t('Reject')}`, command: CommandId.rejectChange, arguments: [uri, hunk.id] }),
      );
    }
    return lenses;
  }
}
