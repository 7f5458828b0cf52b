import { strict as assert } from 'node:assert';
import type { ModelLogEntry } from '../../../src/core/model/instrumentModel';
import { meteredModel } from '../../../src/llm/meteredModel';
import { modelLogLine } from '../../../src/llm/modelLogLine';
import { languageModelSelector, parseModelSettings } from '../../../src/llm/modelSettings';
import type { ModelCallError } from '../../../src/core/model/chatModel';
import { ApiKeys, apiKeyProblem, endpointOrigin } from '../../../src/modelAccess/apiKeys';
import { appendUsageState, readUsageState, USAGE_STATE_KEY } from '../../../src/modelAccess/usageMemento';

const HOUR = 3_600_000;
const KEY = 'sk-unit-abcdef0123456789';

function memorySecrets() {
  const map = new Map<string, string>();
  return {
    map,
    get: (key: string) => Promise.resolve(map.get(key)),
    store: (key: string, value: string) => Promise.resolve(void map.set(key, value)),
    delete: (key: string) => Promise.resolve(void map.delete(key)),
  };
}

function memoryMemento(initial: Record<string, unknown> = {}) {
  const map = new Map<string, unknown>(Object.entries(initial));
  return { map, get: (key: string) => map.get(key), update: (key: string, value: unknown) => Promise.resolve(void map.set(key, value)) };
}

describe('editor model settings (prompter.model.*)', () => {
  it('defaults: off, the local endpoint, 6 s, the default ceilings, no prompt logging', () => {
    assert.deepEqual(parseModelSettings(() => undefined), {
      provider: 'off',
      baseUrl: 'http://127.0.0.1:11434',
      name: '',
      languageModel: '',
      timeoutMs: 6000,
      limits: { perHour: 120, perDay: 1000 },
      logPrompts: false,
    });
  });

  it('reads the person’s values; wrong types and unknown providers fall back; the timeout is clamped to 1–120 s', () => {
    const values: Record<string, unknown> = { provider: 'openai-compatible', baseUrl: ' https://api.example.com/v1 ', name: 'gpt-x', timeoutSeconds: 2.5, maxCallsPerHour: 3, maxCallsPerDay: 0, logPrompts: true };
    const settings = parseModelSettings((key) => values[key]);
    assert.equal(settings.provider, 'openai-compatible');
    assert.equal(settings.baseUrl, 'https://api.example.com/v1');
    assert.equal(settings.timeoutMs, 2500);
    assert.deepEqual(settings.limits, { perHour: 3, perDay: 0 });
    assert.equal(settings.logPrompts, true);
    const odd: Record<string, unknown> = { provider: 'evil', timeoutSeconds: 9999, maxCallsPerHour: -1, maxCallsPerDay: 1.5, logPrompts: 'yes', name: 42 };
    const fallback = parseModelSettings((key) => odd[key]);
    assert.equal(fallback.provider, 'off');
    assert.equal(fallback.timeoutMs, 120_000);
    assert.deepEqual(fallback.limits, { perHour: 120, perDay: 1000 });
    assert.equal(fallback.logPrompts, false);
    assert.equal(fallback.name, '');
    assert.equal(parseModelSettings((key) => (key === 'timeoutSeconds' ? 0 : undefined)).timeoutMs, 1000);
  });

  it('the vscode.lm model as vendor/family; anything else selects the first model', () => {
    assert.deepEqual(languageModelSelector('copilot/gpt-4o'), { vendor: 'copilot', family: 'gpt-4o' });
    assert.deepEqual(languageModelSelector('a/b/c'), { vendor: 'a', family: 'b/c' });
    for (const odd of ['', 'copilot', '/gpt', 'copilot/']) assert.deepEqual(languageModelSelector(odd), {});
  });
});

