import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type {
  EventCursor,
  EventsSince,
  FeedbackEventRecord,
  HistoryRepository,
  MetricEventRecord,
  NewFeedbackEvent,
  NewMetricEvent,
} from '../../../src/core/history';
import { mulberry32 } from '../../../src/core/learning/seededRandom';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import type { StoreFs } from '../../../src/storage/storeFs';
import { EVENT_SEGMENT_SIZE, segmentPath } from '../../../src/storage/storeLayout';
import { fastFs, inOneCommit } from '../../helpers/seedInsightsHistory';
import { tempDir } from './storeTestKit';

const PROMPT = '0mwv770gsyutauw';

function metricOf(random: () => number): NewMetricEvent {
  return {
    kind: random() < 0.8 ? 'improve' : 'judge',
    engine: random() < 0.7 ? 'heuristic@1' : 'llm:gpt-4o-mini',
    timeToResultMs: Math.round(random() * 5000),
    adopted: random() < 0.5,
    total: Math.round(random() * 50),
    ...(random() < 0.1 ? { fallbackReason: 'timeout' } : {}),
  };
}

function feedbackOf(random: () => number): NewFeedbackEvent {
  const decision = random() < 0.5 ? 'accepted' : random() < 0.5 ? 'rejected' : 'partial';
  return { promptId: PROMPT, versionId: `${PROMPT}-v1`, decision, hunks: [], strategies: ['add-role'], via: 'editor' };
}

/** Appends events in one commit (fast: hundreds at once, to cross segment boundaries). */
async function appendInOneCommit(dir: string, random: () => number, feedback: number, metrics: number): Promise<void> {
  await inOneCommit(dir, Date.now, async (target) => {
    for (let i = 0; i < feedback; i += 1) await target.recordFeedback(feedbackOf(random));
    for (let i = 0; i < metrics; i += 1) await target.recordMetric(metricOf(random));
  });
}

/** A repository without fsync that records which event segment files it reads. */
function counted(dir: string): { repo: HistoryRepository; segmentReads: string[] } {
  const segmentReads: string[] = [];
  const fs: StoreFs = {
    ...fastFs,
    readText: (path) => {
      if (/[\\/]events[\\/]/.test(path)) segmentReads.push(basename(path));
      return fastFs.readText(path);
    },
  };
  return { repo: openHistoryStore(dir, { fs }), segmentReads };
}

/** What the caller keeps: its events, replaced on a full read and extended on an incremental one. */
class Kept {
  metrics: MetricEventRecord[] = [];
  feedback: FeedbackEventRecord[] = [];
  cursor: EventCursor | undefined;

  async read(repo: HistoryRepository): Promise<EventsSince> {
    const since = await repo.readEventsSince(this.cursor);
    this.metrics = since.incremental ? [...this.metrics, ...since.metrics] : since.metrics;
    this.feedback = since.incremental ? [...this.feedback, ...since.feedback] : since.feedback;
    this.cursor = since.cursor;
    return since;
  }
}

async function assertEqualsFullRead(kept: Kept, dir: string, when: string): Promise<void> {
  const fresh = openHistoryStore(dir);
  assert.deepEqual(kept.metrics, await fresh.listMetrics(), `metrics ${when}`);
  assert.deepEqual(kept.feedback, await fresh.listFeedback(), `feedback ${when}`);
}

/** A store with `feedback` and `metrics` events, and a caller that has read them all. */
async function readStore(feedback: number, metrics: number, seed = 1): Promise<{ dir: string; repo: HistoryRepository; kept: Kept; random: () => number }> {
  const dir = tempDir('events-since');
  const random = mulberry32(seed);
  await appendInOneCommit(dir, random, feedback, metrics);
  const { repo } = counted(dir);
  const kept = new Kept();
  assert.equal((await kept.read(repo)).fullReadReason, 'no cursor');
  return { dir, repo, kept, random };
}

