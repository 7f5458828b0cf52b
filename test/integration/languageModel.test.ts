/**
 * The language model in the real editor: a loopback OpenAI-compatible server started here (the unit tests'
 * scripted server, bundled into this suite), the person's settings pointed at it, and the key set through
 * *Set API Key*. Each scripted behaviour ends as documented, nothing is lost from the history, and the key
 * appears in no log, settings file or store file.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ApiKeyOutcome } from '../../src/commands/apiKeyCommands';
import type { ImproveOutcome } from '../../src/commands/improveCommand';
import type { ScoreOutcome } from '../../src/commands/scoreCommand';
import type { SelectModelOutcome } from '../../src/commands/selectModelCommand';
import type { ChatCall, ChatServer, Reply } from '../unit/llm/chatServer';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { startChatServer } from '../unit/llm/chatServer';
import { goodModel } from '../unit/llm/scriptedModel';
import { closeAll, filesUnder, hostUserData, improve, openScratch, prompterApi, prompterLogs, ROUGH_PROMPT, selectBetween, SURROUNDED, until } from './helpers';

const KEY = 'sk-host-test-7f3a9c-NEVER-IN-A-FILE';
const MODEL = 'host-test-model';
const TIMEOUT_SECONDS = 4;
const MODEL_SETTINGS = ['provider', 'baseUrl', 'name', 'timeoutSeconds', 'maxCallsPerHour'];

/** The files of `paths` that contain `needle`. */
function filesContaining(paths: readonly string[], needle: string): string[] {
  return paths.filter((path) => statSync(path).size < 50_000_000 && readFileSync(path).includes(needle));
}

/** Answers the next input box with `value`, as a person typing it would (the real command runs). */
async function withInputBoxAnswer<T>(value: string, run: () => Thenable<T>): Promise<{ result: T; options: vscode.InputBoxOptions | undefined }> {
  const window = vscode.window as { showInputBox: typeof vscode.window.showInputBox };
  const original = window.showInputBox;
  let seen: vscode.InputBoxOptions | undefined;
  window.showInputBox = (options?: vscode.InputBoxOptions) => {
    seen = options;
    return Promise.resolve(value);
  };
  try {
    return { result: await run(), options: seen };
  } finally {
    window.showInputBox = original;
  }
}

