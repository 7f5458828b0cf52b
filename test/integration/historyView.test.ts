import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { ImproveAgainOutcome } from '../../src/commands/improveAgainCommand';
import type { HistoryRepository, NewVersion } from '../../src/core/history';
import type { HistoryStores, WorkspaceHistory } from '../../src/history/historyStores';
import type { HistoryActionOutcome } from '../../src/history/tree/historyActions';
import type { HistoryNode, PromptNode, VersionNode } from '../../src/history/tree/historyNodes';
import { HistoryTreeProvider } from '../../src/history/tree/historyTreeProvider';
import type { ShowHistoryOutcome } from '../../src/history/tree/registerHistoryView';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { scoreOf } from '../helpers/scorecards';
import { closeAll, improve, openScratch, prompterApi, ROUGH_PROMPT, selectBetween, SURROUNDED, until } from './helpers';

/** Runs a History command and returns what it did. */
function run<T = HistoryActionOutcome>(command: string, ...args: unknown[]): Promise<T> {
  return vscode.commands.executeCommand<T>(command, ...args) as Promise<T>;
}

/** A rewrite of `text` to append as a version (the test writes as the CLI or another window would). */
function rewrite(text: string, parentVersionId: string): NewVersion {
  return {
    text,
    explanation: { bullets: ['Test rewrite.'], diffs: [] },
    source: 'engine/heuristic@1',
    strategies: [],
    parentVersionId,
    engine: { id: 'heuristic@1' },
    timeToResultMs: 1,
  };
}

/** Resolves on the view's next refresh. */
function nextRefresh(api: PrompterApi): Promise<void> {
  return new Promise((resolve) => {
    const subscription = api.historyView.onDidRefresh(() => {
      subscription.dispose();
      resolve();
    });
  });
}

const TEXTS = ['Write a haiku about autumn.', 'Write a haiku about autumn leaves.\nUse 5-7-5 syllables.', 'You are a poet.\nWrite a haiku about autumn leaves.\nUse 5-7-5 syllables.'];

