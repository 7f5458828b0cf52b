import { strict as assert } from 'node:assert';
import type { ChatModel } from '../../../src/core/model/chatModel';
import { ModelCallError } from '../../../src/core/model/chatModel';
import { improveWithModel } from '../../../src/core/model/improveWithModel';
import { judgeWithModel } from '../../../src/core/model/modelJudge';
import type { CancellationSourceLike, LmChatLike, LmRuntime } from '../../../src/llm/lmChatModel';
import { lmChatModel, requestAccess } from '../../../src/llm/lmChatModel';
import { card } from './scriptedModel';

// Shaped like vscode.LanguageModelChatMessage / CancellationToken / LanguageModelError, without VS Code.
interface FakeMessage {
  role: 'user' | 'assistant';
  content: string;
}
interface FakeToken {
  isCancellationRequested: boolean;
  listeners: (() => void)[];
}
class FakeLmError extends Error {
  constructor(readonly code: string) {
    super(`LanguageModelError ${code}`);
  }
}

function runtime(access?: boolean, hasAccessInfo = false): LmRuntime<FakeMessage, FakeToken> & { sources: CancellationSourceLike<FakeToken>[] } {
  const sources: CancellationSourceLike<FakeToken>[] = [];
  return {
    sources,
    user: (content) => ({ role: 'user', content }),
    assistant: (content) => ({ role: 'assistant', content }),
    cancellationSource() {
      const token: FakeToken = { isCancellationRequested: false, listeners: [] };
      const source = {
        token,
        cancel: () => {
          token.isCancellationRequested = true;
          token.listeners.forEach((listener) => listener());
        },
        dispose: () => undefined,
      };
      sources.push(source);
      return source;
    },
    errorCode: (error) => (error instanceof FakeLmError ? error.code : undefined),
    ...(hasAccessInfo ? { canSendRequest: () => access } : {}),
  };
}

type Answer = (messages: FakeMessage[], token: FakeToken) => AsyncIterable<string> | Error;

function fakeChat(answer: Answer): LmChatLike<FakeMessage, FakeToken> & { requests: FakeMessage[][] } {
  const requests: FakeMessage[][] = [];
  return {
    id: 'copilot-gpt-4o',
    vendor: 'copilot',
    family: 'gpt-4o',
    name: 'GPT-4o',
    requests,
    sendRequest(messages, _options, token) {
      requests.push(messages);
      const result = answer(messages, token);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve({ text: result });
    },
  };
}

async function* parts(text: string): AsyncIterable<string> {
  for (let at = 0; at < text.length; at += 5) {
    await Promise.resolve(); // parts arrive asynchronously, as from a real provider
    yield text.slice(at, at + 5);
  }
}

// Never ends unless the token is cancelled — a provider that honours cancellation.
function untilCancelled(token: FakeToken): AsyncIterable<string> {
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise<IteratorResult<string>>((_, reject) => token.listeners.push(() => reject(new Error('cancelled by token')))),
    }),
  };
}

const never: AsyncIterable<string> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<string>>(() => undefined) }) };
const open = (): AbortSignal => new AbortController().signal;

