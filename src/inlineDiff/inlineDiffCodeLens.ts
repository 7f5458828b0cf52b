/**
 * CodeLens over an inline diff: *Accept all | Reject all | Details* above the whole change, and
 * *Accept | Reject | strategy — why* above each open hunk's first line with text (*model rewrite — why*
 * for a model's rewrite). The actions come first so they stay in view when the editor is narrow (the
 * result panel open beside it); the reason is cut short, and the whole of it is the lens's tooltip.
 * Commands take `(uri, hunkId)`, never indexes, so a lens clicked after another decision still means the
 * hunk it was drawn for.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { HunkReason } from '../core/engine/changeReasons';
import { hunkReason } from '../core/engine/changeReasons';
import { anchorLine, shortReason } from './hunkLens';
import type { InlineDiffManager } from './inlineDiffManager';

/** Several strategies on one hunk are named in full in the tooltip. */
const LABEL_CHARS = 32;

/** What a hunk's lens says: who made the change, why in a few words, and the whole reason on hover. */
function describe(reason: HunkReason): { label: string; why: string; tooltip: string } {
  switch (reason.kind) {
    case 'strategies': {
      const first = reason.reasons[0]?.text;
      return {
        label: reason.reasons.map((item) => item.strategy).join(', '),
        why: first ?? vscode.l10n.t('headings and separators around the added parts'),
        tooltip: reason.reasons.map((item) => `${item.strategy}: ${item.text ?? ''}`).join('\n'),
      };
    }
    case 'layout':
      return {
        label: vscode.l10n.t('layout'),
        why: vscode.l10n.t('headings and separators around the added parts'),
        tooltip: vscode.l10n.t('A layout change: headings or separators for the parts added around it.'),
      };
    case 'model': {
      // NOTE: the model's bullets explain its rewrite as a whole; a hunk is credited with one only when
      // it is the whole change.
      const { bullets } = reason;
      const why =
        reason.onlyChange && bullets[0] !== undefined
          ? bullets[0]
          : bullets.length === 1
            ? vscode.l10n.t('one reason given for the whole rewrite')
            : vscode.l10n.t('{0} reasons given for the whole rewrite', bullets.length);
      const heading = vscode.l10n.t('The model explained its rewrite as a whole, not change by change:');
      return { label: vscode.l10n.t('model rewrite'), why, tooltip: [heading, ...bullets.map((bullet) => `- ${bullet}`)].join('\n') };
    }
    default: {
      const unexpected: never = reason;
      return unexpected;
    }
  }
}

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
    const hunks = new Map(session.hunks.map((hunk) => [hunk.id, hunk]));
    const isBlank = (line: number) => line >= document.lineCount || document.lineAt(line).isEmptyOrWhitespace;
    for (const hunk of open) {
      const line = anchorLine([...hunk.removedLines, ...hunk.insertedLines], isBlank) ?? state.firstLine;
      const range = new vscode.Range(line, 0, line, 0);
      const diffHunk = hunks.get(hunk.id);
      const { label, why, tooltip } = describe(diffHunk ? hunkReason(session.result, diffHunk) : { kind: 'layout' });
      // On the diff's first line these follow Accept all | Reject all | Details on the same row: there
      // they say which change they take.
      const sharesRow = line === state.firstLine;
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(check) ${sharesRow ? vscode.l10n.t('Accept this') : vscode.l10n.t('Accept')}`,
          command: CommandId.acceptChange,
          arguments: [uri, hunk.id],
        }),
        new vscode.CodeLens(range, {
          title: `$(close) ${sharesRow ? vscode.l10n.t('Reject this') : vscode.l10n.t('Reject')}`,
          command: CommandId.rejectChange,
          arguments: [uri, hunk.id],
        }),
        new vscode.CodeLens(range, {
          title: `${shortReason(label, LABEL_CHARS)} — ${shortReason(why)}`,
          tooltip,
          command: CommandId.showChangeDetails,
          arguments: [uri, hunk.id],
        }),
      );
    }
    return lenses;
  }
}
