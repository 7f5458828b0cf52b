import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { InsightsRendered } from '../../src/insights/insightsPanel';
import type { InsightsState } from '../../src/shared/insightsProtocol';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { insightsHistory } from '../helpers/insightsHistory';
import { seedInsightsHistory } from '../helpers/seedInsightsHistory';
import { closeAll, openScratch, prompterApi } from './helpers';

suite('Insights: the dashboard shows the workspace history and follows it', function () {
  this.timeout(60_000);
  let api: PrompterApi;
  let folder: vscode.Uri;
  let storeDir: string;

  suiteSetup(async () => {
    api = await prompterApi();
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    storeDir = vscode.Uri.joinPath(folder, '.prompter').fsPath;
    await seedInsightsHistory(storeDir, insightsHistory({ versions: 60, runsPerPrompt: 4, weeks: 6, endMs: Date.now(), seed: 5 }));
  });

  suiteTeardown(closeAll);

  /** The next render the dashboard reports that satisfies `check`. */
  // NOTE: generous: a webview's first load on a loaded host (several suites building at once) takes seconds.
  function nextRender(check: (rendered: InsightsRendered) => boolean, what: string, timeoutMs = 40_000): Promise<InsightsRendered> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const subscription = api.insights.onDidRender((rendered) => {
        if (!check(rendered)) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(rendered);
      });
    });
  }

  async function showInsights(): Promise<InsightsState> {
    const state = await vscode.commands.executeCommand<InsightsState | undefined>('prompter.showInsights');
    assert.ok(state, 'the command returned nothing (it threw: see Output → Prompter)');
    return state;
  }

  let shown: InsightsState;

  test('Show Insights opens on the active editor’s store, and the webview draws the data it was sent', async () => {
    await openScratch('A prompt in this folder.\n');
    const drawn = nextRender(() => true, 'the first render');
    shown = await showInsights();
    assert.equal(shown.status, 'ready', shown.error);
    assert.equal(shown.storeLabel, vscode.workspace.workspaceFolders![0]!.name);
    const repository = openHistoryStore(storeDir);
    const prompts = await repository.listPrompts();
    const runs = (await repository.listMetrics()).filter((m) => m.kind === 'improve').length;
    assert.equal(shown.model?.prompts, prompts.length);
    assert.equal(shown.model?.versions, prompts.reduce((sum, p) => sum + p.versionCount, 0));
    assert.equal(shown.model?.improveRuns, runs);
    assert.ok((shown.model?.weekly.length ?? 0) >= 5, 'weeks of runs');
    assert.ok(shown.model?.strategies.length, 'strategy statistics from the learning state');
    const rendered = await drawn;
    assert.equal(rendered.storeKey, shown.storeKey);
    assert.equal(rendered.improveRuns, runs);
    assert.ok(rendered.renderMs > 0 && rendered.renderMs < 5000, `rendered in ${rendered.renderMs} ms`);
  });

  test('a write by another process (the CLI, another window) refreshes the dashboard', async () => {
    const runs = shown.model!.improveRuns;
    const refreshed = nextRender((r) => r.improveRuns === runs + 1, 'a render with one more improve run');
    const other = openHistoryStore(storeDir);
    const created = await other.createPrompt('Written by another process.', { file: 'elsewhere.prompt.md' });
    await other.recordMetric({ kind: 'improve', promptId: created.prompt.id, engine: 'heuristic@1', timeToResultMs: 25, adopted: false, total: 20 });
    const rendered = await refreshed;
    assert.equal(rendered.versions, shown.model!.versions + 1);
  });

  test('a dashboard hidden behind an editor catches up when it is shown again', async () => {
    const runs = (await showInsights()).model!.improveRuns;
    await openScratch('Another prompt, opened over the dashboard.\n');
    const other = openHistoryStore(storeDir);
    await other.recordMetric({ kind: 'improve', engine: 'heuristic@1', timeToResultMs: 30, adopted: true, total: 33 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const caughtUp = nextRender((r) => r.improveRuns === runs + 1, 'a render after the dashboard was shown again');
    // Back to the dashboard's tab, as a person clicks it (not the command, which would reload anyway).
    await vscode.commands.executeCommand('workbench.action.previousEditor');
    await caughtUp;
  });

  test('Export Insights writes CSV with one figure per row and JSON with every figure', async () => {
    const model = (await showInsights()).model!;
    const csvUri = vscode.Uri.joinPath(folder, 'scratch', 'insights.csv');
    const jsonUri = vscode.Uri.joinPath(folder, 'scratch', 'insights.json');
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('prompter.exportInsights', 'csv', csvUri))?.toString(), csvUri.toString());
    await vscode.commands.executeCommand('prompter.exportInsights', 'json', jsonUri);

    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri));
    const lines = csv.split('\r\n').filter(Boolean);
    assert.equal(lines[0], 'section,key,metric,value');
    // No field of these rows needs quoting: ids, weeks and numbers.
    const rows = lines.slice(1).map((line) => line.split(','));
    assert.ok(rows.every((row) => row.length === 4), 'four fields a row');
    assert.deepEqual(rows.find((row) => row[2] === 'improveRuns'), ['summary', '', 'improveRuns', String(model.improveRuns)]);
    assert.equal(rows.filter((row) => row[0] === 'weekly' && row[2] === 'runs').length, model.weekly.length);

    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonUri))) as InsightsState['model'] & { store: string; exportedAt: string };
    assert.equal(json.store, vscode.workspace.workspaceFolders![0]!.name);
    assert.ok(!Number.isNaN(Date.parse(json.exportedAt)));
    assert.deepEqual(json.weekly, model.weekly);
    assert.deepEqual(json.strategies, model.strategies);
  });
});
