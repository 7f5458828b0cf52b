import * as assert from 'node:assert/strict';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { EditorFeedback } from '../../src/feedback/feedbackSink';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { closeAll, improve, openScratch, prompterApi, ROUGH_PROMPT, selectBetween, SURROUNDED, until } from './helpers';

suite('History: improve runs and decisions are stored', () => {
  let api: PrompterApi;
  let storeDir: string;

  suiteSetup(async () => {
    api = await prompterApi();
    storeDir = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.prompter').fsPath;
  });

  teardown(closeAll);

  async function improveSurrounded() {
    const editor = await openScratch(SURROUNDED);
    selectBetween(editor, 'Summarize', 'too long.\n');
    const outcome = await improve();
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    if (outcome.status !== 'shown') throw new Error('unreachable');
    return { editor, outcome };
  }

  test('Improve Prompt stores the original as v0 and the rewrite as v1, with where it came from', async () => {
    const { editor, outcome } = await improveSurrounded();
    assert.ok(outcome.stored, 'the run was not stored');
    assert.equal(outcome.stored.versionNo, 1);
    const detail = await api.history.getPrompt(outcome.stored.promptId, editor.document.uri);
    assert.ok(detail, 'the API does not find the stored prompt');
    assert.equal(detail.prompt.originalText, ROUGH_PROMPT);
    assert.deepEqual(detail.prompt.origin, { file: vscode.workspace.asRelativePath(editor.document.uri, false), languageId: 'markdown' });
    assert.deepEqual(detail.versions.map((v) => v.version.versionNo), [0, 1]);
    assert.equal(detail.versions[1]!.version.text, outcome.result.improved);
    assert.equal(detail.versions[1]!.scores[0]!.total, outcome.result.judge.after.total);
    assert.equal(detail.prompt.bestVersionId, outcome.stored.versionId, 'a better rewrite becomes best');
    const listed = await api.history.listPrompts();
    assert.ok(listed.some((prompt) => prompt.id === outcome.stored!.promptId));
  });

  test('a mixed decision is stored as per-hunk feedback on the version and reaches the learning state', async () => {
    const { editor, outcome } = await improveSurrounded();
    const hunks = outcome.result.explanation.diffs;
    assert.ok(hunks.length >= 2);
    const recorded = new Promise<EditorFeedback>((resolve) => {
      const subscription = api.onDidRecordFeedback((feedback) => {
        subscription.dispose();
        resolve(feedback);
      });
    });
    await api.inlineDiff.decide(editor.document.uri, hunks[0]!.id, false);
    await api.inlineDiff.decideAll(editor.document.uri, true);
    const feedback = await recorded;
    assert.equal(feedback.version?.versionId, outcome.stored?.versionId);
    // Read back through a second repository, as another window or the CLI would.
    const reader = openHistoryStore(storeDir);
    const events = await reader.listFeedback();
    const event = events.find((e) => e.versionId === outcome.stored?.versionId);
    assert.ok(event, 'no feedback event for the version');
    assert.equal(event.decision, 'partial');
    assert.deepEqual(
      event.hunks.map((h) => [h.hunkId, h.accepted]),
      hunks.map((h, index) => [h.id, index !== 0]),
    );
    const learning = await reader.readLearningState();
    assert.ok(learning, 'the learning state was not written');
    assert.ok(JSON.stringify(learning.state).includes(hunks[0]!.strategies[0]!), 'the rejected hunk’s strategy has no statistics');
  });

  test('a write by another process (the CLI, another window) fires onDidChange and shows in the list', async () => {
    const changed = new Promise<void>((resolve) => {
      const subscription = api.history.onDidChange(() => {
        subscription.dispose();
        resolve();
      });
    });
    const other = openHistoryStore(storeDir);
    const created = await other.createPrompt('Written by another process.', { file: 'elsewhere.prompt.md' });
    await changed;
    const listed = await api.history.listPrompts();
    assert.ok(listed.some((prompt) => prompt.id === created.prompt.id));
  });

  test('when the history cannot be written, the rewrite is still shown and its decision loses nothing', async () => {
    // A file where the store folder should be: every write fails.
    const aside = `${storeDir}.aside`;
    renameSync(storeDir, aside);
    writeFileSync(storeDir, 'not a folder');
    try {
      const { editor, outcome } = await improveSurrounded();
      assert.equal(outcome.stored, undefined);
      assert.ok(outcome.result.changed);
      await vscode.commands.executeCommand('prompter.rejectAllChanges', editor.document.uri);
      await until(() => api.inlineDiff.state(editor.document.uri) === undefined, 'the diff to end');
      assert.equal(editor.document.getText(), SURROUNDED);
    } finally {
      rmSync(storeDir, { force: true });
      renameSync(aside, storeDir);
    }
    assert.ok(existsSync(`${storeDir}/store.json`));
  });
});
