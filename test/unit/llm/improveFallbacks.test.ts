import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import type { HistoryRepository } from '../../../src/core/history';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { memoryIo } from '../../helpers/memoryIo';
import type { ChatCall, ChatServer, Reply } from './chatServer';
import { closedPortUrl, startChatServer } from './chatServer';
import { runLlm, TEST_MODEL, tempDir } from './cliHarness';
import { card, droppingVariable, goodModel, originalPreferringJudge, positionBiasedJudge, streamingModel } from './scriptedModel';

const PROMPT = 'Summarize {{document}} in 3 bullet points for "busy managers".\n';
const LLM_ENGINE = `llm:${TEST_MODEL}`;

interface Scenario {
  name: string;
  script: (call: ChatCall) => Reply;
  args?: string[];
  /** undefined: the model's rewrite is used. */
  fallbackReason?: string;
  check?: (entry: Record<string, unknown>, server: ChatServer) => void;
}

const SCENARIOS: Scenario[] = [
  { name: 'a good answer', script: goodModel },
  {
    name: 'a streamed answer',
    script: streamingModel,
    args: ['--stream'],
    check: (_, server) => assert.ok(server.calls.every((call) => call.body.stream === true), 'every request asked for a stream'),
  },
  { name: 'an answer slower than the timeout', script: (call) => ({ slowMs: 5000, json: JSON.stringify(goodModel(call)) }), args: ['--timeout', '300'], fallbackReason: 'timeout' },
  {
    name: 'malformed JSON (after one repair attempt each)',
    script: () => ({ json: 'Sure! Here is your improved prompt: {text: oops' }),
    fallbackReason: 'invalid-json',
    check: (_, server) => {
      assert.equal(server.calls.filter((call) => call.kind === 'rewrite' && !call.repair).length, 3);
      assert.equal(server.calls.filter((call) => call.kind === 'rewrite' && call.repair).length, 3, 'exactly one repair per style');
    },
  },
  {
    name: 'a repaired answer (invalid first, valid after the repair)',
    script: (call) => (call.kind === 'rewrite' && !call.repair ? { json: '{"text": "missing bullets"}' } : goodModel(call)),
  },
  {
    name: 'JSON with out-of-range scores',
    script: (call) => (call.kind === 'panel' ? { json: JSON.stringify(Object.fromEntries(call.texts.map(({ label }) => [label, card(14)]))) } : goodModel(call)),
    fallbackReason: 'invalid-scores',
  },
  {
    name: 'a rewrite that drops a variable (every style)',
    script: droppingVariable(['markdown', 'xml', 'compact']),
    fallbackReason: 'intent-check',
    check: (entry) => {
      const discarded = entry.discarded as { style: string; reason: string; detail: string }[];
      assert.deepEqual(discarded.map((item) => item.reason), ['intent-check', 'intent-check', 'intent-check']);
      assert.ok(discarded[0]!.detail.includes('{{document}}'), discarded[0]!.detail);
    },
  },
  {
    name: 'a rewrite that drops a variable (one style only)',
    script: droppingVariable(['xml']),
    check: (entry) => assert.deepEqual(entry.discarded, [{ style: 'xml', reason: 'intent-check', detail: 'dropped variable {{document}}' }]),
  },
  { name: 'HTTP 429', script: () => ({ status: 429, headers: { 'retry-after': '30' } }), fallbackReason: 'http-429' },
  { name: 'HTTP 500', script: () => ({ status: 500 }), fallbackReason: 'http-5xx' },
  { name: 'a dropped connection', script: () => ({ drop: true }), fallbackReason: 'network' },
  { name: 'a judge that changes its verdict when the order is swapped', script: positionBiasedJudge, fallbackReason: 'judge-disagrees' },
  { name: 'a judge that scores the rewrite below the original', script: originalPreferringJudge, fallbackReason: 'no-gain' },
];

async function checkStored(repository: HistoryRepository, entry: Record<string, unknown>, fallbackReason: string | undefined): Promise<void> {
  const detail = (await repository.getPrompt(entry.promptId as string))!;
  const [v0, v1] = detail.versions;
  assert.equal(v0!.version.text, PROMPT, 'the original is stored exactly as v0');
  assert.equal(v0!.scores.length, 1, 'v0 is scored');
  assert.ok(v1, 'a rewrite is stored as v1');
  assert.equal(v1.version.text, entry.improved);
  assert.equal(v1.scores.length, 1);
  const metric = (await repository.listMetrics()).find((event) => event.promptId === entry.promptId)!;
  if (fallbackReason === undefined) {
    assert.equal(v1.version.source, `engine/${LLM_ENGINE}`);
    assert.equal(v1.version.engine?.id, LLM_ENGINE);
    assert.equal(v1.version.engine?.fallbackReason, undefined);
    assert.equal(v1.scores[0]!.judge, LLM_ENGINE);
    assert.equal((JSON.parse(v1.scores[0]!.rawModelOutput!) as string[]).length, 2, 'both orders of the panel are kept raw');
    assert.equal(v0!.scores[0]!.judge, LLM_ENGINE, 'v0 is scored by the same judge, so adoption compares like with like');
    assert.equal(metric.engine, LLM_ENGINE);
    assert.equal(metric.fallbackReason, undefined);
  } else {
    assert.equal(v1.version.source, 'engine/heuristic@1');
    assert.equal(v1.version.engine?.fallbackReason, fallbackReason);
    assert.equal(v1.scores[0]!.judge, 'heuristic@1');
    assert.equal(metric.engine, 'heuristic@1');
    assert.equal(metric.fallbackReason, fallbackReason);
    // The judge's unusable answer is kept beside the score, so a bad parse can be investigated.
    if (fallbackReason === 'invalid-scores') assert.ok(v1.scores[0]!.rawModelOutput?.includes('"clarity":14'), 'raw judge answer kept');
  }
}

