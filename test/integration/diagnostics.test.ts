/**
 * Live prompt diagnostics inside the real extension host: they appear in prompt files (and only there),
 * follow edits, clear on close and when a file stops matching, the hover shows the scorecard, and the
 * *Improve prompt* Code Action starts an inline diff on the whole file. The status bar item is not
 * reachable through the API; test/ui/diagnosticsUiCheck.mjs looks at it in the browser.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { ImproveOutcome } from '../../src/commands/improveCommand';
import { diagnosePrompt } from '../../src/core/diagnostics/diagnosePrompt';
import { closeAll, prompterApi, until } from './helpers';

const VAGUE = 'Write something about our product for the newsletter.\nKeep it short.\n';
// The debounce is 300 ms; waiting well past it makes "nothing appeared" a real observation.
const QUIET_MS = 1200;
let fileCount = 0;

/** Writes `content` to a new file named `*<suffix>` in the test workspace. */
async function writeNamed(suffix: string, content: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  fileCount += 1;
  const uri = vscode.Uri.joinPath(folder.uri, 'scratch', `diag-${Date.now()}-${fileCount}${suffix}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** Writes a new file named `*<suffix>` and shows it. */
async function openNamed(suffix: string, content: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(await writeNamed(suffix, content)));
}

/** The open document of `uri`, without opening it from the extension side. */
async function documentFor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const find = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  await until(() => find() !== undefined, 'the document to open');
  return find()!;
}

const prompterDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Prompter');
const ruleOf = (diagnostic: vscode.Diagnostic): string => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function diagnosticsFor(uri: vscode.Uri, what = 'Prompter diagnostics'): Promise<vscode.Diagnostic[]> {
  await until(() => prompterDiagnostics(uri).length > 0, what, 10_000);
  return prompterDiagnostics(uri);
}

function rangeOf(document: vscode.TextDocument, word: string): vscode.Range {
  const start = document.getText().indexOf(word);
  assert.ok(start >= 0, `no "${word}" in the document`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + word.length));
}

async function withSetting(key: string, value: unknown, body: () => Promise<void>): Promise<void> {
  const config = vscode.workspace.getConfiguration('prompter');
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    await body();
  } finally {
    await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

suite('Live prompt diagnostics', () => {
  let api: PrompterApi;

  suiteSetup(async () => {
    api = await prompterApi();
  });

  teardown(closeAll);

  test('a prompt file gets the same diagnostics as `prompter lint`: rule as code, source Prompter, core severity', async () => {
    const editor = await openNamed('.prompt.md', VAGUE);
    const { document } = editor;
    const shown = await diagnosticsFor(document.uri);
    const expected = diagnosePrompt(document.getText()).diagnostics;
    assert.deepEqual(
      shown.map((d) => [ruleOf(d), document.offsetAt(d.range.start), document.offsetAt(d.range.end), d.message]),
      expected.map((d) => [d.rule, d.span.start, d.span.end, d.message]),
    );
    const vague = shown.find((d) => ruleOf(d) === 'vague-words');
    assert.ok(vague, shown.map(ruleOf).join(', '));
    assert.equal(document.getText(vague.range), 'something');
    assert.equal(vague.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(shown.some((d) => d.severity === vscode.DiagnosticSeverity.Information), 'missing-things advice is information');
  });

  test('*.prompt.txt and *.prompty files are prompt files too', async () => {
    for (const suffix of ['.prompt.txt', '.prompty']) {
      const { document } = await openNamed(suffix, VAGUE);
      const shown = await diagnosticsFor(document.uri, `diagnostics in a ${suffix} file`);
      assert.ok(shown.some((d) => ruleOf(d) === 'vague-words'), `${suffix}: ${shown.map(ruleOf).join(', ')}`);
    }
  });

  test('fixing the vague word removes its diagnostic as the person types', async () => {
    const editor = await openNamed('.prompt.md', VAGUE);
    const { document } = editor;
    await diagnosticsFor(document.uri);
    const flagsSomething = (): boolean => prompterDiagnostics(document.uri).some((d) => ruleOf(d) === 'vague-words' && document.getText(d.range) === 'something');
    assert.ok(flagsSomething());
    await editor.edit((builder) => builder.replace(rangeOf(document, 'something'), 'a 120-word announcement'));
    // NOTE: VS Code moves the old markers along with the edit, so wait for the list judged on the new text.
    const expected = diagnosePrompt(document.getText()).diagnostics.map((d) => d.rule).join(',');
    assert.ok(!expected.includes('vague-words'), `the fixed text still has a vague word: ${expected}`);
    await until(() => prompterDiagnostics(document.uri).map(ruleOf).join(',') === expected, 'the diagnostics of the edited text', 10_000);
    assert.ok(!flagsSomething());
    // The rest is still judged: the advice about what is missing stays.
    assert.ok(prompterDiagnostics(document.uri).length > 0);
  });

  test('a file that is not a prompt file gets none', async () => {
    const { document } = await openNamed('.md', VAGUE);
    await sleep(QUIET_MS);
    assert.deepEqual(prompterDiagnostics(document.uri), []);
  });

  test('prompter.diagnostics.extraGlobs adds files; removing the glob clears them again', async () => {
    const { document } = await openNamed('.notes.md', VAGUE);
    await sleep(QUIET_MS);
    assert.deepEqual(prompterDiagnostics(document.uri), []);
    await withSetting('diagnostics.extraGlobs', ['*.notes.md'], async () => {
      await diagnosticsFor(document.uri, 'diagnostics after adding the glob');
    });
    await until(() => prompterDiagnostics(document.uri).length === 0, 'diagnostics to clear when the file stops matching', 10_000);
  });

  test('closing the document clears its diagnostics', async () => {
    // Opened as a person opens it: a document the extension API opened stays referenced (and open) for minutes.
    const uri = await writeNamed('.prompt.md', VAGUE);
    await vscode.commands.executeCommand('vscode.open', uri);
    const document = await documentFor(uri);
    await diagnosticsFor(document.uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await until(() => prompterDiagnostics(document.uri).length === 0, 'diagnostics to clear after close', 15_000);
  });

  test('prompter.diagnostics.enabled = false clears them and stops judging', async () => {
    const { document } = await openNamed('.prompt.md', VAGUE);
    await diagnosticsFor(document.uri);
    await withSetting('diagnostics.enabled', false, async () => {
      await until(() => prompterDiagnostics(document.uri).length === 0, 'diagnostics to clear when turned off', 10_000);
      const other = await openNamed('.prompt.md', VAGUE);
      await sleep(QUIET_MS);
      assert.deepEqual(prompterDiagnostics(other.document.uri), []);
    });
  });

  test('hovering a squiggle shows the scorecard: total, five axes, pros, cons, suggestions', async () => {
    const { document } = await openNamed('.prompt.md', VAGUE);
    await diagnosticsFor(document.uri);
    const position = rangeOf(document, 'something').start.translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
    const card = texts.find((text) => text.includes('/50'));
    assert.ok(card, `no scorecard among ${texts.length} hover parts`);
    const expected = diagnosePrompt(document.getText()).scorecard;
    assert.ok(card.includes(`${expected.total}/50`), card.slice(0, 200));
    for (const label of ['clarity', 'specificity', 'actionability', 'structure', 'context use']) assert.ok(card.includes(label), `no ${label}`);
    assert.ok(/What works/.test(card) && /What holds it back/.test(card) && /Suggestions/.test(card), card);
    // Nowhere to hover: text with no diagnostic under it.
    const plain = rangeOf(document, 'Keep').start;
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, plain);
    const noneTexts = none.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
    assert.ok(!noneTexts.some((text) => text.includes('/50')), 'the scorecard should only show over a diagnostic');
  });

  test('the Improve prompt Quick Fix is offered on a diagnostic and starts an inline diff of the whole file', async () => {
    const editor = await openNamed('.prompt.md', VAGUE);
    const { document } = editor;
    await diagnosticsFor(document.uri);
    // A selection elsewhere must not narrow the rewrite: the action works on the whole file.
    editor.selection = new vscode.Selection(rangeOf(document, 'Keep').start, rangeOf(document, 'Keep').end);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, rangeOf(document, 'something'));
    const fix = actions.find((action) => action.title === 'Improve prompt');
    assert.ok(fix, actions.map((action) => action.title).join(' | '));
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.command, 'the action carries a command');
    const outcome = await vscode.commands.executeCommand<ImproveOutcome | undefined>(fix.command.command, ...((fix.command.arguments ?? []) as unknown[]));
    assert.equal(outcome?.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    const state = api.inlineDiff.state(document.uri);
    assert.ok(state, 'no inline diff after the Code Action');
    assert.equal(state.firstLine, 0);
    assert.equal(state.original, VAGUE);
    await api.inlineDiff.decideAll(document.uri, false);
    assert.equal(document.getText(), VAGUE);
  });

  test('while an inline diff is shown the mixed text is not judged; the diagnostics come back when it ends', async () => {
    const editor = await openNamed('.prompt.md', VAGUE);
    const { document } = editor;
    await diagnosticsFor(document.uri);
    const outcome = await vscode.commands.executeCommand<ImproveOutcome | undefined>('prompter.improvePromptFile', document.uri);
    assert.equal(outcome?.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    await until(() => prompterDiagnostics(document.uri).length === 0, 'the diagnostics to clear during the diff');
    await sleep(QUIET_MS);
    assert.equal(prompterDiagnostics(document.uri).length, 0, 'the mixed text was judged');
    await api.inlineDiff.decideAll(document.uri, false);
    assert.equal(document.getText(), VAGUE);
    const after = await diagnosticsFor(document.uri, 'the diagnostics to come back');
    assert.deepEqual(after.map(ruleOf), diagnosePrompt(VAGUE).diagnostics.map((d) => d.rule));
  });

  test('Improve prompt is also a Rewrite refactoring, anywhere in a prompt file', async () => {
    const { document } = await openNamed('.prompt.md', VAGUE);
    await diagnosticsFor(document.uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      rangeOf(document, 'newsletter'),
      vscode.CodeActionKind.RefactorRewrite.value,
    );
    const rewrite = actions.find((action) => action.title === 'Improve prompt');
    assert.ok(rewrite, actions.map((action) => action.title).join(' | '));
    assert.equal(rewrite.kind?.value, vscode.CodeActionKind.RefactorRewrite.value);
    const outcome = await vscode.commands.executeCommand<ImproveOutcome | undefined>(rewrite.command!.command, ...((rewrite.command!.arguments ?? []) as unknown[]));
    assert.equal(outcome?.status, 'shown');
    assert.ok(api.inlineDiff.state(document.uri));
    await api.inlineDiff.decideAll(document.uri, false);
  });
});
