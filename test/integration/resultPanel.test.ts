import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, improve, openScratch, prompterApi, selectBetween, SURROUNDED, until } from './helpers';

/** Tabs showing the result panel (the webview's own content is checked by test/ui/uiCheck.mjs). */
const panelTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('prompter.result'));

suite('Result panel', () => {
  suiteSetup(prompterApi);
  teardown(closeAll);

  test('Improve Prompt opens one result panel beside the editor and keeps the focus in the editor', async () => {
    const editor = await openScratch(SURROUNDED);
    for (let run = 0; run < 2; run += 1) {
      selectBetween(editor, 'Summarize', 'too long.\n');
      assert.equal((await improve()).status, 'shown');
      await until(() => panelTabs().length > 0, 'the result panel tab');
      assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the panel took the focus');
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
    }
    assert.equal(panelTabs().length, 1, 'a second run opened a second panel');
  });

  test('with prompter.panel.openOnImprove off, no panel opens', async () => {
    const config = vscode.workspace.getConfiguration('prompter');
    await config.update('panel.openOnImprove', false, vscode.ConfigurationTarget.Global);
    try {
      const editor = await openScratch(SURROUNDED);
      selectBetween(editor, 'Summarize', 'too long.\n');
      assert.equal((await improve()).status, 'shown');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(panelTabs().length, 0);
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
    } finally {
      await config.update('panel.openOnImprove', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