suite('Language model: Improve Prompt and Score Prompt against a loopback endpoint', function () {
  // A loaded machine stretches the first improve of a window (store, panel) well past mocha's default.
  this.timeout(60_000);
  let server: ChatServer;
  let script: (call: ChatCall) => Reply = goodModel;
  const stored: { promptId: string; text: string; improved: string }[] = [];
  const config = () => vscode.workspace.getConfiguration('prompter.model');

  suiteSetup(async () => {
    // Open the workspace's store before any deadline runs.
    await (await prompterApi()).history.listPrompts();
    server = await startChatServer((call) => script(call));
    // The first fetch of a process loads its HTTP client: do that here, not inside the first deadline.
    await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: MODEL, messages: [] }) });
    await config().update('provider', 'openai-compatible', vscode.ConfigurationTarget.Global);
    await config().update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
    await config().update('name', MODEL, vscode.ConfigurationTarget.Global);
    await config().update('timeoutSeconds', TIMEOUT_SECONDS, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('prompter.clearApiKey');
    for (const key of MODEL_SETTINGS) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
  });

  setup(() => {
    script = goodModel;
    server.calls.length = 0;
  });
  teardown(closeAll);

  async function improveRough(): Promise<{ outcome: Extract<ImproveOutcome, { status: 'shown' }>; ms: number }> {
    const editor = await openScratch(SURROUNDED);
    selectBetween(editor, 'Summarize', 'too long.\n');
    const started = performance.now();
    const outcome = await improve();
    const ms = performance.now() - started;
    assert.equal(outcome.status, 'shown', JSON.stringify(outcome).slice(0, 400));
    if (outcome.status !== 'shown') throw new Error('unreachable');
    assert.ok(outcome.stored?.promptId, 'the run was stored');
    stored.push({ promptId: outcome.stored.promptId, text: ROUGH_PROMPT, improved: outcome.result.improved });
    return { outcome, ms };
  }

  test('Set API Key takes the key from a password box and keeps it for the endpoint only', async () => {
    const { result, options } = await withInputBoxAnswer(KEY, () => vscode.commands.executeCommand<ApiKeyOutcome>('prompter.setApiKey'));
    assert.deepEqual(result, { status: 'stored', origin: server.url });
    assert.equal(options?.password, true, 'the key is typed into a password box');
    assert.ok(options?.title?.includes(server.url), 'the box names the endpoint the key is for');
  });

  test('a good answer: the model’s rewrite is shown and stored as engine/llm:<model>, sent with the key', async () => {
    const { outcome } = await improveRough();
    assert.equal(outcome.result.engine.id, `llm:${MODEL}`, JSON.stringify(outcome.result.engine));
    assert.equal(outcome.result.engine.fallbackReason, undefined);
    assert.equal(outcome.result.source, `engine/llm:${MODEL}`);
    assert.ok(outcome.result.improved.includes('## Task'), 'the scripted rewrite is the one shown');
    const detail = await (await prompterApi()).history.getPrompt(outcome.stored!.promptId);
    const v1 = detail!.versions[1]!;
    assert.equal(v1.version.source, `engine/llm:${MODEL}`);
    assert.equal(v1.scores[0]!.judge, `llm:${MODEL}`);
    assert.ok(v1.scores[0]!.rawModelOutput, 'the judge’s raw answers are kept beside the score');
    assert.deepEqual(
      [...new Set(server.calls.map((call) => call.kind))].sort(),
      ['panel', 'rewrite'],
      'three rewrites and the two-order panel',
    );
    for (const call of server.calls) {
      assert.equal(call.headers.authorization, `Bearer ${KEY}`);
      assert.match(String(call.headers['x-request-id']), /^req-[0-9a-f]{12}$/);
    }
  });

  test('a model’s rewrite: each hunk’s CodeLens and the Details report give the model’s own reasons, never “layout”', async () => {
    const { outcome } = await improveRough();
    assert.equal(outcome.result.source, `engine/llm:${MODEL}`);
    const { bullets, diffs } = outcome.result.explanation;
    assert.ok(diffs.length >= 2 && bullets.length === 2, JSON.stringify(outcome.result.explanation).slice(0, 400));
    const uri = vscode.Uri.parse(outcome.uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const perHunk = lenses.filter((lens) => lens.command?.command === 'prompter.showChangeDetails' && lens.command.arguments?.length === 2);
    assert.deepEqual(perHunk.map((lens) => (lens.command!.arguments as unknown[])[1]), outcome.hunkIds);
    for (const lens of perHunk) {
      // Several hunks share the model's reasons: none is credited with one of them, none is called layout.
      assert.equal(lens.command!.title, 'model rewrite — 2 reasons given for the whole rewrite');
      for (const bullet of bullets) assert.ok(lens.command!.tooltip?.includes(`- ${bullet}`), `${lens.command!.tooltip} lacks ${bullet}`);
    }

    await vscode.commands.executeCommand('prompter.showChangeDetails', uri);
    const report = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'prompter-report', path: '/Prompt Improvement.md' }));
    await until(() => report.getText().includes('## Why each change'), 'the Details report');
    const text = report.getText();
    const why = text.slice(text.indexOf('## Why each change'), text.indexOf('## Candidates'));
    for (const bullet of bullets) assert.ok(why.includes(`- ${bullet}\n`), why);
    assert.ok(!/^- *$/m.test(why), `an empty bullet: ${why}`);
    for (const hunk of diffs) assert.ok(text.includes(`### ${hunk.id} (model rewrite)`), text);
    assert.ok(!text.includes('(layout)'), text);
    await vscode.commands.executeCommand('prompter.rejectAllChanges', uri);
  });

  test('an answer slower than the timeout: the offline rewrite, within the timeout plus the offline path, reason timeout', async () => {
    script = (call) => ({ slowMs: 30_000, json: JSON.stringify(goodModel(call)) });
    const { outcome, ms } = await improveRough();
    assert.equal(outcome.result.engine.id, 'heuristic@1');
    assert.equal(outcome.result.engine.fallbackReason, 'timeout', JSON.stringify(outcome.result.engine));
    // The engine's part (model requests, then the offline rewrite) ends at the deadline; the rest of the
    // command (store, diff) is the offline path's own time, which a loaded machine stretches.
    assert.ok(outcome.engineMs < TIMEOUT_SECONDS * 1000 + 500, `the engine took ${Math.round(outcome.engineMs)} ms`);
    assert.ok(outcome.engineMs >= TIMEOUT_SECONDS * 1000 - 50, `the engine gave up early (${Math.round(outcome.engineMs)} ms)`);
    assert.ok(ms < outcome.engineMs + 10_000, `the command took ${Math.round(ms)} ms`);
    const detail = await (await prompterApi()).history.getPrompt(outcome.stored!.promptId);
    assert.equal(detail!.versions[1]!.version.engine?.fallbackReason, 'timeout');
    assert.equal(detail!.versions[1]!.version.source, 'engine/heuristic@1');
  });

  test('HTTP 500: the offline rewrite, reason http-5xx', async () => {
    script = () => ({ status: 500 });
    const { outcome } = await improveRough();
    assert.equal(outcome.result.engine.id, 'heuristic@1');
    assert.equal(outcome.result.engine.fallbackReason, 'http-5xx', JSON.stringify(outcome.result.engine));
    assert.ok(outcome.engineMs < TIMEOUT_SECONDS * 1000, `an immediate error falls back at once (${Math.round(outcome.engineMs)} ms)`);
  });

  test('cancelling the progress notification aborts the requests and shows the offline rewrite', async () => {
    script = (call) => ({ slowMs: 30_000, json: JSON.stringify(goodModel(call)) });
    const editor = await openScratch(SURROUNDED);
    selectBetween(editor, 'Summarize', 'too long.\n');
    const running = improve();
    await until(() => server.calls.length >= 3, 'the three rewrite requests');
    // The progress notification's primary action is Cancel.
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const outcome = await running;
    assert.equal(outcome.status, 'shown');
    if (outcome.status !== 'shown') return;
    stored.push({ promptId: outcome.stored!.promptId, text: ROUGH_PROMPT, improved: outcome.result.improved });
    assert.equal(outcome.result.engine.fallbackReason, 'cancelled', JSON.stringify(outcome.result.engine));
    assert.ok(outcome.engineMs < TIMEOUT_SECONDS * 1000, `cancelled before the deadline (${Math.round(outcome.engineMs)} ms)`);
  });

  test('Score Prompt: the model judges; on HTTP 500 the offline judge scores and says why', async () => {
    const editor = await openScratch('Write a short poem.\n');
    editor.selection = new vscode.Selection(0, 0, 0, 19);
    const store = openHistoryStore(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.prompter').fsPath);
    const scoreRuns = async () => (await store.listMetrics()).filter((metric) => metric.kind === 'judge');
    const runsBefore = (await scoreRuns()).length;
    const judged = await vscode.commands.executeCommand<ScoreOutcome>('prompter.scorePrompt');
    assert.equal(judged.status, 'scored');
    if (judged.status !== 'scored') return;
    assert.equal(judged.scorecard.judge, `llm:${MODEL}`);
    assert.equal(judged.scorecard.total, 35, 'the scripted judge gives 7 on every axis');
    script = () => ({ status: 500 });
    const fallback = await vscode.commands.executeCommand<ScoreOutcome>('prompter.scorePrompt');
    assert.equal(fallback.status, 'scored');
    if (fallback.status !== 'scored') return;
    assert.equal(fallback.scorecard.judge, 'heuristic@1');
    assert.equal(fallback.engine.fallbackReason, 'http-5xx');
    // Both runs count in the history's heuristic-vs-model usage, the second with its fallback reason.
    assert.deepEqual(
      (await scoreRuns()).slice(runsBefore).map(({ engine, total, fallbackReason }) => ({ engine, total, fallbackReason })),
      [
        { engine: `llm:${MODEL}`, total: 35, fallbackReason: undefined },
        { engine: 'heuristic@1', total: fallback.scorecard.total, fallbackReason: 'http-5xx' },
      ],
    );
  });

  test('nothing is lost from the history: every run above has its original as v0 and its rewrite as v1', async () => {
    assert.ok(stored.length >= 4, `runs recorded: ${stored.length}`);
    const api = await prompterApi();
    for (const run of stored) {
      const detail = await api.history.getPrompt(run.promptId);
      assert.ok(detail, `prompt ${run.promptId} is in the history`);
      assert.equal(detail.versions[0]!.version.text, run.text);
      assert.equal(detail.versions[1]!.version.text, run.improved);
    }
  });

  test('the hourly ceiling counts the calls of every command so far (global state): over it, no call is made, reason budget', async () => {
    await config().update('maxCallsPerHour', 6, vscode.ConfigurationTarget.Global);
    try {
      const { outcome } = await improveRough();
      assert.equal(outcome.result.engine.fallbackReason, 'budget', JSON.stringify(outcome.result.engine));
      assert.match(outcome.result.engine.fallbackDetail ?? '', /limit of 6 model calls per hour/);
      assert.equal(server.calls.length, 0, 'nothing was sent');
    } finally {
      await config().update('maxCallsPerHour', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Select Model with VS Code language models when there are none says so and changes nothing', async () => {
    const outcome = await vscode.commands.executeCommand<SelectModelOutcome>('prompter.selectModel', { provider: 'vscode-lm' });
    assert.equal(outcome.status, 'no-models', JSON.stringify(outcome));
    assert.equal(config().get('provider'), 'openai-compatible', 'the provider is unchanged');
  });

  test('the key appears in no log, settings file or history file', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const workspaceFiles = filesUnder(folder);
    assert.ok(workspaceFiles.some((path) => path.includes('.prompter')), 'the store is in the workspace');
    assert.deepEqual(filesContaining(workspaceFiles, KEY), [], 'workspace files (the store, .vscode)');
    // The host's user data (settings, logs) lives beside its TMPDIR in test/host runs; on desktop VS Code
    // the runner's folders are elsewhere and only the workspace is checked.
    const userData = hostUserData();
    const logs = prompterLogs();
    if (userData === undefined || logs === undefined) return;
    await until(() => logs().some((path) => readFileSync(path, 'utf8').includes(`model req-`)), 'the output channel log on disk', 10_000);
    const modelLines = logs()
      .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
      .filter((line) => / model req-|^\s+(sent|answer): /.test(line));
    const withText = modelLines.filter((line) => line.includes('Summarize this article') || /^\s+(sent|answer): /.test(line));
    assert.deepEqual(withText, [], 'no prompt or answer text in the model log lines without prompter.model.logPrompts');
    const files = filesUnder(userData);
    assert.ok(files.some((path) => path.endsWith('settings.json') && readFileSync(path, 'utf8').includes(server.url)), 'the settings file with the endpoint was checked');
    assert.deepEqual(filesContaining(files, KEY), [], 'user data: settings, logs, state');
  });

  test('a workspace’s own settings cannot turn a model on or point it elsewhere', async () => {
    await config().update('provider', undefined, vscode.ConfigurationTarget.Global);
    const folder = vscode.workspace.workspaceFolders![0]!;
    const settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const hostile = { 'prompter.model.provider': 'openai-compatible', 'prompter.model.baseUrl': server.url, 'prompter.model.name': 'stolen', 'prompter.candidates': 2 };
    await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(hostile)));
    const candidates = () => vscode.workspace.getConfiguration('prompter', folder.uri).get('candidates');
    try {
      // The window-scoped canary shows the file was read.
      await until(() => candidates() === 2, 'the workspace settings to load', 10_000);
      const { outcome } = await improveRough();
      assert.equal(outcome.result.engine.id, 'heuristic@1');
      assert.equal(outcome.result.engine.fallbackReason, undefined, 'no model was asked');
      assert.equal(server.calls.length, 0, 'nothing was sent to the endpoint the workspace named');
    } finally {
      await vscode.workspace.fs.delete(settingsFile);
      await until(() => candidates() === 3, 'the workspace settings to unload', 10_000);
    }
  });
});
