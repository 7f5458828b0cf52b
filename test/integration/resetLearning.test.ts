import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { ResetLearningOutcome } from '../../src/commands/resetLearningCommand';
import type { EditorFeedback } from '../../src/feedback/feedbackSink';
import { resourcePathOf } from '../../src/history/promptDocuments';
import type { InsightsState } from '../../src/shared/insightsProtocol';
import { closeAll, improve, openScratch, prompterApi, ROUGH_PROMPT, selectBetween, SURROUNDED } from './helpers';
import { workspaceStore } from './panelHelpers';

const resetLearning = async (...args: unknown[]) => {
  const outcome = await vscode.commands.executeCommand<ResetLearningOutcome | undefined>('prompter.resetLearning', ...args);
  assert.ok(outcome, 'Reset Learning returned nothing (it threw: see Output → Prompter)');
  return outcome;
};

/** What a warning dialog was asked, and the button the stand-in person pressed. */
interface Asked {
  message: string;
  options: vscode.MessageOptions | undefined;
  buttons: string[];
}

/** Answers the next warning messages with `answer` (undefined: Cancel / Escape), recording what they asked. */
async function withWarningAnswer<T>(answer: (buttons: string[]) => string | undefined, run: () => Thenable<T>): Promise<{ result: T; asked: Asked[] }> {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const asked: Asked[] = [];
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null ? (rest.shift() as vscode.MessageOptions) : undefined;
    const buttons = rest.filter((button): button is string => typeof button === 'string');
    asked.push({ message: String(message), options, buttons });
    return Promise.resolve(answer(buttons));
  };
  try {
    return { result: await run(), asked };
  } finally {
    window.showWarningMessage = original;
  }
}

