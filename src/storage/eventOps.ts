/** Feedback and metric events (append-only segments) and the learning state, inside one locked session. */
import type {
  FeedbackEventRecord,
  LearningState,
  LearningStateRecord,
  MetricEventRecord,
  NewFeedbackEvent,
  NewMetricEvent,
} from '../core/history';
import type { LearningDoc } from './documents';
import { SCHEMA_VERSION, feedbackSegmentCodec, learningCodec, metricSegmentCodec } from './documents';
import { newId } from './ids';
import { checkFeedback, checkLearningState, checkMetric } from './inputChecks';
import type { OpContext } from './promptOps';
import { EVENT_SEGMENT_SIZE, LEARNING_FILE, segmentPath } from './storeLayout';

/** Appends a feedback event to the last segment (a new one when it is full). */
export async function recordFeedback(ctx: OpContext, event: NewFeedbackEvent): Promise<FeedbackEventRecord> {
  const now = ctx.session.ctx.now();
  const record: FeedbackEventRecord = { ...checkFeedback(event), id: newId(now), createdAt: now };
  let segment = Math.max(1, ctx.head.feedbackSegments);
  let doc = (await ctx.session.read(segmentPath('feedback', segment), feedbackSegmentCodec)) ?? {
    schemaVersion: SCHEMA_VERSION,
    segment,
    feedback_events: [],
  };
  if (doc.feedback_events.length >= EVENT_SEGMENT_SIZE) {
    segment += 1;
    doc = { schemaVersion: SCHEMA_VERSION, segment, feedback_events: [] };
  }
  ctx.session.write(segmentPath('feedback', segment), { ...doc, feedback_events: [...doc.feedback_events, record] });
  ctx.head = { ...ctx.head, feedbackSegments: segment };
  return record;
}

/** Appends a metric event to the last segment (a new one when it is full). */
export async function recordMetric(ctx: OpContext, event: NewMetricEvent): Promise<MetricEventRecord> {
  const now = ctx.session.ctx.now();
  const record: MetricEventRecord = { ...checkMetric(event), id: newId(now), createdAt: now };
  let segment = Math.max(1, ctx.head.metricSegments);
  let doc = (await ctx.session.read(segmentPath('metrics', segment), metricSegmentCodec)) ?? {
    schemaVersion: SCHEMA_VERSION,
    segment,
    metric_events: [],
  };
  if (doc.metric_events.length >= EVENT_SEGMENT_SIZE) {
    segment += 1;
    doc = { schemaVersion: SCHEMA_VERSION, segment, metric_events: [] };
  }
  ctx.session.write(segmentPath('metrics', segment), { ...doc, metric_events: [...doc.metric_events, record] });
  ctx.head = { ...ctx.head, metricSegments: segment };
  return record;
}

/** Every feedback event, oldest first. */
export async function listFeedback(ctx: OpContext): Promise<FeedbackEventRecord[]> {
  const all: FeedbackEventRecord[] = [];
  for (let segment = 1; segment <= ctx.head.feedbackSegments; segment += 1) {
    const doc = await ctx.session.read(segmentPath('feedback', segment), feedbackSegmentCodec);
    if (doc) all.push(...doc.feedback_events);
  }
  return all;
}

/** Every metric event, oldest first. */
export async function listMetrics(ctx: OpContext): Promise<MetricEventRecord[]> {
  const all: MetricEventRecord[] = [];
  for (let segment = 1; segment <= ctx.head.metricSegments; segment += 1) {
    const doc = await ctx.session.read(segmentPath('metrics', segment), metricSegmentCodec);
    if (doc) all.push(...doc.metric_events);
  }
  return all;
}

function recordOf(doc: LearningDoc): LearningStateRecord {
  return { state: doc.state, revision: doc.revision, updatedAt: doc.updatedAt };
}

/** The learning state, or undefined when none was written. */
export async function readLearningState(ctx: OpContext): Promise<LearningStateRecord | undefined> {
  const doc = await ctx.session.read(LEARNING_FILE, learningCodec);
  return doc ? recordOf(doc) : undefined;
}

/** Replaces the learning state with `update(current)`. */
export async function updateLearningState(
  ctx: OpContext,
  update: (current: LearningState | undefined) => LearningState,
): Promise<LearningStateRecord> {
  const current = await ctx.session.read(LEARNING_FILE, learningCodec);
  const state = checkLearningState(update(current?.state));
  const doc: LearningDoc = {
    schemaVersion: SCHEMA_VERSION,
    revision: (current?.revision ?? 0) + 1,
    updatedAt: ctx.session.ctx.now(),
    state,
  };
  ctx.session.write(LEARNING_FILE, doc);
  return recordOf(doc);
}

/** Removes the learning state file. */
export function resetLearningState(ctx: OpContext): void {
  ctx.session.remove(LEARNING_FILE);
}
