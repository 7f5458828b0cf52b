import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { applyHunks } from '../../src/core/engine/hunks';
import type { PrompterApi } from '../../src/api';
import type { EditorFeedback } from '../../src/feedback/feedbackSink';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { closeAll, improve, openScratch, prompterApi, prompterLogs, ROUGH_PROMPT, selectBetween, SURROUNDED, until } from './helpers';

suite('Improve Prompt: inline diff', () => {
  let api: PrompterApi;

  suiteSetup(async () => {
    api = await prompterApi();
  });

  teardown(closeAll);

  async function showDiff(content = SURROUNDED): Promise<{ editor: vscode.TextEditor; outcome: Extract<Awaited<ReturnType<typeof improve>>, { status: 'shown' }> }> {
    const editor = await openScratch(content);
    selectBetween(editor, 'Summarize', 'too long.\n');
    const outcome = await improve();
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    if (outcome.status !== 'shown') throw new Error('unreachable');
    return { editor, outcome };
  }

  test('improving a selection shows both sides of every hunk, with CodeLens per hunk and for the whole change', async () => {
    const { editor, outcome } = await showDiff();
    const uri = editor.document.uri;
    const state = api.inlineDiff.state(uri);
    assert.ok(state, 'no inline diff state');
    assert.deepEqual(state.hunks.map((hunk) => hunk.id), outcome.hunkIds);
    assert.ok(outcome.hunkIds.length >= 2, 'the rough prompt should give several hunks');
    assert.ok(state.hunks.every((hunk) => hunk.insertedLines.length + hunk.removedLines.length > 0));
    // The lines around the selection are untouched.
    assert.ok(editor.document.getText().startsWith('# Notes\n\nKeep this line.\n\n'));
    assert.ok(editor.document.getText().endsWith('\nAnd this one after.\n'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(titles.some((title) => title.includes('Accept all')), titles.join(' | '));
    assert.ok(titles.some((title) => title.includes('Reject all')));
    assert.ok(titles.some((title) => title.includes('Details')));
    const perHunk = lenses.filter((lens) => lens.command?.command === 'prompter.acceptChange');
    assert.equal(perHunk.length, outcome.hunkIds.length);
    assert.deepEqual(perHunk.map((lens) => (lens.command?.arguments as unknown[])[1]), outcome.hunkIds);
    // Each hunk's lens: Accept, Reject, then the strategy that made it with a short reason; the whole
    // reason is the tooltip.
    const firstStrategy = outcome.result.explanation.diffs[0]!.strategies[0]!;
    const reasonLens = lenses.find((lens) => lens.command?.command === 'prompter.showChangeDetails' && lens.command.title.startsWith(firstStrategy));
    assert.ok(reasonLens, `no lens names ${firstStrategy}: ${titles.join(' | ')}`);
    const why = reasonLens.command!.title.slice(`${firstStrategy} — `.length);
    assert.ok(why.length <= 40, `the reason in the lens is too long: ${why}`);
    assert.ok(reasonLens.command!.tooltip?.startsWith(`${firstStrategy}: `), reasonLens.command!.tooltip);
    for (const id of outcome.hunkIds) {
      const row = lenses.filter((lens) => (lens.command?.arguments as unknown[] | undefined)?.[1] === id).map((lens) => lens.command!.command);
      assert.deepEqual(row, ['prompter.acceptChange', 'prompter.rejectChange', 'prompter.showChangeDetails'], `hunk ${id}`);
    }
    // Each hunk's lens sits on a line with text, never on a blank line that reads as the section above.
    for (const lens of lenses.filter((item) => item.command?.command === 'prompter.acceptChange')) {
      const id = (lens.command!.arguments as unknown[])[1];
      const hunk: { id: string; removedLines: number[]; insertedLines: number[] } = state.hunks.find((item) => item.id === id)!;
      const shown: number[] = [...hunk.removedLines, ...hunk.insertedLines];
      const line: number = lens.range.start.line;
      assert.ok(shown.includes(line), `hunk ${hunk.id}: lens on line ${line}, not one of ${shown.join(',')}`);
      const firstWithText = shown.find((item: number) => !editor.document.lineAt(item).isEmptyOrWhitespace);
      if (firstWithText !== undefined) assert.equal(line, firstWithText, `hunk ${hunk.id}: lens on a blank line`);
    }
    assert.ok(
      state.hunks.some((hunk) => {
        const shown = [...hunk.removedLines, ...hunk.insertedLines];
        return shown.length > 0 && editor.document.lineAt(shown[0]!).isEmptyOrWhitespace;
      }),
      'the scenario should have a hunk that starts with a blank line',
    );
  });

  test('a decided hunk loses its diff colours while the other hunks stay painted', async () => {
    const { editor, outcome } = await showDiff();
    const uri = editor.document.uri;
    const before = api.inlineDiff.state(uri)!;
    const all = before.hunks.flatMap((hunk) => [...hunk.removedLines, ...hunk.insertedLines]).sort((a, b) => a - b);
    assert.deepEqual([...before.decorated.removed, ...before.decorated.inserted].sort((a, b) => a - b), all);
    await vscode.commands.executeCommand('prompter.acceptChange', uri, outcome.hunkIds[0]);
    const after = api.inlineDiff.state(uri)!;
    const [accepted, ...open] = after.hunks;
    assert.equal(accepted!.accepted, true);
    assert.ok(accepted!.insertedLines.length > 0, 'the accepted hunk should show inserted lines');
    for (const line of accepted!.insertedLines) assert.ok(!after.decorated.inserted.includes(line), `accepted line ${line} is still painted as inserted`);
    assert.deepEqual(after.decorated.removed, open.flatMap((hunk) => hunk.removedLines));
    assert.deepEqual(after.decorated.inserted, open.flatMap((hunk) => hunk.insertedLines));
    await vscode.commands.executeCommand('prompter.rejectChange', uri, outcome.hunkIds[1]);
    const rejected = api.inlineDiff.state(uri);
    if (rejected) {
      const struck = rejected.hunks.find((hunk) => hunk.id === outcome.hunkIds[1])!;
      for (const line of struck.removedLines) assert.ok(!rejected.decorated.removed.includes(line), `rejected line ${line} is still struck through`);
    }
  });

  test('Accept All writes the rewrite in one edit, and one Undo brings the original back and is recorded as taking it back', async () => {
    const { editor, outcome } = await showDiff();
    const recorded: EditorFeedback[] = [];
    const subscription = api.onDidRecordFeedback((feedback) => recorded.push(feedback));
    try {
      await vscode.commands.executeCommand('prompter.acceptAllChanges');
      const expected = SURROUNDED.replace(ROUGH_PROMPT, outcome.result.improved);
      assert.equal(editor.document.getText(), expected);
      assert.equal(api.inlineDiff.state(editor.document.uri), undefined, 'the session should have ended');
      await until(() => recorded.length === 1, 'the accept to be recorded');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), SURROUNDED);
      await until(() => recorded.length === 2, 'the Undo to be recorded');
      assert.deepEqual(recorded.map((feedback) => [feedback.decision, feedback.via]), [['accepted', 'editor'], ['rejected', 'editor-undo']]);
      assert.equal(recorded[1]!.version?.versionId, outcome.stored?.versionId, 'on the same stored version');
      // A second Undo or Redo is not another decision.
      await vscode.commands.executeCommand('redo');
      await vscode.commands.executeCommand('undo');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(recorded.length, 2);
    } finally {
      subscription.dispose();
    }
  });

  test('Reject All restores the original byte for byte, also with CRLF line breaks', async () => {
    const crlf = SURROUNDED.replace(/\n/g, '\r\n');
    const editor = await openScratch(crlf);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    selectBetween(editor, 'Summarize', 'too long.\r\n');
    const outcome = await improve();
    assert.equal(outcome.status, 'shown');
    assert.notEqual(editor.document.getText(), crlf);
    await vscode.commands.executeCommand('prompter.rejectAllChanges', editor.document.uri);
    assert.equal(editor.document.getText(), crlf);
    assert.equal(api.inlineDiff.state(editor.document.uri), undefined);
  });

  test('mixed decisions per hunk produce exactly applyHunks of the accepted ids', async () => {
    const { editor, outcome } = await showDiff();
    const uri = editor.document.uri;
    const hunks = outcome.result.explanation.diffs;
    const accepted = new Set(hunks.filter((_, index) => index % 2 === 0).map((hunk) => hunk.id));
    const recorded: EditorFeedback[] = [];
    const subscription = api.onDidRecordFeedback((feedback) => recorded.push(feedback));
    // Decide in reverse order, through the CodeLens commands, so ids (not positions) must carry the meaning.
    for (const hunk of [...hunks].reverse()) {
      await vscode.commands.executeCommand(accepted.has(hunk.id) ? 'prompter.acceptChange' : 'prompter.rejectChange', uri, hunk.id);
    }
    const expected = SURROUNDED.replace(ROUGH_PROMPT, applyHunks(ROUGH_PROMPT, hunks, accepted));
    assert.equal(editor.document.getText(), expected);
    assert.equal(api.inlineDiff.state(uri), undefined);
    // One feedback event, per hunk, with the strategies each hunk carried.
    await until(() => recorded.length > 0, 'the feedback event');
    subscription.dispose();
    assert.equal(recorded.length, 1);
    const [feedback] = recorded;
    assert.equal(feedback!.decision, 'partial');
    assert.deepEqual(
      feedback!.hunks,
      hunks.map((hunk) => ({ hunkId: hunk.id, accepted: accepted.has(hunk.id), strategies: hunk.strategies })),
    );
    assert.equal(feedback!.finalText, applyHunks(ROUGH_PROMPT, hunks, accepted));
    assert.equal(feedback!.via, 'editor');
  });

  test('with the inline diff turned off, the rewrite replaces the selection in one undoable edit, stored as accepted; Undo stores a rejection', async () => {
    const config = vscode.workspace.getConfiguration('prompter');
    await config.update('inlineDiff.enabled', false, vscode.ConfigurationTarget.Global);
    const recorded: EditorFeedback[] = [];
    const subscription = api.onDidRecordFeedback((feedback) => recorded.push(feedback));
    try {
      const editor = await openScratch(SURROUNDED);
      selectBetween(editor, 'Summarize', 'too long.\n');
      const outcome = await improve();
      assert.equal(outcome.status, 'applied');
      if (outcome.status !== 'applied') return;
      assert.equal(editor.document.getText(), SURROUNDED.replace(ROUGH_PROMPT, outcome.result.improved));
      assert.equal(api.inlineDiff.state(editor.document.uri), undefined);
      const stored = outcome.stored;
      assert.ok(stored?.versionId, 'the run was stored');
      const version = { historyKey: stored.historyKey, promptId: stored.promptId, versionId: stored.versionId };
      const hunks = outcome.result.explanation.diffs;
      const decisions = (accepted: boolean) => hunks.map((hunk) => ({ hunkId: hunk.id, accepted, strategies: hunk.strategies }));
      // Learning and the acceptance rate see it as Accept All on the diff: every hunk kept.
      await until(() => recorded.length > 0, 'the feedback event');
      assert.deepEqual(recorded.map(({ decision, hunks: decided, finalText, via, version: on }) => ({ decision, decided, finalText, via, on })), [
        { decision: 'accepted', decided: decisions(true), finalText: outcome.result.improved, via: 'editor', on: version },
      ]);
      const store = openHistoryStore(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.prompter').fsPath);
      const storedDecisions = async () => (await store.listFeedback()).filter((event) => event.versionId === version.versionId).map(({ decision, via }) => `${decision} via ${via}`);
      assert.deepEqual(await storedDecisions(), ['accepted via editor']);

      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), SURROUNDED);
      // Undo straight after takes the decision back: a rejection of the same version.
      await until(() => recorded.length > 1, 'the feedback event of the Undo');
      assert.deepEqual(
        recorded.slice(1).map(({ decision, hunks: decided, finalText, via, version: on }) => ({ decision, decided, finalText, via, on })),
        [{ decision: 'rejected', decided: decisions(false), finalText: ROUGH_PROMPT, via: 'editor-undo', on: version }],
      );
      assert.deepEqual(await storedDecisions(), ['accepted via editor', 'rejected via editor-undo']);
    } finally {
      subscription.dispose();
      await config.update('inlineDiff.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('typing before the diff keeps it anchored; the decision still lands in the right place', async () => {
    const { editor, outcome } = await showDiff();
    const uri = editor.document.uri;
    const before = api.inlineDiff.state(uri)!;
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), 'Typed above.\nAnother line.\n'));
    const after = api.inlineDiff.state(uri);
    assert.ok(after, 'typing elsewhere ended the session');
    assert.equal(after.firstLine, before.firstLine + 2);
    await editor.edit((builder) => builder.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, 'Typed below.'));
    assert.ok(api.inlineDiff.state(uri), 'typing after the diff ended the session');
    await vscode.commands.executeCommand('prompter.acceptAllChanges', uri);
    const expected = `Typed above.\nAnother line.\n${SURROUNDED.replace(ROUGH_PROMPT, outcome.result.improved)}Typed below.`;
    assert.equal(editor.document.getText(), expected);
  });

  test('typing inside the diff ends the session and keeps the edit', async () => {
    const { editor } = await showDiff();
    const uri = editor.document.uri;
    const state = api.inlineDiff.state(uri)!;
    const line = state.hunks[0]!.insertedLines[0]!;
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), 'EDITED '));
    assert.equal(api.inlineDiff.state(uri), undefined);
    assert.ok(editor.document.getText().includes('EDITED '));
  });

  test('Undo while the diff is shown brings the original back and ends the session', async () => {
    const { editor } = await showDiff();
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SURROUNDED);
    assert.equal(api.inlineDiff.state(editor.document.uri), undefined);
  });

  test('closing the document ends the session', async () => {
    const { editor } = await showDiff();
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await until(() => api.inlineDiff.state(uri) === undefined, 'the session to end after close');
  });

  test('with Auto Save on, the first diff of the window says that the file on disk holds both sides; with it off, nothing is said', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const window = vscode.window as { showInformationMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showInformationMessage;
    const told: string[] = [];
    window.showInformationMessage = (message: unknown, ...rest: unknown[]) => {
      told.push(String(message));
      return original.call(vscode.window, message, ...rest);
    };
    const aboutAutoSave = () => told.filter((message) => message.startsWith('Auto Save is on'));
    const before = { autoSave: files.inspect('autoSave')?.globalValue, autoSaveDelay: files.inspect('autoSaveDelay')?.globalValue };
    try {
      await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
      await showDiff();
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
      assert.deepEqual(aboutAutoSave(), [], 'nothing said with Auto Save off');
      // A long delay: the notice is about what Auto Save will do, and the test must not race a real save.
      await files.update('autoSaveDelay', 600_000, vscode.ConfigurationTarget.Global);
      await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
      await showDiff();
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
      assert.equal(aboutAutoSave().length, 1, 'told once');
      await showDiff();
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
      assert.equal(aboutAutoSave().length, 1, 'not told again in this window');
    } finally {
      window.showInformationMessage = original;
      await files.update('autoSave', before.autoSave, vscode.ConfigurationTarget.Global);
      await files.update('autoSaveDelay', before.autoSaveDelay, vscode.ConfigurationTarget.Global);
    }
  });

  test('a stored diff that ends before a decision logs where the original is, not its text', async () => {
    // The log is kept on disk: prompt text goes there only when the history holds no copy.
    const marker = `Summarize the quarterly report ${Date.now().toString(36)} for me. Make it good and not too long.\n`;
    const editor = await openScratch(`# Notes\n\n${marker}\nAnd this one after.\n`);
    selectBetween(editor, 'Summarize', 'too long.\n');
    const outcome = await improve();
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    const versionId = outcome.status === 'shown' ? outcome.stored?.versionId : undefined;
    assert.ok(versionId, 'the run stored a version');
    // Typing inside the diff ends it undecided (closing an editor reverts it first, which counts as Undo).
    const uri = editor.document.uri;
    const line = api.inlineDiff.state(uri)!.hunks[0]!.insertedLines[0]!;
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), 'EDITED '));
    assert.equal(api.inlineDiff.state(uri), undefined);
    const logs = prompterLogs();
    if (logs === undefined) return; // desktop VS Code keeps its logs outside the test host's folders
    const ended = () => logs().flatMap((path) => readFileSync(path, 'utf8').split('\n')).find((line) => line.includes('edited inside it') && line.includes(versionId));
    await until(() => ended() !== undefined, 'the log line for the ended diff', 10_000).catch((error: unknown) => {
      const tail = logs().flatMap((path) => readFileSync(path, 'utf8').split('\n')).slice(-8);
      throw new Error(`${String(error)}; logs: ${logs().join(', ')}; last lines:\n${tail.join('\n')}`);
    });
    assert.match(ended()!, /in the Prompter history/);
    assert.ok(!logs().some((path) => readFileSync(path, 'utf8').includes(marker.trim())), 'the prompt text is not in the log');
  });
});
