import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallBudget, checkBudget } from '../../../src/core/model/callBudget';
import { startChatServer } from './chatServer';
import { runLlm, tempDir } from './cliHarness';
import { goodModel } from './scriptedModel';

const HOUR = 3_600_000;
const PROMPT = 'Explain {topic} to a 10 year old.';

describe('llm: per-hour and per-day ceilings on model calls', () => {
  it('counts calls in a sliding hour and day, over an injected clock', () => {
    const t = 10 * 24 * HOUR;
    const limits = { perHour: 3, perDay: 5 };
    assert.deepEqual(checkBudget({ calls: [] }, t, limits), { ok: true, remaining: 3 });
    const hourFull = checkBudget({ calls: [t - 50 * 60_000, t - 10_000, t - 5_000] }, t, limits);
    assert.equal(hourFull.ok, false);
    if (!hourFull.ok) {
      assert.equal(hourFull.retryAt, t + 10 * 60_000, 'the oldest call of the hour ages out in 10 minutes');
      assert.match(hourFull.message, /3 model calls per hour.*10 min/);
    }
    const old = [t - 20 * HOUR, t - 19 * HOUR, t - 18 * HOUR, t - 17 * HOUR];
    assert.equal(checkBudget({ calls: old }, t, limits).ok, true, 'four calls today, none this hour');
    const dayFull = checkBudget({ calls: [...old, t - 2 * HOUR] }, t, limits);
    assert.equal(dayFull.ok, false);
    if (!dayFull.ok) assert.match(dayFull.message, /per day/);
    assert.equal(checkBudget({ calls: [t - 25 * HOUR] }, t, { perHour: 1, perDay: 1 }).ok, true, 'calls older than a day do not count');
    assert.equal(checkBudget({ calls: [] }, t, { perHour: 0, perDay: 10 }).ok, false, '0 means no calls');
    assert.equal(checkBudget({ calls: [] }, t, limits, 4).ok, false, 'a run needing 4 calls does not fit an hourly 3');
  });

  it('CallBudget spends calls as they happen and refuses the one over the ceiling', () => {
    let now = 1_000_000;
    const budget = new CallBudget({ calls: [] }, { perHour: 2, perDay: 10 }, () => now);
    assert.equal(budget.take().ok, true);
    now += 1000;
    assert.equal(budget.take().ok, true);
    assert.equal(budget.take().ok, false);
    now += HOUR;
    assert.equal(budget.take().ok, true, 'an hour later the window has room again');
    assert.equal(budget.newCalls().length, 3);
  });

  it('through the CLI: calls are recorded per user, and a run that cannot fit falls back with "budget" before sending anything', async () => {
    const usageFile = join(tempDir('budget'), 'usage.json');
    const server = await startChatServer(goodModel);
    try {
      const first = await runLlm(['improve', '--no-store'], { url: server.url, stdin: PROMPT, usageFile });
      assert.equal(first.entries[0]!.engine, 'llm:test-model');
      const recorded = (JSON.parse(readFileSync(usageFile, 'utf8')) as { calls: number[] }).calls;
      assert.equal(recorded.length, server.calls.length, 'every call is recorded');
      const sent = server.calls.length;

      const capped = await runLlm(['improve', '--no-store'], { url: server.url, stdin: PROMPT, usageFile, env: { PROMPTER_MAX_CALLS_PER_DAY: String(sent + 2) } });
      assert.equal(capped.code, 0);
      assert.equal(capped.entries[0]!.engine, 'heuristic@1');
      assert.equal(capped.entries[0]!.fallbackReason, 'budget');
      assert.match(capped.entries[0]!.fallbackMessage as string, /per day/);
      assert.equal(server.calls.length, sent, 'no request was sent');

      const judged = await runLlm(['judge'], { url: server.url, stdin: PROMPT, usageFile, env: { PROMPTER_MAX_CALLS_PER_HOUR: String(sent) } });
      assert.equal(judged.entries[0]!.fallbackReason, 'budget');
      assert.equal(judged.entries[0]!.judge, 'heuristic@1');

      const bad = await runLlm(['judge'], { url: server.url, stdin: PROMPT, usageFile, env: { PROMPTER_MAX_CALLS_PER_HOUR: 'lots' } });
      assert.equal(bad.code, 2);
      assert.match(bad.io.err, /PROMPTER_MAX_CALLS_PER_HOUR/);
    } finally {
      await server.close();
    }
  });
});