/** Reads once more and checks it was a full read for `reason`, equal to a full read of the store. */
async function assertFullRead(kept: Kept, repo: HistoryRepository, dir: string, reason: RegExp): Promise<void> {
  const since = await kept.read(repo);
  assert.equal(since.incremental, false, 'the cursor is refused');
  assert.match(since.fullReadReason ?? '', reason);
  await assertEqualsFullRead(kept, dir, `after a full read (${since.fullReadReason})`);
  const again = await kept.read(repo);
  assert.equal(again.incremental, true, 'the new cursor resumes');
  assert.deepEqual([again.metrics, again.feedback], [[], []]);
}

const rel = (log: 'feedback' | 'metrics', segment: number): string => segmentPath(log, segment);

describe('history store: reading events since a cursor', function () {
  this.timeout(120_000);

  it('randomized appends (across segment boundaries, both logs): what was kept plus what is read equals a full read', async () => {
    for (const seed of [1, 2, 3]) {
      const dir = tempDir('events-since-random');
      const random = mulberry32(seed);
      const { repo } = counted(dir);
      const writer = openHistoryStore(dir, { fs: fastFs });
      const kept = new Kept();
      let incremental = 0;
      for (let step = 0; step < 14; step += 1) {
        const shape = random();
        if (shape < 0.3) {
          // An improve run or a decision: through the repository, one event at a time.
          for (let i = Math.floor(random() * 3); i > 0; i -= 1) {
            if (random() < 0.5) await writer.recordMetric(metricOf(random));
            else await writer.recordFeedback(feedbackOf(random));
          }
        } else if (shape < 0.8) {
          await appendInOneCommit(dir, random, Math.floor(random() * 40), Math.floor(random() * 120));
        } else {
          // Exactly to, or past, the end of a segment.
          const size = EVENT_SEGMENT_SIZE - (kept.metrics.length % EVENT_SEGMENT_SIZE) + (random() < 0.5 ? 0 : Math.floor(random() * 300));
          await appendInOneCommit(dir, random, Math.floor(random() * 300), size);
        }
        const since = await kept.read(repo);
        if (step > 0) assert.equal(since.incremental, true, `seed ${seed} step ${step}: ${since.fullReadReason}`);
        if (since.incremental) incremental += 1;
        await assertEqualsFullRead(kept, dir, `seed ${seed} step ${step}`);
      }
      assert.equal(incremental, 13);
      assert.ok(kept.metrics.length > 2 * EVENT_SEGMENT_SIZE, `seed ${seed}: ${kept.metrics.length} metric events span several segments`);
    }
  });

  it('reads only the segments that changed: none when nothing was appended, the last one after an append', async () => {
    const dir = tempDir('events-since-reads');
    await appendInOneCommit(dir, mulberry32(4), 300, 600);
    const { repo, segmentReads } = counted(dir);
    const kept = new Kept();
    await kept.read(repo);
    assert.deepEqual(segmentReads.sort(), ['feedback-000001.json', 'feedback-000002.json', 'metrics-000001.json', 'metrics-000002.json', 'metrics-000003.json']);

    segmentReads.length = 0;
    assert.deepEqual(await kept.read(repo), { incremental: true, feedback: [], metrics: [], cursor: kept.cursor });
    assert.deepEqual(segmentReads, [], 'nothing appended: no segment read');

    await openHistoryStore(dir, { fs: fastFs }).recordMetric(metricOf(mulberry32(5)));
    const since = await kept.read(repo);
    assert.equal(since.metrics.length, 1);
    assert.deepEqual(segmentReads, ['metrics-000003.json'], 'only the segment that took the append');
    await assertEqualsFullRead(kept, dir, 'after one append');
  });

  it('falls back to a full read without a cursor, with another store\'s cursor, or with another format\'s', async () => {
    const a = await readStore(3, 5);
    const b = await readStore(2, 7, 9);
    const fromA = a.kept.cursor;
    b.kept.cursor = fromA;
    await assertFullRead(b.kept, b.repo, b.dir, /another store/);
    a.kept.cursor = { ...fromA!, schemaVersion: 0 };
    await assertFullRead(a.kept, a.repo, a.dir, /format 0/);
  });

  it('falls back when an earlier segment was rewritten (compacted), replaced, or touched', async () => {
    const { dir, repo, kept, random } = await readStore(10, 2 * EVENT_SEGMENT_SIZE + 10);
    // Compaction: the events of segments 1 and 2 rewritten with one fewer; the count of segments is unchanged.
    const first = JSON.parse(readFileSync(join(dir, rel('metrics', 1)), 'utf8')) as { metric_events: unknown[] };
    first.metric_events.pop();
    writeFileSync(join(dir, rel('metrics', 1)), JSON.stringify(first, null, 2));
    await appendInOneCommit(dir, random, 0, 1);
    await assertFullRead(kept, repo, dir, /metrics: segment 1 changed/);

    // Same content, new file (a checkout of the same commit, a copy): refused too, to be safe.
    const second = join(dir, rel('metrics', 2));
    const content = readFileSync(second, 'utf8');
    rmSync(second);
    writeFileSync(second, content);
    await assertFullRead(kept, repo, dir, /metrics: segment 2 changed/);

    const when = new Date(Date.now() - 60_000);
    utimesSync(second, when, when);
    await assertFullRead(kept, repo, dir, /metrics: segment 2 changed/);
  });

  it('falls back when the last segment read was rewritten instead of appended to', async () => {
    const { dir, repo, kept } = await readStore(12, 20);
    const last = JSON.parse(readFileSync(join(dir, rel('feedback', 1)), 'utf8')) as { feedback_events: { decision: string; id: string }[] };
    // Same count, one event replaced by another (another id): not an append.
    last.feedback_events[3] = { ...last.feedback_events[3]!, id: '0mwv770gsyzzzzz' };
    writeFileSync(join(dir, rel('feedback', 1)), JSON.stringify(last, null, 2));
    await assertFullRead(kept, repo, dir, /feedback: segment 1 was rewritten/);
  });

  it('falls back when a segment was moved aside as unreadable (by this read or by another process)', async () => {
    const { dir, repo, kept, random } = await readStore(5, EVENT_SEGMENT_SIZE + 5);
    writeFileSync(join(dir, rel('metrics', 1)), '{"schemaVersion": 1, "segment": 1, "metric_ev');
    await appendInOneCommit(dir, random, 1, 1);
    await assertFullRead(kept, repo, dir, /metrics: segment 1 changed/);
    assert.equal(kept.metrics.length, 6, 'the unreadable segment\'s events are gone, as in a full read');

    // The last segment unreadable: this read moves it aside and finds its events gone.
    writeFileSync(join(dir, rel('feedback', 1)), 'not json');
    await assertFullRead(kept, repo, dir, /feedback: segment 1 was rewritten/);
    assert.equal(kept.feedback.length, 0);
  });

  it('falls back when the store was deleted and written again (fewer segments, or as many with other events)', async () => {
    const { dir, repo, kept, random } = await readStore(EVENT_SEGMENT_SIZE + 4, 4);
    rmSync(dir, { recursive: true, force: true });
    await appendInOneCommit(dir, random, 3, 3);
    await assertFullRead(kept, repo, dir, /feedback: fewer segments/);

    rmSync(dir, { recursive: true, force: true });
    await appendInOneCommit(dir, random, 5, 9);
    await assertFullRead(kept, repo, dir, /feedback: segment 1 was rewritten/);

    rmSync(dir, { recursive: true, force: true });
    await assertFullRead(kept, repo, dir, /fewer segments/);
    assert.deepEqual([kept.metrics, kept.feedback], [[], []]);
  });

  it('stays incremental, and equal to a full read, when the head is rebuilt or the learning is reset', async () => {
    const { dir, repo, kept, random } = await readStore(6, 40);
    writeFileSync(join(dir, 'store.json'), '{"schemaVersion": 1, "kind": "prompter-hi');
    await appendInOneCommit(dir, random, 2, 2);
    assert.equal((await kept.read(repo)).incremental, true, 'a rebuilt head lists the same segments');
    await assertEqualsFullRead(kept, dir, 'after the head was rebuilt');

    await repo.writeLearningState({ rounds: 1 });
    await repo.resetLearningState();
    await appendInOneCommit(dir, random, 1, 1);
    const since = await kept.read(repo);
    assert.equal(since.incremental, true, 'the learning state is not an event log');
    assert.deepEqual([since.metrics.length, since.feedback.length], [1, 1]);
    await assertEqualsFullRead(kept, dir, 'after a learning reset');
  });
});
