import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { improveRunOptions } from '../../../src/commands/runOptions';
import { linkLearning } from '../../../src/core/learningStore';
import type { ChatModel } from '../../../src/core/model/chatModel';
import type { WorkspaceHistory } from '../../../src/history/historyStores';
import { improveIntoHistory } from '../../../src/history/improveIntoHistory';
import type { LmChatLike, LmRuntime } from '../../../src/llm/lmChatModel';
import { lmChatModel } from '../../../src/llm/lmChatModel';
import { openAiCompatibleModel } from '../../../src/llm/openAiCompatibleModel';
import { unavailableModel } from '../../../src/llm/unavailableModel';
import type { PrompterSettings } from '../../../src/settings';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import type { ChatCall } from '../llm/chatServer';
import { startChatServer } from '../llm/chatServer';
import { goodModel, keepingRewrite, panel } from '../llm/scriptedModel';

const PROMPT = 'Summarize {{document}} in 3 bullet points for "busy managers".\n';
const SETTINGS: PrompterSettings = { inlineDiff: true, candidates: 3, openPanelOnImprove: false, historyLocation: 'workspaceFolder', maxPromptCharacters: 200_000 };
const open = (): AbortSignal => new AbortController().signal;

function history(): WorkspaceHistory {
  const repository = openHistoryStore(mkdtempSync(join(tmpdir(), 'prompter-editor-model-')));
  return { key: 'test-store', location: { uri: undefined, label: 'test' } as never, repository, learning: linkLearning(repository, () => undefined) };
}

// A fake vscode.LanguageModelChat answering as the scripted good model: vscode.lm has no system role, so
// the rubric arrives folded into the first user message, and the kind of request is read from it.
interface FakeMessage {
  role: 'user' | 'assistant';
  content: string;
}
const PANEL_TEXT = /Prompt ([A-H]) \(data between the markers\):\n<<<PROMPT\n([\s\S]*?)\nPROMPT>>>/g;
const FENCED = /<<<PROMPT\n([\s\S]*?)\nPROMPT>>>/;

function asCall(content: string): Pick<ChatCall, 'kind' | 'style' | 'texts'> {
  if (content.includes('You are shown')) return { kind: 'panel', texts: [...content.matchAll(PANEL_TEXT)].map((match) => ({ label: match[1]!, text: match[2]! })) };
  if (content.includes('expert prompt engineer')) {
    const style = content.includes('XML tags') ? 'xml' : content.includes('compact') ? 'compact' : 'markdown';
    return { kind: 'rewrite', style, texts: [{ label: '', text: FENCED.exec(content)![1]! }] };
  }
  return { kind: 'judge', texts: [{ label: '', text: FENCED.exec(content)![1]! }] };
}

async function* once(text: string): AsyncIterable<string> {
  await Promise.resolve();
  yield text;
}

const fakeCopilot: LmChatLike<FakeMessage, object> = {
  id: 'copilot-gpt-4o',
  vendor: 'copilot',
  family: 'gpt-4o',
  name: 'GPT-4o',
  sendRequest(messages) {
    const call = asCall(messages[0]!.content) as ChatCall;
    const answer = call.kind === 'rewrite' ? keepingRewrite(call) : call.kind === 'panel' ? panel(call, (_, text) => (text.includes('## Task') ? 8 : 4)) : '{}';
    return Promise.resolve({ text: once(answer) });
  },
};

const runtime: LmRuntime<FakeMessage, object> = {
  user: (content) => ({ role: 'user', content }),
  assistant: (content) => ({ role: 'assistant', content }),
  cancellationSource: () => ({ token: {}, cancel: () => undefined, dispose: () => undefined }),
  errorCode: () => undefined,
  canSendRequest: () => true,
};

const run = (model: ChatModel, signal = open()) => ({ model, deadline: () => signal, preflight: () => ({ ok: true as const, remaining: 10 }) });

describe('editor improve runs with a model (improveRunOptions → improveIntoHistory)', () => {
  it('no model: the heuristic engine, no fallback reason', () => {
    assert.equal(improveRunOptions(SETTINGS).improve, undefined);
  });

  it('the vscode.lm path through the provider interface: a fake Copilot model rewrites, v1 is stored as engine/llm:copilot/gpt-4o', async () => {
    const store = history();
    const model = lmChatModel(fakeCopilot, runtime, 'why');
    const result = await improveIntoHistory(store, PROMPT, {}, improveRunOptions(SETTINGS, run(model)));
    assert.equal(result.result.engine.id, 'llm:copilot/gpt-4o', JSON.stringify(result.result.engine));
    assert.equal(result.stored?.adopted, true);
    const detail = (await store.repository.getPrompt(result.stored.promptId))!;
    assert.equal(detail.versions[1]!.version.source, 'engine/llm:copilot/gpt-4o');
    assert.equal(detail.versions[1]!.scores[0]!.judge, 'llm:copilot/gpt-4o');
    assert.equal(detail.versions[0]!.scores[0]!.judge, 'llm:copilot/gpt-4o', 'v0 is scored by the same judge as v1');
  });

  it('a vscode.lm model that is not available: the heuristic rewrite is stored, with the reason "unavailable"', async () => {
    const store = history();
    const model = unavailableModel('copilot/gpt-4o', 'vscode.lm', 'unavailable', 'VS Code offers no language model copilot/gpt-4o');
    const result = await improveIntoHistory(store, PROMPT, {}, improveRunOptions(SETTINGS, run(model)));
    assert.equal(result.result.engine.id, 'heuristic@1');
    assert.equal(result.result.engine.fallbackReason, 'unavailable');
    const detail = (await store.repository.getPrompt(result.stored!.promptId))!;
    assert.deepEqual(detail.versions[1]!.version.engine, { id: 'heuristic@1', rendering: result.result.style, fallbackReason: 'unavailable' });
  });

  it('cancelling aborts the requests in flight and returns the heuristic result at once, reason "cancelled"', async () => {
    const server = await startChatServer((call) => ({ slowMs: 20_000, json: JSON.stringify(goodModel(call)) }));
    try {
      const store = history();
      const model = openAiCompatibleModel({ baseUrl: server.url, model: 'slow', timeoutMs: 15_000 });
      const controller = new AbortController();
      const running = improveIntoHistory(store, PROMPT, {}, improveRunOptions(SETTINGS, run(model, AbortSignal.any([controller.signal, AbortSignal.timeout(15_000)]))));
      while (server.calls.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
      const started = performance.now();
      controller.abort();
      const result = await running;
      const ms = performance.now() - started;
      assert.equal(result.result.engine.fallbackReason, 'cancelled', JSON.stringify(result.result.engine));
      assert.equal(result.result.engine.id, 'heuristic@1');
      assert.ok(ms < 3000, `the result came ${Math.round(ms)} ms after the cancel`);
      assert.equal(server.calls.length, 3, 'the three rewrites were asked; the judge never was');
      assert.ok(result.stored?.versionId, 'the heuristic rewrite is stored');
    } finally {
      await server.close();
    }
  });
});