describe('llm: the vscode.lm provider, through the ChatModel interface with a fake LanguageModelChat', () => {
  it('streams the text parts into one answer; the system prompt goes first in the first user message', async () => {
    const chat = fakeChat(() => parts('{"a": 1, "b": "two"}'));
    const model: ChatModel = lmChatModel(chat, runtime(), 'why');
    assert.equal(model.id, 'copilot/gpt-4o');
    assert.equal(model.provider, 'vscode.lm');
    const text = await model.complete({ messages: [{ role: 'system', content: 'RULES' }, { role: 'user', content: 'ASK' }, { role: 'assistant', content: 'PREV' }] }, open());
    assert.equal(text, '{"a": 1, "b": "two"}');
    assert.deepEqual(chat.requests[0], [
      { role: 'user', content: 'RULES\n\nASK' },
      { role: 'assistant', content: 'PREV' },
    ]);
  });

  it('cancels the token when the deadline passes, and reports timeout', async () => {
    const rt = runtime();
    const model = lmChatModel(fakeChat((_, token) => untilCancelled(token)), rt, 'why');
    await assert.rejects(model.complete({ messages: [{ role: 'user', content: 'x' }] }, AbortSignal.timeout(50)), (error: ModelCallError) => error.reason === 'timeout');
    assert.equal(rt.sources[0]!.token.isCancellationRequested, true);
  });

  it('a provider that ignores the token still cannot hold the caller past the deadline; a cancel is "cancelled"', async () => {
    const model = lmChatModel(fakeChat(() => never), runtime(), 'why');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(model.complete({ messages: [{ role: 'user', content: 'x' }] }, controller.signal), (error: ModelCallError) => error.reason === 'cancelled');
  });

  it('maps LanguageModelError codes: NoPermissions → no-permission, NotFound → unavailable, Blocked → http-429', async () => {
    for (const [code, reason] of [
      ['NoPermissions', 'no-permission'],
      ['NotFound', 'unavailable'],
      ['Blocked', 'http-429'],
      ['Unknown', 'network'],
    ] as const) {
      const model = lmChatModel(fakeChat(() => new FakeLmError(code)), runtime(), 'why');
      await assert.rejects(model.complete({ messages: [{ role: 'user', content: 'x' }] }, open()), (error: ModelCallError) => error instanceof ModelCallError && error.reason === reason);
    }
  });

  it('honours consent: never triggers the dialog under a deadline; requestAccess asks with no deadline', async () => {
    const chat = fakeChat(() => parts('OK'));
    for (const access of [false, undefined]) {
      const model = lmChatModel(chat, runtime(access, true), 'why');
      await assert.rejects(model.complete({ messages: [{ role: 'user', content: 'x' }] }, open()), (error: ModelCallError) => error.reason === 'no-permission');
    }
    assert.equal(chat.requests.length, 0, 'no request was sent without consent');
    assert.deepEqual(await requestAccess(chat, runtime(), 'why', open()), { ok: true });
    assert.equal(chat.requests.length, 1);
    const declined = await requestAccess(fakeChat(() => new FakeLmError('NoPermissions')), runtime(), 'why', open());
    assert.equal(declined.ok, false);
    assert.equal(declined.ok === false && declined.reason, 'no-permission');
    assert.equal((await lmChatModel(chat, runtime(true, true), 'why').complete({ messages: [{ role: 'user', content: 'x' }] }, open())), 'OK');
  });

  it('drives the model judge and the model improve like any ChatModel', async () => {
    const judge = lmChatModel(fakeChat(() => parts(JSON.stringify(card(6)))), runtime(), 'why');
    const judged = await judgeWithModel('Write a poem about {topic}.', judge, open());
    assert.equal(judged.card.judge, 'llm:copilot/gpt-4o');
    assert.equal(judged.card.total, 30);

    const chat = fakeChat((messages) => {
      const prompt = messages[0]!.content;
      if (prompt.includes('expert prompt engineer')) {
        const original = /<<<PROMPT\n([\s\S]*?)\nPROMPT>>>/.exec(prompt)![1]!;
        return parts(JSON.stringify({ text: `## Task\n${original}\n\n## Output format\nFour lines.`, bullets: ['Added an output format'] }));
      }
      const labels = [...prompt.matchAll(/Prompt ([A-H]) \(data between the markers\):\n<<<PROMPT\n([\s\S]*?)\nPROMPT>>>/g)];
      return parts(JSON.stringify(Object.fromEntries(labels.map((match) => [match[1], card(match[2]!.includes('## Task') ? 8 : 4)]))));
    });
    const result = await improveWithModel('Write a poem about {topic}.', {}, { model: lmChatModel(chat, runtime(), 'why'), signal: open(), styles: ['markdown', 'compact'] });
    assert.equal(result.engine.id, 'llm:copilot/gpt-4o');
    assert.equal(result.engine.fallbackReason, undefined);
    assert.equal(result.source, 'engine/llm:copilot/gpt-4o');
    assert.ok(result.improved.includes('{topic}'));
    assert.equal(chat.requests.length, 4, 'two styles and the two panel orders');
  });
});
