/**
 * Front matter in prompt files, inside the real extension host: Improve Prompt and Score Prompt set it
 * aside (with nothing selected, or a selection that covers it), Accept All leaves it byte for byte, and
 * Score gives the total the diagnostics (hover, status bar) give the same file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { ScoreOutcome } from '../../src/commands/scoreCommand';
import { closeAll, improve, prompterApi, until } from './helpers';

// YAML that would raise the score if it were judged (a role, an output format), then an empty line.
const HEAD = '---\nmode: agent\ntools: [codebase, "Output format: JSON", "You are an expert"]\ndescription: Summaries\n---\n\n';
const BODY = 'Write something about our product for the newsletter.\nKeep it short.\n';
let fileCount = 0;

async function openPromptFile(content: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  fileCount += 1;
  const uri = vscode.Uri.joinPath(folder.uri, 'scratch', `front-matter-${Date.now()}-${fileCount}.prompt.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

const score = async (): Promise<ScoreOutcome> => vscode.commands.executeCommand<ScoreOutcome>('prompter.scorePrompt');

/** The total of the scorecard the diagnostics hover shows over `word` (the runner's own result). */
async function diagnosticsTotal(document: vscode.TextDocument, word: string): Promise<number> {
  await until(() => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'Prompter'), 'Prompter diagnostics', 10_000);
  const position = document.positionAt(document.getText().indexOf(word) + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
  const total = texts.map((text) => /(\d+(?:\.\d+)?)\/50/.exec(text)?.[1]).find((found) => found !== undefined);
  assert.ok(total, `no scorecard in the hover: ${texts.join(' | ').slice(0, 300)}`);
  return Number(total);
}

suite('Front matter in prompt files', () => {
  let api: PrompterApi;

  suiteSetup(async () => {
    api = await prompterApi();
  });

  teardown(closeAll);

  test('Improve Prompt with nothing selected rewrites the body only; after Accept All the front matter is unchanged', async () => {
    const { document } = await openPromptFile(HEAD + BODY);
    const outcome = await improve();
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    if (outcome.status !== 'shown') return;
    assert.equal(outcome.result.original, BODY, 'the engine was given the front matter');
    const state = api.inlineDiff.state(document.uri);
    assert.ok(state, 'no inline diff');
    assert.equal(state.firstLine, HEAD.split('\n').length - 1);
    assert.equal(state.original, BODY);
    await vscode.commands.executeCommand('prompter.acceptAllChanges');
    await until(() => api.inlineDiff.state(document.uri) === undefined, 'the diff to end');
    const text = document.getText();
    assert.ok(text.startsWith(HEAD), `the front matter changed:\n${text.slice(0, 300)}`);
    assert.equal(text.slice(HEAD.length), outcome.result.improved);
    assert.ok(outcome.result.judge.after.total > outcome.result.judge.before.total);
  });

  test('Score Prompt gives the total the diagnostics give the same file (nothing selected, and from the status bar)', async () => {
    const editor = await openPromptFile(HEAD + BODY);
    const { document } = editor;
    const expected = await diagnosticsTotal(document, 'something');
    // The front matter would change the score: the check below could not pass by accident.
    assert.notEqual(api.judge(document.getText()).total, expected);
    const scored = await score();
    assert.equal(scored.status, 'scored', JSON.stringify(scored).slice(0, 300));
    if (scored.status !== 'scored') return;
    assert.equal(scored.scorecard.total, expected);
    // What a click on the status bar item runs.
    const fromStatusBar = await vscode.commands.executeCommand<ScoreOutcome>('prompter.scorePromptFile', document.uri);
    assert.equal(fromStatusBar.status === 'scored' ? fromStatusBar.scorecard.total : fromStatusBar.message, expected);
  });

  test('a selection from the top that covers the front matter improves only the body; one inside it is refused', async () => {
    const editor = await openPromptFile(HEAD + BODY);
    const { document } = editor;
    editor.selection = new vscode.Selection(document.positionAt(2), document.positionAt(HEAD.length + BODY.indexOf('\n')));
    const scored = await score();
    assert.equal(scored.status === 'scored' ? scored.scorecard.total : scored.message, api.judge(BODY.slice(0, BODY.indexOf('\n'))).total);
    editor.selection = new vscode.Selection(document.positionAt(0), document.positionAt(document.getText().length));
    const outcome = await improve();
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    if (outcome.status !== 'shown') return;
    assert.equal(outcome.result.original, BODY);
    await vscode.commands.executeCommand('prompter.acceptAllChanges');
    await until(() => api.inlineDiff.state(document.uri) === undefined, 'the diff to end');
    assert.equal(document.getText(), HEAD + outcome.result.improved);

    editor.selection = new vscode.Selection(document.positionAt(4), document.positionAt(HEAD.indexOf('tools')));
    const inside = await improve();
    assert.equal(inside.status, 'refused');
    assert.match(inside.status === 'refused' ? inside.message : '', /front matter/);
    assert.equal(document.getText(), HEAD + outcome.result.improved);
  });

  test('a file of front matter only is refused like an empty one, and nothing in it changes', async () => {
    const content = '---\nmode: agent\ndescription: Nothing yet\n---\n\n';
    const { document } = await openPromptFile(content);
    const improved = await improve();
    assert.equal(improved.status, 'refused');
    assert.match(improved.status === 'refused' ? improved.message : '', /empty.*only front matter/);
    const scored = await score();
    assert.equal(scored.status, 'refused');
    assert.match(scored.status === 'refused' ? scored.message : '', /empty.*only front matter/);
    assert.equal(document.getText(), content);
    assert.equal(api.inlineDiff.state(document.uri), undefined);
  });
});
