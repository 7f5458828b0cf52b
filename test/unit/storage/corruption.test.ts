import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryRepository, StoreWarning } from '../../../src/core/history';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { scoreOf, tempDir, versionOf } from './storeTestKit';

const NOW = Date.UTC(2026, 10, 24, 20, 54, 0);
const STAMP = '20261124T205400Z';

interface Fixture {
  dir: string;
  a: string;
  b: string;
}

/** Two prompts (a: v0..v3, best v3; b: v0 only), feedback, a metric and learning state. */
async function build(): Promise<Fixture> {
  const dir = tempDir('corrupt');
  const repo = openHistoryStore(dir, { now: () => NOW });
  const a = await repo.createPrompt('Prompt A', { file: 'a.prompt.md', languageId: 'prompt' }, { score: scoreOf(10) });
  for (const [i, total] of [20, 15, 30].entries()) {
    await repo.appendVersion(a.prompt.id, versionOf(a.original.id, `A v${i + 1}`), scoreOf(total), { adoptIfAtLeastBest: true });
  }
  const b = await repo.createPrompt('Prompt B', {});
  await repo.recordFeedback({ promptId: a.prompt.id, versionId: `${a.prompt.id}-v3`, decision: 'accepted', hunks: [], strategies: ['add-role'], via: 'cli' });
  await repo.recordMetric({ kind: 'improve', engine: 'heuristic@1', timeToResultMs: 5, adopted: true });
  await repo.writeLearningState({ rounds: 3 });
  return { dir, a: a.prompt.id, b: b.prompt.id };
}

function open(dir: string): { repo: HistoryRepository; warnings: StoreWarning[] } {
  const warnings: StoreWarning[] = [];
  return { repo: openHistoryStore(dir, { now: () => NOW, onWarning: (w) => warnings.push(w) }), warnings };
}

/** Overwrites a store file with `content` and returns what the moved-aside copy must hold. */
function damage(dir: string, rel: string, content: string): string {
  writeFileSync(join(dir, rel), content);
  return content;
}

function assertMovedAside(dir: string, rel: string, content: string, warnings: StoreWarning[]): void {
  const aside = join(dir, `${rel}.corrupt-${STAMP}`);
  assert.equal(readFileSync(aside, 'utf8'), content, `${rel} kept byte for byte as ${aside}`);
  const warning = warnings.find((w) => w.code === 'moved-aside' && w.file === aside);
  assert.ok(warning, `a moved-aside warning names ${aside}; got ${JSON.stringify(warnings)}`);
  assert.match(warning.message, /moved aside to .*nothing in it was deleted/);
}

