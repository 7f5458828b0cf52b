import { strict as assert } from 'node:assert';
import type { ChatRequest } from '../../../src/core/model/chatModel';
import { ModelCallError } from '../../../src/core/model/chatModel';
import { chatCompletionsUrl, openAiCompatibleModel } from '../../../src/llm/openAiCompatibleModel';
import type { ChatCall, Reply } from './chatServer';
import { closedPortUrl, startChatServer } from './chatServer';
import { TEST_KEY } from './cliHarness';

const REQUEST: ChatRequest = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hi.' }], requestId: 'req-test-1', maxTokens: 20, temperature: 0 };

interface Outcome {
  text?: string;
  error?: ModelCallError;
  calls: ChatCall[];
}

async function callOnce(script: (call: ChatCall) => Reply, options: { stream?: boolean; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Outcome> {
  const server = await startChatServer(script);
  try {
    const model = openAiCompatibleModel({ baseUrl: server.url, model: 'm1', apiKey: TEST_KEY, stream: options.stream, timeoutMs: options.timeoutMs });
    const outcome = await model.complete(REQUEST, options.signal ?? new AbortController().signal).then(
      (text): Omit<Outcome, 'calls'> => ({ text }),
      (error: unknown): Omit<Outcome, 'calls'> => ({ error: error as ModelCallError }),
    );
    return { ...outcome, calls: server.calls };
  } finally {
    await server.close();
  }
}

describe('llm: the OpenAI-compatible provider', () => {
  it('maps base URLs onto /v1/chat/completions and refuses unusable ones', () => {
    assert.equal(String(chatCompletionsUrl('http://127.0.0.1:11434')), 'http://127.0.0.1:11434/v1/chat/completions');
    assert.equal(String(chatCompletionsUrl('https://api.openai.com/v1/')), 'https://api.openai.com/v1/chat/completions');
    assert.equal(String(chatCompletionsUrl('https://gw.example/openai/deployments/x/chat/completions')), 'https://gw.example/openai/deployments/x/chat/completions');
    assert.equal(typeof chatCompletionsUrl('ftp://example.org'), 'string');
    assert.equal(typeof chatCompletionsUrl('https://user:secret@example.org'), 'string');
    assert.equal(typeof chatCompletionsUrl('not a url'), 'string');
  });

  it('POSTs the model and messages with the key as a bearer header and the request id; returns the content', async () => {
    const { text, calls } = await callOnce(() => ({ json: 'hello' }));
    assert.equal(text, 'hello');
    const call = calls[0]!;
    assert.equal(call.headers.authorization, `Bearer ${TEST_KEY}`);
    assert.equal(call.headers['x-request-id'], 'req-test-1');
    assert.equal(call.body.model, 'm1');
    assert.equal(call.body.stream, false);
    assert.deepEqual(call.body.messages, REQUEST.messages);
  });

  it('reads a streamed answer (server-sent events) into the whole text', async () => {
    const content = '{"text": "a \\"quoted\\" word, ünïcödé and a newline\\n", "bullets": ["x"]}';
    const { text, calls } = await callOnce(() => ({ stream: content }), { stream: true });
    assert.equal(text, content);
    assert.equal(calls[0]!.body.stream, true);
  });

  const failures: [string, (call: ChatCall) => Reply, string, RegExp?][] = [
    ['HTTP 429', () => ({ status: 429, headers: { 'retry-after': '12' } }), 'http-429', /retry after 12 s/],
    ['HTTP 500', () => ({ status: 500 }), 'http-5xx', /HTTP 500/],
    ['HTTP 401', () => ({ status: 401, body: JSON.stringify({ error: { message: 'bad key' } }) }), 'http-4xx', /bad key/],
    ['a reply that is not a chat completion', () => ({ status: 200, body: '<html>proxy</html>' }), 'invalid-json'],
    ['a dropped connection', () => ({ drop: true }), 'network'],
  ];
  for (const [label, script, reason, message] of failures) {
    it(`${label} → ModelCallError ${reason}`, async () => {
      const { error } = await callOnce(script);
      assert.ok(error instanceof ModelCallError, String(error));
      assert.equal(error.reason, reason);
      if (message) assert.match(error.message, message);
    });
  }

  it('an answer slower than its timeout → timeout; a cancelled signal → cancelled', async () => {
    const slow = (): Reply => ({ slowMs: 5000, json: 'late' });
    assert.equal((await callOnce(slow, { timeoutMs: 200 })).error?.reason, 'timeout');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    assert.equal((await callOnce(slow, { signal: controller.signal })).error?.reason, 'cancelled');
    assert.equal((await callOnce(slow, { signal: AbortSignal.timeout(100) })).error?.reason, 'timeout', "the caller's deadline counts as a timeout");
  });

  it('a refused connection → network, naming the endpoint', async () => {
    const url = await closedPortUrl();
    const model = openAiCompatibleModel({ baseUrl: url, model: 'm1' });
    await assert.rejects(model.complete(REQUEST, new AbortController().signal), (error: ModelCallError) => error.reason === 'network' && error.message.includes(url));
  });

  it("redacts the key from the server's error text", async () => {
    const { error } = await callOnce((call) => ({ status: 400, body: JSON.stringify({ error: { message: `invalid key ${String(call.headers.authorization)}` } }) }));
    assert.equal(error?.reason, 'http-4xx');
    assert.ok(!error.message.includes(TEST_KEY), error.message);
    assert.match(error.message, /\[redacted\]/);
  });
});
