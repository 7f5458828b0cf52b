/**
 * What the result panel's buttons do. The webview's messages carry no data: every action works on the
 * state the host itself sent, so a compromised webview cannot make the host write arbitrary text or
 * touch another prompt. Improve again and Open in history go through their commands by id (the history view registers
 * prompter.showHistory).
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { PanelState, WebviewMessage } from '../shared/resultPanelProtocol';
import { assertNever } from '../shared/resultPanelProtocol';
import type { EditorTarget, WriteMode } from './editorTarget';
import { writeIntoEditor } from './editorTarget';
import type { InlineDiffManager } from '../inlineDiff/inlineDiffManager';
import type { InlineDiffSession } from '../inlineDiff/inlineDiffSession';

/** The messages that are buttons. */
export type PanelAction = Exclude<WebviewMessage, { type: 'ready' } | { type: 'rendered' } | { type: 'layout' }>;

/** What the actions need from the panel. */
export interface ActionContext {
  readonly diffs: InlineDiffManager;
  readonly editors: EditorTarget;
  readonly log: vscode.LogOutputChannel;
  /** The document whose inline diff the state belongs to. */
  readonly inlineDiffDocument: vscode.Uri | undefined;
  /** The inline diff session the state belongs to. */
  readonly inlineDiffSession: InlineDiffSession | undefined;
  /** Brings the shown state up to date with its session (called when a button found it stale). */
  follow(): void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Carries out one button press on `state`; failures become messages for the person and log lines. */
export async function handlePanelMessage(context: ActionContext, state: PanelState, action: PanelAction): Promise<void> {
  try {
    await perform(context, state, action);
  } catch (error) {
    context.log.error(`result panel: ${action.type} failed: ${messageOf(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Prompter could not do that: {0}', messageOf(error)));
  }
}

async function perform(context: ActionContext, state: PanelState, action: PanelAction): Promise<void> {
  switch (action.type) {
    case 'accept':
    case 'reject':
      return decideAll(context, state, action.type === 'accept');
    case 'copy':
      await vscode.env.clipboard.writeText(state.rewrite);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Prompter: rewrite copied'), 3000);
      return;
    case 'insert':
    case 'replace':
      return write(context, state.rewrite, action.type);
    case 'improveAgain':
      if (!state.version) return notStored();
      // From the best version, as the journey says; the history's "improve from this version" passes a version.
      await vscode.commands.executeCommand(CommandId.improveAgain, { historyKey: state.version.ref.historyKey, promptId: state.version.ref.promptId });
      return;
    case 'openInHistory':
      if (!state.version) return notStored();
      return openInHistory(context, state.version.ref);
    default:
      assertNever(action);
  }
}

/**
 * Accept all / Reject all act on the session the panel was shown for, and only while it is live: a panel
 * left over from a diff that ended (decided hunk by hunk, undone, edited) must not touch the document or
 * record a decision, nor decide a newer diff in the same document.
 */
async function decideAll(context: ActionContext, state: PanelState, accept: boolean): Promise<void> {
  const uri = context.inlineDiffDocument;
  const session = context.inlineDiffSession;
  const open = state.origin.kind === 'inlineDiff' && state.origin.decision === 'open';
  if (!open || !uri || !session || context.diffs.session(uri) !== session) {
    context.follow();
    void vscode.window.showInformationMessage(vscode.l10n.t('The inline diff for this result has ended: run Improve Prompt again.'));
    return;
  }
  await context.diffs.decideAll(uri, accept);
}

async function write(context: ActionContext, text: string, mode: WriteMode): Promise<void> {
  const editor = context.editors.editor();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an editor and put the cursor where the prompt should go, then try again.'));
    return;
  }
  if (mode === 'replace' && editor.selection.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing is selected in {0}: select the text to replace, or use Insert at cursor.', vscode.workspace.asRelativePath(editor.document.uri)));
    return;
  }
  if (!(await writeIntoEditor(editor, text, mode))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('VS Code refused the edit: the document may be read-only.'));
  }
}

async function openInHistory(context: ActionContext, ref: { historyKey: string; promptId: string; versionId: string }): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(CommandId.showHistory)) {
    context.log.warn(`result panel: ${CommandId.showHistory} is not available`);
    void vscode.window.showInformationMessage(vscode.l10n.t('The Prompter history view is not available in this window.'));
    return;
  }
  await vscode.commands.executeCommand(CommandId.showHistory, ref);
}

function notStored(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('This result is not in the history (it could not be saved), so there is nothing to improve or show there.'));
}