describe('history store: unreadable files are moved aside, reported, and the store goes on', () => {
  it('store.json truncated: moved aside, rebuilt from the folder, every prompt still listed', async () => {
    const { dir } = await build();
    const bad = damage(dir, 'store.json', '{"schemaVersion": 1, "kind": "prompter-hist');
    const { repo, warnings } = open(dir);
    assert.equal((await repo.listPrompts()).length, 2);
    assertMovedAside(dir, 'store.json', bad, warnings);
    assert.ok(warnings.some((w) => w.code === 'repaired' && /rebuilt/.test(w.message)));
    assert.equal((await repo.listFeedback()).length, 1, 'event segments found again');
    assert.ok(JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')).revision >= 1, 'a fresh head was written');
  });

  it('an index page of the wrong shape: moved aside and rebuilt from the prompt manifests', async () => {
    const { dir, a, b } = await build();
    const bad = damage(dir, 'index/000001.json', JSON.stringify({ schemaVersion: 1, page: 1, prompts: 'oops' }));
    const { repo, warnings } = open(dir);
    const list = await repo.listPrompts();
    assert.deepEqual(new Set(list.map((p) => p.id)), new Set([a, b]));
    assert.equal(list.find((p) => p.id === a)?.bestScore, 30);
    assertMovedAside(dir, 'index/000001.json', bad, warnings);
  });

  it('a prompt manifest that is not JSON: rebuilt from its versions and its index entry', async () => {
    const { dir, a } = await build();
    const bad = damage(dir, `prompts/${a}/prompt.json`, '\u0000\u0000\u0000');
    const { repo, warnings } = open(dir);
    const detail = await repo.getPrompt(a);
    assert.equal(detail?.prompt.originalText, 'Prompt A');
    assert.deepEqual(detail?.prompt.origin, { file: 'a.prompt.md', languageId: 'prompt' });
    assert.equal(detail?.prompt.bestVersionId, `${a}-v3`);
    assert.equal(detail?.versions.length, 4);
    assertMovedAside(dir, `prompts/${a}/prompt.json`, bad, warnings);
    const next = await repo.appendVersion(a, versionOf(`${a}-v0`, 'A v4'), scoreOf(1), { adoptIfAtLeastBest: true });
    assert.equal(next.stored && next.version.versionNo, 4, 'numbering continues after the rebuild');
  });

  it('a version page that is not JSON: its versions are lost, v0 is restored from the prompt, best re-picked', async () => {
    const { dir, a } = await build();
    const bad = damage(dir, `prompts/${a}/versions-0000.json`, '{"schemaVersion":1,"promptId"');
    const { repo, warnings } = open(dir);
    const detail = await repo.getPrompt(a);
    assert.deepEqual(detail?.versions.map((v) => [v.version.versionNo, v.version.text]), [[0, 'Prompt A']]);
    assert.equal(detail?.prompt.bestVersionId, `${a}-v0`);
    assert.equal(detail?.prompt.bestScore, null);
    assertMovedAside(dir, `prompts/${a}/versions-0000.json`, bad, warnings);
    assert.ok(warnings.some((w) => w.code === 'repaired' && /now has 1 versions, best v0/.test(w.message)));
    assert.equal((await repo.listPrompts()).find((p) => p.id === a)?.versionCount, 1);
    const next = await repo.appendVersion(a, versionOf(`${a}-v0`, 'again'), scoreOf(5), { adoptIfAtLeastBest: true });
    assert.ok(next.stored && next.version.versionNo === 4 && next.adopted, 'numbers are not reused');
  });

  it('learning.json, an event segment and a journal that are unreadable: each moved aside, fresh state', async () => {
    const { dir } = await build();
    const learning = damage(dir, 'learning.json', '{"schemaVersion":1,"revision":1,"updatedAt":0,"state":[1,2]}');
    const segment = damage(dir, 'events/feedback-000001.json', 'not json');
    const journal = damage(dir, 'journal.json', '{"schemaVersion":1,"createdAt":0,"ops":[{"op":"write","path":"../../etc/x","doc":{}}]}');
    const { repo, warnings } = open(dir);
    assert.equal(await repo.readLearningState(), undefined);
    assert.deepEqual(await repo.listFeedback(), []);
    assertMovedAside(dir, 'learning.json', learning, warnings);
    assertMovedAside(dir, 'events/feedback-000001.json', segment, warnings);
    assertMovedAside(dir, 'journal.json', journal, warnings);
    await repo.writeLearningState({ fresh: true });
    assert.deepEqual((await repo.readLearningState())?.state, { fresh: true });
  });

  it('never overwrites an earlier moved-aside file: a second one in the same second gets its own name', async () => {
    const { dir } = await build();
    const first = damage(dir, 'learning.json', 'first');
    const { repo, warnings } = open(dir);
    await repo.readLearningState();
    await repo.writeLearningState({ n: 1 });
    const second = damage(dir, 'learning.json', 'second');
    await repo.readLearningState();
    assert.equal(readFileSync(join(dir, `learning.json.corrupt-${STAMP}`), 'utf8'), first);
    assert.equal(readFileSync(join(dir, `learning.json.corrupt-${STAMP}-2`), 'utf8'), second);
    assert.equal(warnings.filter((w) => w.code === 'moved-aside').length, 2);
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('learning.json')).sort(), [
      `learning.json.corrupt-${STAMP}`,
      `learning.json.corrupt-${STAMP}-2`,
    ]);
  });
});
