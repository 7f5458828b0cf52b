/**
 * While an inline diff waits for a decision the document holds both sides, and Auto Save writes that to
 * disk: VS Code gives extensions no way to hold a save back (a save participant can only add edits, within
 * a time budget). So the person is told, once a window, the first time a diff starts in a document Auto
 * Save will write, with the setting that avoids it.
 */
import * as vscode from 'vscode';

const DONT_SHOW_KEY = 'prompter.autoSaveNotice.dismissed';

/** Tells about Auto Save and pending inline diffs, at most once a window and never after "Don't Show Again". */
export class AutoSaveNotice {
  private shownInThisWindow = false;

  constructor(private readonly memento: vscode.Memento) {}

  /** Whether Auto Save will write `document` to disk on its own. */
  static autoSaves(document: vscode.TextDocument): boolean {
    // Untitled documents have no file to write; Auto Save leaves them alone.
    if (document.isUntitled) return false;
    return vscode.workspace.getConfiguration('files', document).get<string>('autoSave', 'off') !== 'off';
  }

  /** Shows the notice if `document` is auto-saved and the person has not seen or dismissed it. */
  maybeShow(document: vscode.TextDocument): boolean {
    if (this.shownInThisWindow || this.memento.get<boolean>(DONT_SHOW_KEY) === true || !AutoSaveNotice.autoSaves(document)) return false;
    this.shownInThisWindow = true;
    const openSetting = vscode.l10n.t('Open Setting');
    const dontShow = vscode.l10n.t("Don't Show Again");
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Auto Save is on, so until you accept or reject the inline diff the file on disk holds both sides of it. To have rewrites replace the selection in one undoable edit instead, turn off "Prompter › Inline Diff: Enabled".',
        ),
        openSetting,
        dontShow,
      )
      .then((choice) => {
        if (choice === openSetting) return vscode.commands.executeCommand('workbench.action.openSettings', 'prompter.inlineDiff.enabled');
        if (choice === dontShow) return this.memento.update(DONT_SHOW_KEY, true);
        return undefined;
      });
    return true;
  }
}
