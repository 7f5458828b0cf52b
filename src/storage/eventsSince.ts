/**
 * Reading the event logs from where an earlier read stopped, so a refresh of the insights dashboard reads
 * the segments that changed instead of every segment. A cursor is trusted only while the store shows no
 * sign of having been rewritten under it (FORMAT.md, "Reading events incrementally"); otherwise every
 * event is read again. Either way, what the caller kept plus what it gets equals a full read.
 */
import { join } from 'node:path';
import type {
  EventCursor,
  EventLogCursor,
  EventsSince,
  FeedbackEventRecord,
  MetricEventRecord,
} from '../core/history';
import type { DocCodec, FeedbackSegmentDoc, HeadDoc, MetricSegmentDoc } from './documents';
import { SCHEMA_VERSION, feedbackSegmentCodec, metricSegmentCodec } from './documents';
import type { OpContext } from './promptOps';
import type { EventLog } from './storeLayout';
import { segmentPath } from './storeLayout';

/** How one event log is stored. */
interface LogSpec<E extends { id: string }, D> {
  log: EventLog;
  codec: DocCodec<D>;
  events(doc: D): E[];
  segments(head: HeadDoc): number;
}

const FEEDBACK: LogSpec<FeedbackEventRecord, FeedbackSegmentDoc> = {
  log: 'feedback',
  codec: feedbackSegmentCodec,
  events: (doc) => doc.feedback_events,
  segments: (head) => head.feedbackSegments,
};

const METRICS: LogSpec<MetricEventRecord, MetricSegmentDoc> = {
  log: 'metrics',
  codec: metricSegmentCodec,
  events: (doc) => doc.metric_events,
  segments: (head) => head.metricSegments,
};

/** One log read: the events (all, or the new ones) and the cursor after them. */
interface LogRead<E> {
  events: E[];
  cursor: EventLogCursor;
}

function fingerprintOf(ctx: OpContext, log: EventLog, segment: number): Promise<string | null> {
  const { fs, dir } = ctx.session.ctx;
  return fs.fingerprint(join(dir, segmentPath(log, segment)));
}

/** One segment's events, with its fingerprint taken before the read (a change after it shows next time). */
async function readSegment<E extends { id: string }, D>(
  ctx: OpContext,
  spec: LogSpec<E, D>,
  segment: number,
): Promise<{ fingerprint: string | null; events: E[] }> {
  const rel = segmentPath(spec.log, segment);
  const fingerprint = await fingerprintOf(ctx, spec.log, segment);
  const doc = await ctx.session.read(rel, spec.codec);
  // An unreadable segment was just moved aside: from now on it is missing.
  return { fingerprint: ctx.session.wasCorrupt(rel) ? null : fingerprint, events: doc ? spec.events(doc) : [] };
}

/** Reads segments `first` … the head's last, after the `known` fingerprints of the segments before `first`. */
async function readSegments<E extends { id: string }, D>(
  ctx: OpContext,
  spec: LogSpec<E, D>,
  first: number,
  known: readonly (string | null)[],
  lastIds: readonly string[],
): Promise<LogRead<E>> {
  const segments = known.slice(0, first - 1);
  const events: E[] = [];
  for (let segment = first; segment <= spec.segments(ctx.head); segment += 1) {
    const read = await readSegment(ctx, spec, segment);
    segments.push(read.fingerprint);
    for (const event of read.events) events.push(event);
    lastIds = read.events.map((event) => event.id);
  }
  return { events, cursor: { segments, lastIds } };
}

const startsWith = (ids: readonly string[], prefix: readonly string[]): boolean =>
  ids.length >= prefix.length && prefix.every((id, index) => ids[index] === id);

/** The events appended to one log since `cursor`, or why the cursor no longer fits the log. */
async function resume<E extends { id: string }, D>(
  ctx: OpContext,
  spec: LogSpec<E, D>,
  cursor: EventLogCursor,
): Promise<LogRead<E> | string> {
  const known = cursor.segments;
  const last = known.length;
  if (spec.segments(ctx.head) < last) return `${spec.log}: fewer segments than when last read`;
  if (last === 0) return readSegments(ctx, spec, 1, known, []);
  // Segments before the last one read were full: the store never writes them again.
  for (let segment = 1; segment < last; segment += 1) {
    if ((await fingerprintOf(ctx, spec.log, segment)) !== known[segment - 1]) return `${spec.log}: segment ${segment} changed`;
  }
  // The last one read takes appends: unchanged, or still starting with the events read from it.
  let tail: E[] = [];
  let lastIds = cursor.lastIds;
  const current = await readSegmentIfChanged(ctx, spec, last, known[last - 1] ?? null);
  if (current) {
    const ids = current.events.map((event) => event.id);
    if (!startsWith(ids, cursor.lastIds)) return `${spec.log}: segment ${last} was rewritten`;
    tail = current.events.slice(cursor.lastIds.length);
    lastIds = ids;
  }
  const segments = current ? [...known.slice(0, last - 1), current.fingerprint] : known;
  const after = await readSegments(ctx, spec, last + 1, segments, lastIds);
  return { events: [...tail, ...after.events], cursor: after.cursor };
}

/** The segment's events when its fingerprint is no longer `known`, else undefined. */
async function readSegmentIfChanged<E extends { id: string }, D>(
  ctx: OpContext,
  spec: LogSpec<E, D>,
  segment: number,
  known: string | null,
): Promise<{ fingerprint: string | null; events: E[] } | undefined> {
  if ((await fingerprintOf(ctx, spec.log, segment)) === known) return undefined;
  return readSegment(ctx, spec, segment);
}

/** Why `cursor` cannot be resumed at all in this store, or undefined when it may be. */
function unusable(ctx: OpContext, cursor: EventCursor | undefined): string | undefined {
  if (!cursor) return 'no cursor';
  if (cursor.store !== ctx.session.ctx.dir) return 'a cursor of another store';
  if (cursor.schemaVersion !== SCHEMA_VERSION) return `a cursor of format ${cursor.schemaVersion}`;
  return undefined;
}

/** Feedback and metric events appended since `cursor`, or every event when it does not fit the store. */
export async function readEventsSince(ctx: OpContext, cursor: EventCursor | undefined): Promise<EventsSince> {
  let reason = unusable(ctx, cursor);
  if (!reason && cursor) {
    const feedback = await resume(ctx, FEEDBACK, cursor.feedback);
    if (typeof feedback === 'string') reason = feedback;
    else {
      const metrics = await resume(ctx, METRICS, cursor.metrics);
      if (typeof metrics === 'string') reason = metrics;
      else return { incremental: true, feedback: feedback.events, metrics: metrics.events, cursor: cursorOf(ctx, feedback, metrics) };
    }
  }
  // NOTE: both logs are read again even when only one cursor failed: callers then replace both lists,
  // and the session's cache makes the segments already read in this session free.
  const feedback = await readSegments(ctx, FEEDBACK, 1, [], []);
  const metrics = await readSegments(ctx, METRICS, 1, [], []);
  return {
    incremental: false,
    fullReadReason: reason ?? 'no cursor',
    feedback: feedback.events,
    metrics: metrics.events,
    cursor: cursorOf(ctx, feedback, metrics),
  };
}

function cursorOf(ctx: OpContext, feedback: LogRead<unknown>, metrics: LogRead<unknown>): EventCursor {
  return { store: ctx.session.ctx.dir, schemaVersion: SCHEMA_VERSION, feedback: feedback.cursor, metrics: metrics.cursor };
}