describe('llm: prompter improve --llm against a loopback chat-completions server', () => {
  const storeDir = tempDir('store');
  const usageFile = join(tempDir('usage'), 'usage.json');
  const repository = openHistoryStore(storeDir);
  const promptIds: string[] = [];

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: ${scenario.fallbackReason ? `heuristic result, fallbackReason ${scenario.fallbackReason}` : 'the model rewrite is used'}; the history keeps v0, v1, scores and the metric`, async () => {
      const server = await startChatServer(scenario.script);
      try {
        const run = await runLlm(['improve', '--store', storeDir, ...(scenario.args ?? [])], { url: server.url, stdin: PROMPT, usageFile });
        assert.equal(run.code, 0, run.io.err);
        const entry = run.entries[0]!;
        assert.equal(entry.engine, scenario.fallbackReason ? 'heuristic@1' : LLM_ENGINE);
        assert.equal(entry.fallbackReason, scenario.fallbackReason);
        assert.equal(entry.changed, true);
        if (scenario.fallbackReason) assert.equal(typeof entry.fallbackMessage, 'string');
        else assert.equal(entry.source, `engine/${LLM_ENGINE}`);
        assert.ok((entry.improved as string).includes('{{document}}'), 'the rewrite kept the variable');
        scenario.check?.(entry, server);
        await checkStored(repository, entry, scenario.fallbackReason);
        promptIds.push(entry.promptId as string);
      } finally {
        await server.close();
      }
    });
  }

  it('a refused connection (a closed port): heuristic result, fallbackReason network', async () => {
    const run = await runLlm(['improve', '--store', storeDir], { url: await closedPortUrl(), stdin: PROMPT, usageFile });
    assert.equal(run.code, 0);
    assert.equal(run.entries[0]!.fallbackReason, 'network');
    await checkStored(repository, run.entries[0]!, 'network');
    promptIds.push(run.entries[0]!.promptId as string);
  });

  it('nothing was lost: every run left its prompt, versions and metric in the one store', async () => {
    const listed = await repository.listPrompts();
    assert.deepEqual(new Set(listed.map((prompt) => prompt.id)), new Set(promptIds));
    const metrics = await repository.listMetrics();
    assert.equal(metrics.length, promptIds.length);
    assert.ok(listed.every((prompt) => prompt.versionCount === 2));
    // The usage counters: runs per engine and fallbacks per reason, as prompter stats reports them.
    const io = memoryIo();
    assert.equal(await runCli(['stats', '--json', '--store', storeDir], io), 0);
    const stats = JSON.parse(io.out) as { usageByEngine: Record<string, number>; fallbacksByReason: Record<string, number> };
    const expected: Record<string, number> = { network: 1 };
    for (const scenario of SCENARIOS) if (scenario.fallbackReason) expected[scenario.fallbackReason] = (expected[scenario.fallbackReason] ?? 0) + 1;
    assert.deepEqual(stats.fallbacksByReason, expected);
    assert.equal(stats.usageByEngine[LLM_ENGINE], SCENARIOS.filter((scenario) => !scenario.fallbackReason).length);
  });

  it('--again with the model improves the best version and adopts only when both orders agree', async () => {
    const server = await startChatServer(goodModel);
    try {
      const first = await runLlm(['improve', '--store', storeDir], { url: server.url, stdin: PROMPT, usageFile });
      const promptId = first.entries[0]!.promptId as string;
      const again = await runLlm(['improve', '--store', storeDir, '--again', promptId], { url: server.url, usageFile });
      assert.equal(again.entries[0]!.engine, LLM_ENGINE);
      assert.equal(again.entries[0]!.adopted, true);
      const detail = (await repository.getPrompt(promptId))!;
      assert.equal(detail.versions.length, 3);
      assert.equal(detail.versions[2]!.version.parentVersionId, detail.versions[1]!.version.id, 'rewritten from the best, not the original');
      assert.ok(server.calls.filter((call) => call.kind === 'rewrite').every((call) => call.texts[0]!.text.includes('{{document}}')));
    } finally {
      await server.close();
    }
  });

  it('without --llm nothing is sent, and the JSON says the heuristic engine answered', async () => {
    const server = await startChatServer(goodModel);
    try {
      const io = memoryIo(PROMPT);
      assert.equal(await runCli(['improve', '--json', '--no-store'], io), 0);
      const entry = (JSON.parse(io.out) as Record<string, unknown>[])[0]!;
      assert.equal(entry.engine, 'heuristic@1');
      assert.equal(entry.fallbackReason, undefined);
      assert.equal(server.calls.length, 0);
      const stray = memoryIo(PROMPT);
      assert.equal(await runCli(['improve', '--no-store', '--model', 'x'], stray), 2, 'a model flag without --llm is a usage error');
      assert.match(stray.err, /off unless --llm/);
    } finally {
      await server.close();
    }
  });
});
