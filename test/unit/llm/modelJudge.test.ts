import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { ChatCall, Reply } from './chatServer';
import { startChatServer } from './chatServer';
import { runLlm, TEST_MODEL, tempDir } from './cliHarness';
import { card } from './scriptedModel';

const PROMPT = 'Write a product description for {product} in 50 words.';
const usageFile = join(tempDir('judge-usage'), 'usage.json');

async function judgeWith(script: (call: ChatCall) => Reply) {
  const server = await startChatServer(script);
  try {
    const run = await runLlm(['judge'], { url: server.url, stdin: PROMPT, usageFile });
    assert.equal(run.code, 0, run.io.err);
    return { entry: run.entries[0]!, calls: server.calls };
  } finally {
    await server.close();
  }
}

describe('llm: prompter judge --llm validates the model scorecard strictly', () => {
  it('a valid scorecard is used as is, with the raw answer and the model as judge', async () => {
    const { entry, calls } = await judgeWith(() => ({ json: JSON.stringify(card(7)) }));
    assert.equal(entry.judge, `llm:${TEST_MODEL}`);
    assert.equal(entry.total, 35);
    assert.equal(entry.fallbackReason, undefined);
    assert.equal(entry.rawModelOutput, JSON.stringify(card(7)));
    assert.ok(Array.isArray(entry.suggestions), 'suggestions are still there (from the heuristic judge)');
    assert.equal(calls.length, 1);
  });

  it('a scorecard in a ```json fence is accepted', async () => {
    const { entry } = await judgeWith(() => ({ json: `\`\`\`json\n${JSON.stringify(card(6))}\n\`\`\`` }));
    assert.equal(entry.judge, `llm:${TEST_MODEL}`);
    assert.equal(entry.total, 30);
  });

  const invalid: [string, unknown][] = [
    ['an axis out of range (14)', card(14)],
    ['a negative axis', card(-1)],
    ['a total inconsistent with the axes', card(7, { total: 45 })],
    ['a missing key', (({ contextUse: _contextUse, ...rest }) => rest)(card(7) as Record<string, number>)],
    ['an unknown key', card(7, { confidence: 0.9 })],
    ['a number given as a string', card(7, { clarity: '7' })],
  ];
  for (const [label, answer] of invalid) {
    it(`${label}: one repair attempt, then the heuristic judge with fallbackReason invalid-scores and the raw answer kept`, async () => {
      const { entry, calls } = await judgeWith(() => ({ json: JSON.stringify(answer) }));
      assert.equal(entry.judge, 'heuristic@1');
      assert.equal(entry.fallbackReason, 'invalid-scores');
      assert.equal(entry.rawModelOutput, JSON.stringify(answer));
      assert.equal(calls.length, 2, 'the first answer and exactly one repair');
      assert.ok(calls[1]!.repair && calls[1]!.body.messages.at(-1)!.content.includes('not valid'), 'the repair says what is wrong');
    });
  }

  it('not JSON at all: fallbackReason invalid-json', async () => {
    const { entry } = await judgeWith(() => ({ json: 'I would rate this prompt a solid 7/10.' }));
    assert.equal(entry.judge, 'heuristic@1');
    assert.equal(entry.fallbackReason, 'invalid-json');
  });

  it('an invalid answer repaired on the second try is used', async () => {
    const { entry, calls } = await judgeWith((call) => ({ json: JSON.stringify(call.repair ? card(8) : card(11)) }));
    assert.equal(entry.judge, `llm:${TEST_MODEL}`);
    assert.equal(entry.total, 40);
    assert.equal(calls.length, 2);
  });

  it('HTTP 500: the heuristic judge scores, with fallbackReason http-5xx', async () => {
    const { entry } = await judgeWith(() => ({ status: 503 }));
    assert.equal(entry.judge, 'heuristic@1');
    assert.equal(entry.fallbackReason, 'http-5xx');
    assert.match(entry.fallbackMessage as string, /server error/);
  });
});
