import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { ImproveAgainOutcome } from '../../src/commands/improveAgainCommand';
import type { OpenVersionOutcome } from '../../src/commands/openVersionCommand';
import { closeAll, improve, openScratch, prompterApi, ROUGH_PROMPT, selectBetween, SURROUNDED } from './helpers';
import { flatScore, nextRender, workspaceStore } from './panelHelpers';

const improveAgain = async (argument?: unknown) => {
  const outcome = await vscode.commands.executeCommand<ImproveAgainOutcome | undefined>('prompter.improveAgain', argument);
  assert.ok(outcome, 'Improve Again returned nothing (it threw: see Output → Prompter)');
  return outcome;
};

suite('Improve Again and Open Version', () => {
  let api: PrompterApi;
  const store = workspaceStore();
  suiteSetup(async () => {
    api = await prompterApi();
  });
  teardown(closeAll);

  /** A prompt stored as another window would store it: v0 scored by the judge. */
  async function seedPrompt(text = ROUGH_PROMPT) {
    const created = await store.repository.createPrompt(text, { file: 'seeded.prompt.md' }, { score: api.judge(text) });
    return created;
  }

  test('from the best version: the adopted rewrite is stored and opens in the panel; once nothing gains, the message and no new version', async () => {
    const created = await seedPrompt();
    const target = { historyKey: store.historyKey, promptId: created.prompt.id };
    const shown = nextRender(api, (state) => state.version?.ref.promptId === created.prompt.id);
    const first = await improveAgain(target);
    assert.equal(first.status, 'adopted', JSON.stringify(first).slice(0, 300));
    if (first.status !== 'adopted') throw new Error('unreachable');
    assert.equal(first.stored.versionNo, 1);
    const { state } = await shown;
    assert.equal(state.origin.kind, 'stored');
    assert.equal(state.rewrite, first.result.improved);
    assert.equal(state.beforeLabel, 'v0');
    assert.equal(state.version?.versionNo, 1);
    assert.match(state.notice ?? '', /^Stored v1, now best at [\d.]+\/50\.$/);

    // Rewriting converges: each adopted run stores one version, until a run finds nothing better and
    // stores nothing. (The learning loop may leave a strategy out of a run, so that can take a few runs.)
    let best = 1;
    for (let run = 0; run < 6; run += 1) {
      const again = await improveAgain(target);
      const versions = (await store.repository.getPrompt(created.prompt.id))!.versions.length;
      if (again.status === 'adopted') {
        best = again.stored.versionNo!;
        assert.equal(versions, best + 1);
        continue;
      }
      assert.equal(again.status, 'no-gain', JSON.stringify(again).slice(0, 300));
      if (again.status !== 'no-gain') throw new Error('unreachable');
      assert.equal(again.message, `No further improvement found; v${best} stays best at ${again.stored.best.score}/50.`);
      assert.equal(versions, best + 1, 'nothing new was stored');
      return;
    }
    assert.fail('Improve Again kept finding improvements');
  });

  test('from a version that is not the best: adopted only when it reaches the best total, and stored with that version as parent', async () => {
    const created = await seedPrompt();
    const v0 = created.original;
    // A best version no rewrite can reach: nothing is stored, and the message gives both scores.
    const unbeatable = await store.repository.appendVersion(
      created.prompt.id,
      { text: `${ROUGH_PROMPT}Audience: the board.\n`, explanation: { bullets: [], diffs: [] }, source: 'engine/heuristic@1', strategies: [], parentVersionId: v0.id, engine: { id: 'heuristic@1' }, timeToResultMs: 1 },
      flatScore(api.judge(ROUGH_PROMPT), 10),
      { adoptIfAtLeastBest: true },
    );
    assert.ok(unbeatable.stored && unbeatable.adopted);
    const fromV0 = await improveAgain({ historyKey: store.historyKey, promptId: created.prompt.id, versionId: v0.id });
    assert.equal(fromV0.status, 'no-gain');
    if (fromV0.status !== 'no-gain') throw new Error('unreachable');
    assert.match(fromV0.message, /^No further improvement found; v1 stays best at 50\/50\. \(The rewrite of v0 scored [\d.]+\/50\.\)$/);
    assert.equal(fromV0.result.original, ROUGH_PROMPT, 'the rewrite started from v0');
    assert.equal((await store.repository.getPrompt(created.prompt.id))!.versions.length, 2);

    // A modest best: the rewrite of v0 beats it, is adopted, and records v0 as its parent.
    const other = await seedPrompt();
    const modest = await store.repository.appendVersion(
      other.prompt.id,
      { text: `${ROUGH_PROMPT}Audience: the board.\n`, explanation: { bullets: [], diffs: [] }, source: 'engine/heuristic@1', strategies: [], parentVersionId: other.original.id, engine: { id: 'heuristic@1' }, timeToResultMs: 1 },
      api.judge(`${ROUGH_PROMPT}Audience: the board.\n`),
      { adoptIfAtLeastBest: true },
    );
    assert.ok(modest.stored && modest.adopted, 'the modest version should be best before the test');
    const adopted = await improveAgain({ historyKey: store.historyKey, promptId: other.prompt.id, versionId: other.original.id });
    assert.equal(adopted.status, 'adopted', JSON.stringify(adopted).slice(0, 300));
    if (adopted.status !== 'adopted') throw new Error('unreachable');
    const v2 = await store.repository.getVersion(adopted.stored.versionId!);
    assert.equal(v2?.version.parentVersionId, other.original.id);
    assert.equal(v2?.version.versionNo, 2);
  });

  test('with no argument it continues the prompt last improved from the active document', async function () {
    // Two commands and a scratch file: slow on a loaded machine.
    this.timeout(60_000);
    const editor = await openScratch(SURROUNDED);
    selectBetween(editor, 'Summarize', 'too long.\n');
    const improved = await improve();
    assert.equal(improved.status, 'shown');
    if (improved.status !== 'shown') throw new Error('unreachable');
    await vscode.commands.executeCommand('prompter.rejectAllChanges');
    const again = await improveAgain();
    assert.ok(again.status === 'adopted' || again.status === 'no-gain', JSON.stringify(again).slice(0, 300));
    if (again.status === 'adopted' || again.status === 'no-gain') assert.equal(again.stored.promptId, improved.stored?.promptId);
  });

  test('an unknown prompt or store is refused with a message, not an error', async () => {
    const unknown = await improveAgain({ historyKey: store.historyKey, promptId: 'p-0000000000-none' });
    assert.equal(unknown.status, 'refused');
    const elsewhere = await improveAgain({ historyKey: 'file:///nowhere/.prompter', promptId: 'x' });
    assert.equal(elsewhere.status, 'refused');
  });

  test('Open Version shows the stored text, the diff against its parent and both scores; Insert and Replace write it into the editor', async () => {
    const created = await seedPrompt();
    const again = await improveAgain({ historyKey: store.historyKey, promptId: created.prompt.id });
    assert.equal(again.status, 'adopted');
    if (again.status !== 'adopted') throw new Error('unreachable');
    const editor = await openScratch('first line\nsecond line\n', 'plaintext');
    const ref = { historyKey: store.historyKey, promptId: created.prompt.id, versionId: again.stored.versionId };
    const shown = nextRender(api, (state) => state.version?.ref.versionId === ref.versionId && state.notice === undefined);
    const opened = await vscode.commands.executeCommand<OpenVersionOutcome>('prompter.openVersion', ref);
    assert.equal(opened?.status, 'shown');
    const { state } = await shown;
    const text = again.result.improved;
    assert.equal(state.rewrite, text);
    assert.equal(state.diff.parts.filter((part) => part.kind !== 'added').map((part) => part.text).join(''), ROUGH_PROMPT);
    assert.deepEqual(state.totals, { before: api.judge(ROUGH_PROMPT).total, after: again.result.judge.after.total });
    assert.deepEqual(state.origin, { kind: 'stored' });

    // The panel did not take the focus: the cursor is where the person left it.
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    await api.resultPanel.post({ type: 'insert' });
    assert.equal(editor.document.getText(), `first line\n${text}second line\n`);
    const start = editor.document.getText().indexOf('second');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'second line'.length));
    await api.resultPanel.post({ type: 'replace' });
    assert.equal(editor.document.getText(), `first line\n${text}${text}\n`);

    const missing = await vscode.commands.executeCommand<OpenVersionOutcome>('prompter.openVersion', { ...ref, versionId: `${created.prompt.id}-v9` });
    assert.equal(missing?.status, 'refused');
  });

  test('Improve again in the panel runs the command on the prompt it shows', async () => {
    const created = await seedPrompt();
    const first = await improveAgain({ historyKey: store.historyKey, promptId: created.prompt.id });
    assert.equal(first.status, 'adopted');
    const before = (await store.repository.getPrompt(created.prompt.id))!.versions.length;
    await api.resultPanel.post({ type: 'improveAgain' });
    // Either a new best version, shown in the panel, or the message there and nothing stored.
    const after = (await store.repository.getPrompt(created.prompt.id))!.versions.length;
    const state = api.resultPanel.state();
    assert.equal(state?.version?.ref.promptId, created.prompt.id);
    if (after === before) {
      assert.equal(state?.version?.versionNo, 1);
      assert.match(state?.notice ?? '', /^No further improvement found; v1 stays best at [\d.]+\/50\.$/, 'the panel says so too');
    } else {
      assert.equal(after, before + 1);
      assert.equal(state?.version?.versionNo, 2);
      assert.match(state?.notice ?? '', /^Stored v2, now best at [\d.]+\/50\.$/);
    }
  });
});
