import * as assert from 'node:assert/strict';
import { Script } from 'node:vm';
import * as vscode from 'vscode';
import type { ScoreOutcome } from '../../src/commands/scoreCommand';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { closeAll, improve, openScratch, prompterApi, until } from './helpers';

suite('Score Prompt and prompt files', () => {
  suiteSetup(prompterApi);
  teardown(closeAll);

  test('Score Prompt opens a readable scorecard beside the prompt, and the run counts in the history’s metrics', async () => {
    const editor = await openScratch('Write a short poem.\n');
    editor.selection = new vscode.Selection(0, 0, 0, 19);
    const store = openHistoryStore(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.prompter').fsPath);
    const metricsBefore = (await store.listMetrics()).length;
    const outcome = await vscode.commands.executeCommand<ScoreOutcome>('prompter.scorePrompt');
    assert.equal(outcome.status, 'scored');
    if (outcome.status !== 'scored') return;
    const report = vscode.workspace.textDocuments.find((document) => document.uri.toString() === outcome.report);
    assert.ok(report, 'the scorecard document is not open');
    const text = report.getText();
    assert.ok(text.includes(`${outcome.scorecard.total}/50`));
    for (const heading of ['What works', 'What holds it back', 'Suggestions', 'clarity', 'context use']) assert.ok(text.includes(heading), heading);
    // One `judge` event in the document's store: the heuristic judge, no fallback, nothing adopted.
    const added = (await store.listMetrics()).slice(metricsBefore);
    assert.deepEqual(
      added.map(({ kind, engine, adopted, total, fallbackReason }) => ({ kind, engine, adopted, total, fallbackReason })),
      [{ kind: 'judge', engine: 'heuristic@1', adopted: false, total: outcome.scorecard.total, fallbackReason: undefined }],
    );
    assert.ok(added[0]!.timeToResultMs >= 0);
  });

  test('with nothing selected, a *.prompt.md file is improved as a whole', async () => {
    const [file] = await vscode.workspace.findFiles('summary.prompt.md');
    assert.ok(file, 'fixture summary.prompt.md missing from the workspace');
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const original = document.getText();
    const outcome = await improve();
    assert.equal(outcome.status, 'shown');
    await vscode.commands.executeCommand('prompter.rejectAllChanges');
    assert.equal(document.getText(), original);
  });
});

suite('Improve Prompt inside string literals', () => {
  suiteSetup(prompterApi);
  teardown(closeAll);

  for (const [quote, language] of [
    ["'", 'typescript'],
    ['"', 'javascript'],
    ['`', 'typescript'],
  ] as const) {
    test(`accepting inside a ${quote}…${quote} string keeps the code parsing (${language})`, async () => {
      const prompt = "Summarize this article for me. Make it good and not too long, don't ramble.";
      const body = quote === '`' ? prompt : prompt.replace(new RegExp(quote, 'g'), `\\${quote}`);
      const code = `const system = ${quote}${body}${quote};\nexport const other = 1;\n`;
      const editor = await openScratch(code, language);
      const start = code.indexOf('Summarize');
      editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + body.length));
      const outcome = await improve();
      assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
      if (outcome.status !== 'shown') return;
      assert.equal(outcome.result.original, prompt, 'escapes were not decoded before improving');
      await vscode.commands.executeCommand('prompter.acceptAllChanges');
      const text = editor.document.getText().replace('export const', 'const');
      const value: unknown = new Script(`${text}; system`).runInNewContext({});
      assert.equal(value, outcome.result.improved);
    });
  }

  test('accepting inside a Python triple-quoted string keeps it one valid string', async () => {
    const code = 'SYSTEM = """Summarize the "quarterly" report for me. Make it short.\nUse C:\\\\data if needed."""\nprint(SYSTEM)\n';
    const editor = await openScratch(code, 'python');
    const start = code.indexOf('Summarize');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(code.indexOf('"""', start)));
    const outcome = await improve();
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    if (outcome.status !== 'shown') return;
    assert.ok(outcome.result.original.includes('C:\\data'), 'the \\\\ escape was not decoded');
    await vscode.commands.executeCommand('prompter.acceptAllChanges');
    const text = editor.document.getText();
    const [head, tail] = ['SYSTEM = """', '"""\nprint(SYSTEM)\n'];
    assert.ok(text.startsWith(head) && text.endsWith(tail), text);
    const body = text.slice(head.length, text.length - tail.length);
    // Inside, every quote and backslash is escaped, so nothing can close the string early.
    assert.ok(!/(^|[^\\])(\\\\)*"/.test(body), 'an unescaped quote is left in the string');
    assert.equal(body.replace(/\\([\\"])/g, '$1'), outcome.result.improved);
  });

  test('rejecting inside a string literal restores the escaped original exactly', async () => {
    const code = "const p = 'Write a summary of the report, it\\'s for the team.';\n";
    const editor = await openScratch(code, 'typescript');
    const start = code.indexOf('Write');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(code.lastIndexOf("'")));
    const outcome = await improve();
    assert.equal(outcome.status, 'shown');
    await vscode.commands.executeCommand('prompter.rejectAllChanges');
    await until(() => editor.document.getText() === code, 'the original code');
  });
});
