import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { EditorFeedback } from '../../src/feedback/feedbackSink';
import { closeAll, improve, openScratch, prompterApi, selectBetween, SURROUNDED, until } from './helpers';
import { nextRender } from './panelHelpers';

/** Tabs showing the result panel (how it looks is checked by test/ui/uiCheck.mjs). */
const panelTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('prompter.result'));

suite('Result panel', () => {
  let api: PrompterApi;
  suiteSetup(async () => {
    api = await prompterApi();
  });
  teardown(closeAll);

  /** Improve Prompt on the rough prompt, waiting until the webview has drawn the result. */
  async function improveShown() {
    const editor = await openScratch(SURROUNDED);
    selectBetween(editor, 'Summarize', 'too long.\n');
    // A new panel's webview loads first: seconds on a loaded machine.
    const rendered = nextRender(api, (state) => state.origin.kind === 'inlineDiff' && state.origin.decision === 'open', 40_000);
    const outcome = await improve();
    assert.equal(outcome.status, 'shown');
    if (outcome.status !== 'shown') throw new Error('unreachable');
    return { editor, outcome, render: await rendered };
  }

  test('Improve Prompt opens one result panel beside the editor and keeps the focus in the editor', async function () {
    this.timeout(60_000);
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

  test('the webview is sent the whole result and reports it rendered: word diff, scores, reasons, engine, stored version', async function () {
    this.timeout(60_000);
    const { outcome, render } = await improveShown();
    const { state } = render;
    const { result } = outcome;
    assert.equal(state.rewrite, result.improved);
    assert.equal(state.diff.granularity, 'word');
    assert.equal(state.diff.parts.filter((part) => part.kind !== 'added').map((part) => part.text).join(''), result.original, 'the old side is the original');
    assert.equal(state.diff.parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join(''), result.improved, 'the new side is the rewrite');
    assert.ok(state.diff.parts.some((part) => part.kind === 'added'));
    assert.deepEqual(state.totals, { before: result.judge.before.total, after: result.judge.after.total });
    assert.deepEqual(state.axes.map((axis) => axis.after), [result.judge.after.clarity, result.judge.after.specificity, result.judge.after.actionability, result.judge.after.structure, result.judge.after.contextUse]);
    // The learning loop picks the strategies (earlier suites' decisions count): compare with this run's.
    assert.deepEqual(state.reasons.map((reason) => reason.strategy), result.strategies);
    assert.equal(state.engine?.kind, 'heuristic');
    assert.ok(state.candidates.some((candidate) => candidate.chosen));
    assert.deepEqual(state.version?.ref, { historyKey: outcome.stored!.historyKey, promptId: outcome.stored!.promptId, versionId: outcome.stored!.versionId });
    assert.equal(state.version?.versionNo, 1);
    await vscode.commands.executeCommand('prompter.rejectAllChanges');
  });

  test('the side-by-side toggle message switches the layout, and later results open in it', async function () {
    this.timeout(60_000);
    await improveShown();
    try {
      const sideBySide = nextRender(api, (state) => state.layout === 'sideBySide');
      await api.resultPanel.post({ type: 'layout', layout: 'sideBySide' });
      await sideBySide;
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
      const { render } = await improveShown();
      assert.equal(render.state.layout, 'sideBySide', 'the choice is remembered for the next result');
      await vscode.commands.executeCommand('prompter.rejectAllChanges');
    } finally {
      await api.resultPanel.post({ type: 'layout', layout: 'inline' });
    }
  });

  test('Copy puts the rewrite on the clipboard; malformed messages are ignored', async function () {
    this.timeout(60_000);
    const { outcome } = await improveShown();
    await vscode.env.clipboard.writeText('before');
    await api.resultPanel.post({ type: 'copy' });
    assert.equal(await vscode.env.clipboard.readText(), outcome.result.improved);
    const before = api.resultPanel.state();
    await api.resultPanel.post({ type: 'insert-script', text: '<script>' });
    await api.resultPanel.post({ type: 'layout', layout: 'grid' });
    assert.deepEqual(api.resultPanel.state(), before);
    await vscode.commands.executeCommand('prompter.rejectAllChanges');
  });

  test('Accept all in the panel accepts the inline diff, and the panel follows the decision', async function () {
    this.timeout(60_000);
    const { editor, outcome } = await improveShown();
    const accepted = nextRender(api, (state) => state.origin.kind === 'inlineDiff' && state.origin.decision === 'accepted');
    await api.resultPanel.post({ type: 'accept' });
    await accepted;
    assert.ok(editor.document.getText().includes(outcome.result.improved.split('\n')[0]!));
    assert.equal(api.inlineDiff.state(editor.document.uri), undefined);
  });

  test('after the diff is decided hunk by hunk in the editor and saved, the panel says so, and its Reject all changes nothing, records nothing and does not decide a newer diff', async function () {
    this.timeout(90_000);
    const recorded: EditorFeedback[] = [];
    const subscription = api.onDidRecordFeedback((feedback) => recorded.push(feedback));
    try {
      const { editor, outcome } = await improveShown();
      const uri = editor.document.uri;
      const hunks = outcome.result.explanation.diffs;
      assert.ok(hunks.length >= 2, `the rough prompt gives two hunks or more, got ${hunks.length}`);
      const [first, ...rest] = hunks;
      // The CodeLens route: the first change rejected, the others accepted, one command each.
      const decided = nextRender(api, (state) => state.origin.kind === 'inlineDiff' && state.origin.decision !== 'open');
      await vscode.commands.executeCommand('prompter.rejectChange', uri, first!.id);
      for (const hunk of rest) await vscode.commands.executeCommand('prompter.acceptChange', uri, hunk.id);
      const { state } = await decided;
      assert.deepEqual(state.origin, { kind: 'inlineDiff', decision: 'partial' });
      assert.deepEqual(state.hunkTally, { kept: rest.length, decided: hunks.length, total: hunks.length });
      const onlyInFirst = first!.strategies.filter((strategy) => !rest.some((hunk) => hunk.strategies.includes(strategy)));
      assert.deepEqual(state.reasons.filter((reason) => reason.turnedDown).map((reason) => reason.strategy), state.reasons.map((reason) => reason.strategy).filter((strategy) => strategy && onlyInFirst.includes(strategy)));
      await until(() => recorded.length === 1, 'the feedback of the decisions');
      assert.equal(recorded[0]!.decision, 'partial');
      assert.ok(await editor.document.save());

      // A stale Reject all from the panel: the document stays as decided and saved.
      const text = editor.document.getText();
      await api.resultPanel.post({ type: 'reject' });
      assert.equal(editor.document.getText(), text);
      assert.equal(editor.document.isDirty, false);
      assert.deepEqual(api.resultPanel.state()?.origin, state.origin);

      // A newer diff in the same document (shown without the panel): the old panel must not decide it.
      const config = vscode.workspace.getConfiguration('prompter');
      await config.update('panel.openOnImprove', false, vscode.ConfigurationTarget.Global);
      try {
        // The rough prompt back, so that Improve Prompt shows a diff again.
        const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
        assert.ok(await editor.edit((builder) => builder.replace(whole, SURROUNDED)));
        selectBetween(editor, 'Summarize', 'too long.\n');
        const again = await improve();
        assert.equal(again.status, 'shown');
        if (again.status !== 'shown') throw new Error('unreachable');
        const shownText = editor.document.getText();
        await api.resultPanel.post({ type: 'reject' });
        assert.equal(editor.document.getText(), shownText, 'the old panel changed the newer diff');
        assert.ok(api.inlineDiff.state(uri), 'the old panel ended the newer diff');
        await vscode.commands.executeCommand('prompter.rejectAllChanges', uri);
        assert.equal(editor.document.getText(), SURROUNDED);
        // The newer diff's own Reject all is recorded; the stale panel's presses recorded nothing before it.
        await until(() => recorded.length >= 2, 'the feedback of the newer diff');
        assert.deepEqual(recorded.map((feedback) => [feedback.decision, feedback.improvedText]), [['partial', outcome.result.improved], ['rejected', again.result.improved]]);
      } finally {
        await config.update('panel.openOnImprove', undefined, vscode.ConfigurationTarget.Global);
      }
    } finally {
      subscription.dispose();
    }
  });
});