suite('Reset Learning: forgets the learned strategy statistics, keeps every version', function () {
  // Improve runs open the panel and the store; on a loaded machine the first takes many seconds.
  this.timeout(60_000);
  let api: PrompterApi;
  const store = workspaceStore();
  const folderName = () => vscode.workspace.workspaceFolders![0]!.name;

  suiteSetup(async () => {
    api = await prompterApi();
  });
  teardown(closeAll);

  /** Every stored version id, and the decisions and runs recorded: what a reset must not touch. */
  async function historyContents() {
    const prompts = await store.repository.listPrompts();
    const details = await store.repository.getPrompts(prompts.map((prompt) => prompt.id));
    return {
      versions: details.flatMap((detail) => detail.versions.map(({ version, scores }) => `${version.id}:${scores.length}`)).sort(),
      feedback: (await store.repository.listFeedback()).length,
      metrics: (await store.repository.listMetrics()).length,
    };
  }

  /** Two improve runs and a decision on the second: the learning state then has statistics. */
  async function learnSomething(): Promise<void> {
    const first = await openScratch(SURROUNDED);
    selectBetween(first, 'Summarize', 'long.');
    await improve();
    await api.inlineDiff.decideAll(first.document.uri, false);
    const second = await openScratch(SURROUNDED);
    selectBetween(second, 'Summarize', 'long.');
    const outcome = await improve();
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 300));
    const recorded = new Promise<EditorFeedback>((resolve) => {
      const subscription = api.onDidRecordFeedback((feedback) => {
        subscription.dispose();
        resolve(feedback);
      });
    });
    await api.inlineDiff.decideAll(second.document.uri, true);
    await recorded;
    const learned = await store.repository.readLearningState();
    assert.ok(learned, 'the improve runs and the decision wrote no learning state');
    assert.match(JSON.stringify(learned.state), /"accepted":[1-9]/, 'the accepted decision is not in the learning state');
  }

  test('Cancel in the modal confirmation changes nothing; the dialog names the folder and what is (and is not) reset', async () => {
    await learnSomething();
    const learning = await store.repository.readLearningState();
    const before = await historyContents();
    const { result, asked } = await withWarningAnswer(() => undefined, () => resetLearning());
    assert.deepEqual(result, { status: 'cancelled' });
    assert.equal(asked.length, 1, 'one confirmation');
    const [question] = asked;
    assert.equal(question!.options?.modal, true, 'a modal dialog');
    assert.equal(question!.message, `Reset what Prompter has learned in ${folderName()}?`);
    assert.match(question!.options?.detail ?? '', /learned strategy statistics/);
    assert.match(question!.options?.detail ?? '', /Prompts, versions, scores and your decisions stay in the history/);
    assert.deepEqual(question!.buttons, ['Reset Learning']);
    assert.deepEqual(await store.repository.readLearningState(), learning, 'the learning state is unchanged');
    assert.deepEqual(await historyContents(), before);
  });

  test('confirmed: the learning state is gone, every version, decision and run is kept, and Insights shows no statistics', async () => {
    if (!(await store.repository.readLearningState())) await learnSomething();
    const before = await historyContents();
    assert.ok(before.versions.length >= 4, 'the improve runs stored versions');
    const shownBefore = await vscode.commands.executeCommand<InsightsState | undefined>('prompter.showInsights');
    assert.ok(shownBefore?.model?.strategies.some((row) => row.applied > 0), 'Insights shows learned statistics before the reset');

    // As the History Delete actions are tested: the caller answered the confirmation ({ confirm: false }).
    const outcome = await resetLearning(undefined, { confirm: false });
    assert.equal(outcome.status, 'reset', JSON.stringify(outcome));
    if (outcome.status !== 'reset') throw new Error('unreachable');
    assert.equal(outcome.historyKey, store.historyKey);
    assert.match(outcome.message, new RegExp(`^Prompter forgot what it learned in ${folderName()}`));
    assert.equal(await store.repository.readLearningState(), undefined, 'the learning state was not reset');
    assert.deepEqual(await historyContents(), before, 'a version, a decision or a run was lost');

    const shownAfter = await vscode.commands.executeCommand<InsightsState | undefined>('prompter.showInsights');
    assert.equal(shownAfter?.status, 'ready', shownAfter?.error);
    assert.deepEqual(
      shownAfter?.model?.strategies.filter((row) => row.applied + row.accepted + row.rejected > 0),
      [],
      'Insights still shows learned statistics',
    );
    assert.equal(shownAfter?.model?.versions, shownBefore?.model?.versions, 'Insights lost versions');

    // Again, with nothing learned since: said so, nothing asked.
    const { result, asked } = await withWarningAnswer(() => 'Reset Learning', () => resetLearning());
    assert.equal(result.status, 'nothing');
    assert.equal(asked.length, 0, 'nothing to reset, so nothing to confirm');
  });

  test('the confirmation dialog’s Reset Learning button resets; an unknown store is refused', async () => {
    await learnSomething();
    const { result, asked } = await withWarningAnswer((buttons) => buttons[0], () => resetLearning({ historyKey: store.historyKey }));
    assert.equal(asked.length, 1);
    assert.equal(result.status, 'reset', JSON.stringify(result));
    assert.equal(await store.repository.readLearningState(), undefined);
    const refused = await resetLearning({ historyKey: 'file:///nowhere/.prompter' }, { confirm: false });
    assert.equal(refused.status, 'refused');
  });

  test('Improve Again is offered in the editor context menu of a document once it has a stored prompt, not before', async () => {
    const editor = await openScratch(`${ROUGH_PROMPT}`);
    const path = resourcePathOf(editor.document.uri);
    assert.ok(!api.promptDocuments.paths().includes(path), 'a fresh document is listed');
    const listed = new Promise<void>((resolve) => {
      const subscription = api.promptDocuments.onDidChange((paths) => {
        if (!paths.includes(path)) return;
        subscription.dispose();
        resolve();
      });
    });
    selectBetween(editor, 'Summarize', 'long.');
    await improve();
    await listed;
    assert.ok(api.promptDocuments.paths().includes(path));
  });

  test('a prompt another process stores from a file of the folder puts that file in the list too', async () => {
    const file = `scratch/elsewhere-${Date.now()}.prompt.md`;
    const path = resourcePathOf(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, file));
    const listed = new Promise<void>((resolve) => {
      const subscription = api.promptDocuments.onDidChange((paths) => {
        if (!paths.includes(path)) return;
        subscription.dispose();
        resolve();
      });
    });
    await store.repository.createPrompt('Stored by the CLI.', { file });
    await listed;
  });
});