describe('editor API keys (SecretStorage, one per endpoint origin)', () => {
  it('a key set for one base URL is found for any URL of the same origin, and for no other origin', async () => {
    const secrets = memorySecrets();
    const keys = new ApiKeys(secrets);
    assert.equal(await keys.set('https://api.example.com/v1', `  ${KEY}\n`), 'https://api.example.com');
    assert.equal(await keys.get('https://api.example.com'), KEY, 'stored trimmed');
    assert.equal(await keys.get('https://api.example.com/v1/chat/completions'), KEY);
    assert.equal(await keys.get('https://evil.example.net/v1'), undefined, 'never sent to another server');
    assert.equal(await keys.get('http://api.example.com/v1'), undefined, 'nor over another scheme');
    assert.equal(await keys.clear('https://api.example.com/'), 'https://api.example.com');
    assert.equal(await keys.get('https://api.example.com'), undefined);
    assert.equal(secrets.map.size, 0);
  });

  it('an unusable base URL has no key; a pasted key with spaces or nothing is refused', async () => {
    const keys = new ApiKeys(memorySecrets());
    assert.equal(endpointOrigin('not a url'), undefined);
    assert.equal(endpointOrigin('https://user:pw@example.com'), undefined);
    assert.equal(await keys.set('ftp://example.com', KEY), undefined);
    assert.equal(await keys.get('ftp://example.com'), undefined);
    assert.equal(apiKeyProblem(KEY), undefined);
    assert.ok(apiKeyProblem('   '));
    assert.ok(apiKeyProblem('sk-one two'));
  });
});

describe('editor usage record (global state) for the call ceilings', () => {
  it('reads a damaged value as no calls, merges what another window saved, and drops calls older than a day', async () => {
    const now = 100 * 24 * HOUR;
    assert.deepEqual(readUsageState(memoryMemento({ [USAGE_STATE_KEY]: 'garbage' }), now), { calls: [] });
    const memento = memoryMemento({ [USAGE_STATE_KEY]: { calls: [now - 25 * HOUR, now - HOUR, 'x'] } });
    await appendUsageState(memento, [now - 10], now);
    // Another window saved in between: its call is kept.
    await appendUsageState(memento, [now - 5, now - 1], now);
    assert.deepEqual(readUsageState(memento, now).calls, [now - HOUR, now - 10, now - 5, now - 1]);
    const writes = memoryMemento();
    await appendUsageState(writes, [], now);
    assert.equal(writes.map.size, 0, 'nothing is written when no call was made');
  });
});

describe('editor model log lines and metering', () => {
  const entry: ModelLogEntry = { requestId: 'req-0123456789ab', provider: 'openai-compatible', model: 'gpt-x', purpose: 'rewrite:xml', latencyMs: 132, outcome: 'ok', answerChars: 812 };

  it('one line with id, provider, model, purpose, latency and outcome; text only in debug entries; the key never', () => {
    assert.equal(modelLogLine(entry), 'model req-0123456789ab openai-compatible gpt-x rewrite:xml: ok in 132 ms (812 chars)');
    const failed = modelLogLine({ ...entry, outcome: 'failed', fallbackReason: 'http-4xx', error: `HTTP 401: bad key ${KEY}`, answerChars: undefined }, KEY);
    assert.equal(failed, 'model req-0123456789ab openai-compatible gpt-x rewrite:xml: failed in 132 ms, fallback http-4xx (HTTP 401: bad key [redacted])');
    const debug = modelLogLine({ ...entry, messages: [{ role: 'user', content: `Rewrite: use ${KEY}` }], answer: '{"text": "t"}' }, KEY);
    assert.ok(debug.includes('sent: [{"role":"user","content":"Rewrite: use [redacted]"}]'), debug);
    assert.ok(debug.includes('answer: "{\\"text\\": \\"t\\"}"'), debug);
    assert.ok(!debug.includes(KEY));
  });

  it('every call gets a request id and a log line; the call over the ceiling is refused with "budget" and logged', async () => {
    const lines: ModelLogEntry[] = [];
    const seen: (string | undefined)[] = [];
    const provider = { id: 'm', provider: 'fake', complete: (request: { requestId?: string }) => (seen.push(request.requestId), Promise.resolve('{}')) };
    const { model, budget } = meteredModel(provider, { usage: { calls: [Date.now() - 1000] }, limits: { perHour: 2, perDay: 10 }, log: (line) => lines.push(line), debug: false });
    assert.equal(await model.complete({ messages: [], purpose: 'judge' }, new AbortController().signal), '{}');
    await assert.rejects(model.complete({ messages: [], purpose: 'judge' }, new AbortController().signal), (error: ModelCallError) => error.reason === 'budget');
    assert.equal(seen.length, 1, 'the refused call never reached the provider');
    assert.match(seen[0]!, /^req-[0-9a-f]{12}$/);
    assert.deepEqual(lines.map((line) => [line.outcome, line.fallbackReason]), [['ok', undefined], ['failed', 'budget']]);
    assert.equal(budget.newCalls().length, 1);
    assert.equal(lines[0]!.messages, undefined, 'no prompt text without debug');
  });
});
