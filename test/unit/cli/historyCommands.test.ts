import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImproveJson } from '../../../src/cli/commands/improveCommand';
import type { StatsJson } from '../../../src/cli/commands/statsCommand';
import { runCli } from '../../../src/cli/runCli';
import type { FeedbackEventRecord, PromptDetail, PromptSummary } from '../../../src/core/history';
import { memoryIo } from '../../helpers/memoryIo';

const SAMPLE = 'test/fixtures/samples/help-me-code.prompt.md';
const tempStore = (): string => join(mkdtempSync(join(tmpdir(), 'prompter-cli-')), 'history');

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(stdin);
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

async function improveOne(store: string): Promise<ImproveJson> {
  const { code, out } = await cli(['improve', '--json', '--store', store, SAMPLE]);
  assert.equal(code, 0);
  return (JSON.parse(out) as ImproveJson[])[0]!;
}

describe('prompter with a history store', () => {
  it('improve stores each input and prints promptId, versionId, versionNo and adopted', async () => {
    const store = tempStore();
    const entry = await improveOne(store);
    assert.match(entry.promptId!, /^[0-9a-z]{15}$/);
    assert.equal(entry.versionId, `${entry.promptId}-v1`);
    assert.equal(entry.versionNo, 1);
    assert.equal(entry.adopted, true);
    assert.ok(existsSync(join(store, 'store.json')));
  });

  it('--no-store keeps nothing and prints no history fields', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prompter-cwd-'));
    const io = memoryIo('', {}, { cwd });
    const code = await runCli(['improve', '--json', '--no-store', join(process.cwd(), SAMPLE)], io);
    assert.equal(code, 0);
    assert.ok(!existsSync(join(cwd, '.prompter')));
  });

  it('defaults to .prompter/ in the current folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prompter-cwd-'));
    const io = memoryIo('Write a haiku about rain.', {}, { cwd });
    assert.equal(await runCli(['improve', '--json'], io), 0);
    assert.ok(existsSync(join(cwd, '.prompter', 'store.json')));
  });

  it('--again improves the best version, and says when nothing raised the score', async () => {
    const store = tempStore();
    const first = await improveOne(store);
    const { code, out } = await cli(['improve', '--json', '--store', store, '--again', first.promptId!]);
    assert.equal(code, 0);
    const again = (JSON.parse(out) as ImproveJson[])[0]!;
    assert.equal(again.adopted, false);
    assert.match(again.message!, /No further improvement found; v1 stays best/);
    const unknown = await cli(['improve', '--store', store, '--again', 'zzzzzzzzzzzzzzz']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no prompt/);
    assert.equal((await cli(['improve', '--no-store', '--again', first.promptId!])).code, 2);
  });

  it('history lists prompts with best scores, and one prompt’s versions', async () => {
    const store = tempStore();
    const first = await improveOne(store);
    const list = JSON.parse((await cli(['history', '--json', '--store', store])).out) as PromptSummary[];
    assert.equal(list.length, 1);
    assert.equal(list[0]!.id, first.promptId);
    assert.equal(list[0]!.bestScore, first.judge.after.total);
    const detail = JSON.parse((await cli(['history', '--json', '--store', store, first.promptId!])).out) as PromptDetail;
    assert.deepEqual(detail.versions.map((v) => v.version.versionNo), [0, 1]);
    const human = await cli(['history', '--store', store, first.promptId!]);
    assert.match(human.out, /★ v1/);
    assert.equal((await cli(['history', '--store', store, 'zzzzzzzzzzzzzzz'])).code, 2);
    assert.match((await cli(['history', '--store', tempStore()])).out, /No prompts/);
  });

  it('feedback records whole and per-hunk decisions, which the learning statistics count', async () => {
    const store = tempStore();
    const first = await improveOne(store);
    const hunks = first.explanation.diffs;
    const partial = await cli(['feedback', '--json', '--store', store, first.versionId!, 'accept', '--hunks', '0,1']);
    assert.equal(partial.code, 0, partial.err);
    const event = JSON.parse(partial.out) as FeedbackEventRecord;
    assert.equal(event.decision, 'partial');
    assert.deepEqual(event.hunks.filter((h) => h.accepted).map((h) => h.hunkId), [hunks[0]!.id, hunks[1]!.id]);
    assert.equal((await cli(['feedback', '--store', store, first.versionId!, 'reject'])).code, 0);
    const stats = JSON.parse((await cli(['stats', '--json', '--store', store])).out) as StatsJson;
    assert.equal(stats.feedbackEvents, 2);
    const role = stats.strategies.find((s) => s.id === 'add-role')!;
    assert.ok(role.accepted + role.rejected > 0, 'decisions reach the learning statistics');
    for (const args of [[first.versionId!, 'maybe'], [first.versionId!, 'accept', '--hunks', '99'], [first.versionId!, 'accept', '--hunks', 'x']]) {
      assert.equal((await cli(['feedback', '--store', store, ...args])).code, 2, args.join(' '));
    }
    assert.equal((await cli(['feedback', '--store', store, `${first.promptId}-v7`, 'accept'])).code, 2);
  });

  it('stats prints the seed’s metrics plus acceptance, strategies and top patterns', async () => {
    const store = tempStore();
    await improveOne(store);
    const stats = JSON.parse((await cli(['stats', '--json', '--store', store])).out) as StatsJson;
    assert.equal(stats.improveRuns, 1);
    assert.equal(stats.winRate, 1);
    assert.equal(stats.weekly.length, 1);
    assert.deepEqual(Object.keys(stats.usageByEngine), ['heuristic@1']);
    assert.ok(stats.strategies.length >= 10);
    assert.ok(stats.topPatterns.length > 0);
    const human = await cli(['stats', '--store', store]);
    for (const part of ['win rate', 'Time to result', 'Acceptance rate', 'Strategies', 'Top patterns']) assert.ok(human.out.includes(part), part);
  });

  it('reset-learning forgets the strategy statistics and keeps the history', async () => {
    const store = tempStore();
    const first = await improveOne(store);
    await cli(['feedback', '--store', store, first.versionId!, 'reject']);
    const before = JSON.parse((await cli(['stats', '--json', '--store', store])).out) as StatsJson;
    assert.ok(before.strategies.find((s) => s.id === 'add-role')!.rejected > 0);
    assert.equal((await cli(['reset-learning', '--store', store])).code, 0);
    const after = JSON.parse((await cli(['stats', '--json', '--store', store])).out) as StatsJson;
    assert.equal(after.strategies.find((s) => s.id === 'add-role')!.rejected, 0);
    assert.equal(after.feedbackEvents, 1, 'feedback events are history and stay');
    assert.equal((JSON.parse((await cli(['history', '--json', '--store', store])).out) as PromptSummary[]).length, 1);
  });

  it('a store that cannot be created gives a clear error, not a crash', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'prompter-file-'));
    const file = join(parent, 'not-a-folder');
    writeFileSync(file, 'x');
    const { code, err } = await cli(['improve', '--store', join(file, 'history'), SAMPLE]);
    assert.equal(code, 2);
    assert.match(err, /^prompter: history store: /);
    assert.equal(err.trim().split('\n').length, 1);
  });
});