suite('History view: the tree, its actions and its refreshes', function () {
  // The first improve in a fresh window opens the editor, the panel's webview and the store; on a busy
  // two-core machine that alone has taken 15–20 s.
  this.timeout(60_000);
  let api: PrompterApi;
  let storeDir: string;
  let other: HistoryRepository;
  /** The store's key, as the extension names it (its folder's URI). */
  let historyKey: string;

  suiteSetup(async () => {
    api = await prompterApi();
    const storeUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.prompter');
    storeDir = storeUri.fsPath;
    historyKey = storeUri.toString();
    other = openHistoryStore(storeDir);
  });

  teardown(closeAll);

  /** The top-level node of a prompt (one workspace folder: the prompts are the top level). */
  async function promptNode(promptId: string): Promise<PromptNode | undefined> {
    const roots = await api.historyView.getChildren();
    return roots.find((node): node is PromptNode => node.kind === 'prompt' && node.prompt.id === promptId);
  }

  async function versionNodes(promptId: string): Promise<VersionNode[]> {
    const prompt = await promptNode(promptId);
    assert.ok(prompt, `prompt ${promptId} is not in the tree`);
    const children = await api.historyView.getChildren(prompt);
    return children.filter((node): node is VersionNode => node.kind === 'version');
  }

  /** A prompt with v0, v1 and v2 (v2 best), written through a second repository as the CLI would. */
  async function threeVersions() {
    const created = await other.createPrompt(TEXTS[0]!, { file: 'poems/haiku.prompt.md' }, { score: scoreOf(10) });
    const v1 = await other.appendVersion(created.prompt.id, rewrite(TEXTS[1]!, created.original.id), scoreOf(20), { adoptIfAtLeastBest: true });
    assert.ok(v1.stored);
    const v2 = await other.appendVersion(created.prompt.id, rewrite(TEXTS[2]!, v1.version.id), scoreOf(30), { adoptIfAtLeastBest: true });
    assert.ok(v2.stored);
    const ref = (versionId: string) => ({ historyKey, promptId: created.prompt.id, versionId });
    return { promptId: created.prompt.id, v0: ref(created.original.id), v1: ref(v1.version.id), v2: ref(v2.version.id) };
  }

  test('after Improve Prompt the tree lists the prompt → v0 original and v1, with scores and the best marked', async () => {
    const editor = await openScratch(SURROUNDED);
    selectBetween(editor, 'Summarize', 'too long.\n');
    const outcome = await improve();
    assert.ok(outcome.status === 'shown' && outcome.stored, 'the run was not stored');
    const { stored, result } = outcome;

    const prompt = await promptNode(stored.promptId);
    assert.ok(prompt, 'the improved prompt is not at the top of the tree');
    const promptItem = api.historyView.getTreeItem(prompt);
    assert.equal(promptItem.label, 'Summarize this article for me…');
    assert.match(String(promptItem.description), new RegExp(`^${result.judge.after.total}/50 · `));
    assert.equal(promptItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(promptItem.contextValue, 'prompt.improved');
    assert.ok((promptItem.tooltip as vscode.MarkdownString).value.includes(ROUGH_PROMPT.trim()), 'the tooltip does not show the prompt');

    const versions = await versionNodes(stored.promptId);
    const items = versions.map((node) => api.historyView.getTreeItem(node));
    assert.deepEqual(
      items.map((item) => [item.label, item.description]),
      [
        ['v0', `${result.judge.before.total}/50 · original`],
        ['v1', `${result.judge.after.total}/50 · heuristic · best`],
      ],
    );
    assert.equal((items[1]!.iconPath as vscode.ThemeIcon).id, 'star-full', 'the best version has no star');
    assert.notEqual((items[0]!.iconPath as vscode.ThemeIcon).id, 'star-full');
    assert.deepEqual(
      items.map((item) => item.contextValue),
      ['version.original', 'version.revision'],
    );
    // A click opens the version in the result panel.
    assert.equal(items[1]!.command?.command, 'prompter.openVersion');
    assert.deepEqual(items[1]!.command?.arguments, [{ historyKey: stored.historyKey, promptId: stored.promptId, versionId: stored.versionId }]);
    assert.ok(items.every((item) => item.id && !item.id.includes('undefined')), 'every item has a stable id');
  });

  test('clicking a version runs its command, and the result panel shows that version', async () => {
    const { promptId, v1 } = await threeVersions();
    const node = (await versionNodes(promptId)).find((version) => version.version.id === v1.versionId)!;
    const click = api.historyView.getTreeItem(node).command!;
    const args: unknown[] = click.arguments ?? [];
    await vscode.commands.executeCommand(click.command, ...args);
    await until(() => api.resultPanel.state()?.version?.ref.versionId === v1.versionId, 'the panel to show v1', 10_000);
    assert.equal(api.resultPanel.state()?.rewrite, TEXTS[1]);
  });

  test('another process writing to the store refreshes the tree', async () => {
    await api.historyView.getChildren();
    await new Promise((resolve) => setTimeout(resolve, 400)); // let this window's earlier writes settle
    const refreshed = nextRefresh(api);
    const created = await other.createPrompt('Written by the CLI while the view was open.', { file: 'cli.prompt.md' });
    await refreshed;
    assert.ok(await promptNode(created.prompt.id), 'the tree did not pick up the other process’s prompt');
  });

  test('Compare with Previous / with Original / Best with Original open the diff editor on the stored texts', async () => {
    const { v0, v1, v2, promptId } = await threeVersions();
    const expectDiff = async (outcome: HistoryActionOutcome, leftText: string, rightText: string, title: string) => {
      assert.equal(outcome.status, 'compared', JSON.stringify(outcome));
      if (outcome.status !== 'compared') return;
      assert.equal(outcome.title, title);
      const left = await vscode.workspace.openTextDocument(vscode.Uri.parse(outcome.left));
      const right = await vscode.workspace.openTextDocument(vscode.Uri.parse(outcome.right));
      assert.equal(left.getText(), leftText);
      assert.equal(right.getText(), rightText);
      await until(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'the diff editor');
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab!;
      const input = tab.input as vscode.TabInputTextDiff;
      assert.equal(input.original.toString(), outcome.left);
      assert.equal(input.modified.toString(), outcome.right);
      assert.equal(tab.label, title);
    };
    await expectDiff(await run('prompter.history.compareWithPrevious', v2), TEXTS[1]!, TEXTS[2]!, 'haiku.prompt.md v1 ↔ v2');
    await expectDiff(await run('prompter.history.compareWithOriginal', v2), TEXTS[0]!, TEXTS[2]!, 'haiku.prompt.md v0 ↔ v2');
    await expectDiff(await run('prompter.history.compareBestWithOriginal', { historyKey, promptId }), TEXTS[0]!, TEXTS[2]!, 'haiku.prompt.md v0 ↔ v2');
    // From the tree's own node, as the context menu passes it.
    const node = (await versionNodes(promptId)).find((version) => version.version.id === v1.versionId)!;
    await expectDiff(await run('prompter.history.compareWithPrevious', node), TEXTS[0]!, TEXTS[1]!, 'haiku.prompt.md v0 ↔ v1');
    const refused = await run('prompter.history.compareWithPrevious', v0);
    assert.equal(refused.status, 'refused');
    // A version improved from an older one (Improve from This Version) compares with what it was made from.
    const fromV0 = await other.appendVersion(promptId, rewrite(TEXTS[2]!.toUpperCase(), v0.versionId), scoreOf(25), { adoptIfAtLeastBest: true });
    assert.ok(fromV0.stored);
    await expectDiff(await run('prompter.history.compareWithPrevious', { ...v0, versionId: fromV0.version.id }), TEXTS[0]!, TEXTS[2]!.toUpperCase(), 'haiku.prompt.md v0 ↔ v3');
  });

  test('Insert at Cursor, Replace Selection and Copy put the version’s text where they say', async () => {
    const { v1, v2 } = await threeVersions();
    const editor = await openScratch('first line\nsecond line\n');
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const inserted = await run('prompter.history.insertAtCursor', v1);
    assert.equal(inserted.status, 'inserted', JSON.stringify(inserted));
    assert.equal(editor.document.getText(), `first line\n${TEXTS[1]}second line\n`);

    const start = editor.document.getText().indexOf('second');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'second line'.length));
    const replaced = await run('prompter.history.replaceSelection', v2);
    assert.equal(replaced.status, 'replaced', JSON.stringify(replaced));
    assert.equal(editor.document.getText(), `first line\n${TEXTS[1]}${TEXTS[2]}\n`);

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const before = editor.document.getText();
    const nothingSelected = await run('prompter.history.replaceSelection', v2);
    assert.equal(nothingSelected.status, 'refused');
    assert.equal(editor.document.getText(), before, 'Replace Selection without a selection changed the document');

    const copied = await run('prompter.history.copyVersion', v2);
    assert.equal(copied.status, 'copied');
    assert.equal(await vscode.env.clipboard.readText(), TEXTS[2]);

    await closeAll();
    const noEditor = await run('prompter.history.insertAtCursor', v1);
    assert.equal(noEditor.status, 'refused');
    assert.match(noEditor.status === 'refused' ? noEditor.message : '', /no text editor/);
  });

  test('Delete Version and Delete Prompt remove from the store and the tree follows; v0 goes only with its prompt', async () => {
    const { v0, v2, promptId } = await threeVersions();
    assert.equal((await versionNodes(promptId)).length, 3);

    let refreshed = nextRefresh(api);
    const deleted = await run('prompter.history.deleteVersion', v2, { confirm: false });
    assert.deepEqual(deleted, { status: 'deleted', deleted: 'version' });
    await refreshed;
    const left = await versionNodes(promptId);
    assert.deepEqual(
      left.map((node) => node.version.versionNo),
      [0, 1],
    );
    assert.ok(left[1]!.isBest, 'the best of the rest did not take the deleted best’s place');
    assert.equal(api.historyView.getTreeItem(left[1]!).description, '20/50 · heuristic · best');

    // v0 is the original: deleting it deletes the prompt (after asking; here the caller confirmed).
    refreshed = nextRefresh(api);
    assert.deepEqual(await run('prompter.history.deleteVersion', v0, { confirm: false }), { status: 'deleted', deleted: 'prompt' });
    await refreshed;
    assert.equal(await promptNode(promptId), undefined, 'the prompt is still in the tree');
    assert.equal(await other.getPrompt(promptId), undefined);

    const second = await threeVersions();
    refreshed = nextRefresh(api);
    assert.deepEqual(await run('prompter.history.deletePrompt', { historyKey, promptId: second.promptId }, { confirm: false }), { status: 'deleted', deleted: 'prompt' });
    await refreshed;
    assert.equal(await promptNode(second.promptId), undefined);
    const gone = await run('prompter.history.copyVersion', second.v1);
    assert.equal(gone.status, 'refused', 'an action on a deleted version did not say it is gone');
  });

  test('Show History reveals and selects a version or a prompt; an unknown one gets a message', async () => {
    const { v1, promptId } = await threeVersions();
    const shown = await run<ShowHistoryOutcome>('prompter.showHistory', v1);
    assert.equal(shown.revealed, `version:${historyKey}#${v1.versionId}`);
    const prompt = await run<ShowHistoryOutcome>('prompter.showHistory', { historyKey, promptId });
    assert.equal(prompt.revealed, `prompt:${historyKey}#${promptId}`);
    const missing = await run<ShowHistoryOutcome>('prompter.showHistory', { historyKey, promptId: 'p-does-not-exist' });
    assert.equal(missing.revealed, undefined);
    assert.ok(missing.message);
  });

  test('Improve from This Version and Improve Again run prompter.improveAgain from that version, or from the best', async () => {
    const { v1, promptId } = await threeVersions();
    /** The version an Improve Again run started from: the parent of what it stored (nothing is stored without a gain). */
    const startedFrom = async (outcome: ImproveAgainOutcome | undefined) => {
      assert.ok(outcome && (outcome.status === 'adopted' || outcome.status === 'no-gain'), JSON.stringify(outcome).slice(0, 300));
      assert.equal(outcome.stored.promptId, promptId);
      if (outcome.status !== 'adopted' || !outcome.stored.versionId) return undefined;
      return (await other.getVersion(outcome.stored.versionId))?.version.parentVersionId ?? undefined;
    };
    const fromVersion = await run<ImproveAgainOutcome>('prompter.history.improveFromVersion', v1);
    assert.ok([undefined, v1.versionId].includes(await startedFrom(fromVersion)), 'improved from another version than v1');
    const best = (await other.getPrompt(promptId))!.prompt.bestVersionId;
    const fromBest = await run<ImproveAgainOutcome>('prompter.history.improveAgain', await promptNode(promptId));
    assert.ok([undefined, best].includes(await startedFrom(fromBest)), `improved from another version than the best, ${best}`);
  });

  test('a store written by a newer Prompter shows a notice in the tree instead of failing', async () => {
    const aside = `${storeDir}.aside`;
    renameSync(storeDir, aside);
    try {
      mkdirSync(storeDir);
      writeFileSync(join(storeDir, 'store.json'), JSON.stringify({ schemaVersion: 99, kind: 'prompter-history', revision: 1, updatedAt: 0, indexPages: 1, feedbackSegments: 0, metricSegments: 0 }));
      const roots: HistoryNode[] = await api.historyView.getChildren();
      assert.equal(roots.length, 1, JSON.stringify(roots));
      const notice = roots[0]!;
      assert.equal(notice.kind, 'notice');
      const item = api.historyView.getTreeItem(notice);
      assert.equal(item.label, 'Cannot read the history');
      assert.match(item.tooltip as string, /newer/i);
      assert.equal(item.command?.command, 'prompter.history.refresh', 'the notice does not offer a retry');
    } finally {
      rmSync(storeDir, { recursive: true, force: true });
      renameSync(aside, storeDir);
    }
    assert.ok((await api.historyView.getChildren()).every((node) => node.kind === 'prompt'));
  });

  test('an empty history has no top-level items, so the welcome view shows', async () => {
    const config = vscode.workspace.getConfiguration('prompter');
    // Another location for this workspace's history: a store nobody wrote to yet.
    await config.update('history.location', 'extensionStorage', vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(await api.historyView.getChildren(), []);
    } finally {
      await config.update('history.location', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.ok((await api.historyView.getChildren()).length > 0);
  });
});

suite('History view: several stores (a multi-root workspace)', () => {
  // NOTE: the test host opens one folder, so a provider is built here over two stores of its own; it
  // is the class the extension registers, given the same interface HistoryStores offers.
  const dirs: string[] = [];
  const log = vscode.window.createOutputChannel('Prompter history view test', { log: true });
  suiteTeardown(() => {
    log.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function store(label: string): WorkspaceHistory {
    const dir = mkdtempSync(join(tmpdir(), `prompter-view-${label}-`));
    dirs.push(dir);
    const uri = vscode.Uri.file(dir);
    return { key: uri.toString(), location: { uri, label }, repository: openHistoryStore(dir) } as unknown as WorkspaceHistory;
  }

  function providerOver(stores: WorkspaceHistory[]): HistoryTreeProvider {
    const changed = new vscode.EventEmitter<WorkspaceHistory | undefined>();
    const fake = { all: () => stores, byKey: (key: string) => stores.find((history) => history.key === key), onDidChange: changed.event };
    return new HistoryTreeProvider(fake as unknown as HistoryStores, log);
  }

  test('a level per store, named after its folder with its prompt count; nothing at all when every store is empty', async () => {
    const app = store('app');
    const docs = store('docs');
    const provider = providerOver([app, docs]);
    try {
      assert.deepEqual(await provider.getChildren(), [], 'empty stores everywhere: the welcome view');
      const created = await app.repository.createPrompt('Explain the build.', { file: 'build.prompt.md' }, { score: scoreOf(12) });
      const roots = await provider.getChildren();
      assert.deepEqual(
        roots.map((node) => [node.kind, provider.getTreeItem(node).label, provider.getTreeItem(node).description]),
        [
          ['store', 'app', '1 prompt'],
          ['store', 'docs', '0 prompts'],
        ],
      );
      const prompts = await provider.getChildren(roots[0]);
      assert.equal(prompts.length, 1);
      const prompt = prompts[0] as PromptNode;
      assert.equal(prompt.prompt.id, created.prompt.id);
      // reveal() climbs with getParent: version → prompt → store.
      const [v0] = (await provider.getChildren(prompt)) as VersionNode[];
      const parent = await provider.getParent(v0!);
      assert.equal(parent?.kind === 'prompt' && parent.prompt.id, created.prompt.id);
      const grandParent = await provider.getParent(parent!);
      assert.equal(grandParent?.kind === 'store' && grandParent.historyKey, app.key);
    } finally {
      provider.dispose();
    }
  });

  test('a store that cannot be read is marked, and says why one level down; the others still show', async () => {
    const good = store('good');
    const bad = store('bad');
    await good.repository.createPrompt('Draft the release notes.', {});
    writeFileSync(join(bad.location.uri.fsPath, 'store.json'), JSON.stringify({ schemaVersion: 99, kind: 'prompter-history', revision: 1, updatedAt: 0, indexPages: 1, feedbackSegments: 0, metricSegments: 0 }));
    const provider = providerOver([good, bad]);
    try {
      const roots = await provider.getChildren();
      assert.deepEqual(
        roots.map((node) => provider.getTreeItem(node).description),
        ['1 prompt', 'cannot be read'],
      );
      const [notice] = await provider.getChildren(roots[1]);
      assert.equal(notice?.kind, 'notice');
      assert.match(provider.getTreeItem(notice).tooltip as string, /newer/i);
    } finally {
      provider.dispose();
    }
  });
});
