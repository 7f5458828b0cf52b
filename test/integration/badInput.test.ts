import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, improve, openScratch, prompterApi } from './helpers';

suite('Improve Prompt: bad selections', () => {
  suiteSetup(prompterApi);
  teardown(closeAll);

  /** Opens `content` (with `edit` applied first, for text a file cannot hold), runs Improve Prompt, expects a refusal. */
  async function refused(
    content: string,
    select: (editor: vscode.TextEditor) => void,
    edit?: (builder: vscode.TextEditorEdit) => void,
  ): Promise<string> {
    const editor = await openScratch(content);
    if (edit) assert.ok(await editor.edit(edit));
    const before = editor.document.getText();
    select(editor);
    const outcome = await improve();
    assert.equal(outcome.status, 'refused', JSON.stringify(outcome).slice(0, 200));
    assert.equal(editor.document.getText(), before, 'a refused run changed the document');
    return outcome.status === 'refused' ? outcome.message : '';
  }

  const selectAll = (editor: vscode.TextEditor) => {
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), editor.document.positionAt(editor.document.getText().length));
  };

  test('no selection in a file that is not a prompt file says to select text', async () => {
    const message = await refused('Summarize this.\n', (editor) => {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
    });
    assert.match(message, /Select the prompt text/);
  });

  test('a selection of only white space is refused as empty', async () => {
    const message = await refused('   \n\n  \t\n', selectAll);
    assert.match(message, /empty/);
  });

  test('a 1 MB selection is refused as too large', async () => {
    const message = await refused(`${'Write a report about the data. '.repeat(34_000)}\n`, selectAll);
    assert.match(message, /more than the limit/);
  });

  test('a selection containing NUL is refused as binary', async () => {
    // VS Code will not open a file with NUL bytes, so they are typed in, as a paste would.
    const message = await refused('Summarize this text.\n', selectAll, (builder) => builder.insert(new vscode.Position(0, 9), '\u0000'));
    assert.match(message, /binary/);
  });

  test('a selection of mostly control characters (binary data without NUL) is refused as binary', async () => {
    const message = await refused('x\n', selectAll, (builder) => builder.insert(new vscode.Position(0, 0), '\u0001\u0002\u0003PK\u0004\u0014\u0006\u0008\u0007\u001b\u007f'));
    assert.match(message, /mostly control characters/);
  });
});
