import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatCall, Reply } from './chatServer';
import { startChatServer } from './chatServer';
import { runLlm, TEST_KEY, tempDir } from './cliHarness';
import { goodModel } from './scriptedModel';

const PROMPT = 'Translate "{{text}}" into French, keeping 2 decimal places in prices.';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// A hostile endpoint: every error body quotes the Authorization header back.
function echoingKey(call: ChatCall): Reply {
  if (call.kind === 'panel') return { status: 500, body: JSON.stringify({ error: { message: `upstream failed for ${String(call.headers.authorization)}` } }) };
  return goodModel(call);
}

describe('llm: the API key never leaves the request header; one log line per request', () => {
  it('greps the store, the usage file, the CLI output and the log lines (with --debug) for the key and finds nothing', async () => {
    const root = tempDir('leak');
    const storeDir = join(root, 'store');
    const usageFile = join(root, 'state', 'usage.json');
    const outputs: string[] = [];
    for (const script of [goodModel, echoingKey]) {
      const server = await startChatServer(script);
      try {
        for (const args of [['improve', '--store', storeDir, '--debug'], ['improve', '--store', storeDir, '--verbose'], ['judge', '--debug']]) {
          const run = await runLlm(args, { url: server.url, stdin: PROMPT, usageFile });
          assert.equal(run.code, 0, run.io.err);
          outputs.push(run.io.out, run.io.err);
        }
        assert.ok(server.calls.every((call) => call.headers.authorization === `Bearer ${TEST_KEY}`), 'the key was really sent, so the search below means something');
      } finally {
        await server.close();
      }
    }
    assert.ok(outputs.some((text) => text.includes('upstream failed for Bearer [redacted]')), 'the echoed key was redacted, not dropped silently');
    const files = filesUnder(root);
    assert.ok(files.some((file) => file.endsWith('usage.json')) && files.some((file) => file.includes('versions-')), 'the store and the usage file were written');
    for (const file of files) assert.ok(!readFileSync(file, 'utf8').includes(TEST_KEY), `the key is in ${file}`);
    outputs.forEach((text, index) => assert.ok(!text.includes(TEST_KEY), `the key is in output ${index}`));
  });

  it('--verbose logs one JSON line per request with id, provider, model, latency and outcome, and no prompt text', async () => {
    const server = await startChatServer((call) => (call.kind === 'panel' ? { status: 429 } : goodModel(call)));
    try {
      const run = await runLlm(['improve', '--no-store', '--verbose'], { url: server.url, stdin: PROMPT, usageFile: join(tempDir('log'), 'u.json') });
      const lines = run.io.err
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.equal(lines.length, server.calls.length, 'one line per request');
      assert.deepEqual(new Set(lines.map((line) => line.requestId)), new Set(server.calls.map((call) => call.headers['x-request-id'])), 'the ids the server saw');
      for (const line of lines) {
        assert.equal(line.provider, 'openai-compatible');
        assert.equal(line.model, 'test-model');
        assert.equal(typeof line.latencyMs, 'number');
        assert.ok(line.outcome === 'ok' || line.outcome === 'failed');
        assert.equal(line.messages, undefined);
        assert.equal(line.answer, undefined);
      }
      assert.deepEqual(lines.filter((line) => line.outcome === 'failed').map((line) => line.fallbackReason), ['http-429', 'http-429']);
      assert.ok(!run.io.err.includes('{{text}}'), 'no prompt text without --debug');
      const debug = await runLlm(['judge', '--debug'], { url: server.url, stdin: PROMPT, usageFile: join(tempDir('log'), 'u.json') });
      assert.ok(debug.io.err.includes('{{text}}'), '--debug includes the prompt text');
    } finally {
      await server.close();
    }
  });
});
