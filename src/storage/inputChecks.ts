/**
 * Checks on what callers hand the store, so nothing the store cannot read back is ever written: a file that
 * fails its schema on read is moved aside, so a bad write would cost the user data on the next read.
 */
import * as z from 'zod/mini';
import type {
  JsonObject,
  NewFeedbackEvent,
  NewMetricEvent,
  NewScore,
  NewVersion,
  PromptOrigin,
} from '../core/history';
import { issuePath } from '../core/describeIssue';
import { requirePromptId, requireVersionId } from './ids';
import {
  diffHunkSchema,
  feedbackEventSchema,
  isVersionSource,
  jsonObjectSchema,
  metricEventSchema,
  scorecardShape,
} from './recordSchemas';
import { StoreError } from './storeError';

function check<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issuePath(issue)}` : '';
  throw new StoreError('invalid-input', `Cannot store this ${what}: ${issue?.message ?? 'invalid'}${where}.`);
}

/** A record without the id and time the store assigns (they were only filled in to reuse its schema). */
function withoutStamps<T extends { id: string; createdAt: number }>(record: T): Omit<T, 'id' | 'createdAt'> {
  const copy: Partial<T> = { ...record };
  delete copy.id;
  delete copy.createdAt;
  return copy as Omit<T, 'id' | 'createdAt'>;
}

const scoreSchema: z.ZodMiniType<NewScore> = z.object(scorecardShape);

const newVersionSchema: z.ZodMiniType<NewVersion> = z.object({
  text: z.string(),
  explanation: z.object({ bullets: z.array(z.string()), diffs: z.array(diffHunkSchema) }),
  source: z.custom<NewVersion['source']>((v: unknown) => isVersionSource(v) && v !== 'original', {
    message: 'expected engine/heuristic@N or engine/llm:<model>',
  }),
  strategies: z.array(z.string()),
  parentVersionId: z.string(),
  engine: z.object({
    id: z.string(),
    rendering: z.optional(z.string()),
    fallbackReason: z.optional(z.string()),
    seed: z.optional(z.number()),
  }),
  timeToResultMs: z.number().check(z.nonnegative()),
});

const originSchema: z.ZodMiniType<PromptOrigin> = z.object({
  file: z.optional(z.string()),
  languageId: z.optional(z.string()),
});

/** A scorecard with axes in 0–10 and a total in 0–50. */
export function checkScore(score: NewScore): NewScore {
  return check(scoreSchema, score, 'score');
}

/** A rewrite whose parent is a version of `promptId`. */
export function checkNewVersion(promptId: string, version: NewVersion): NewVersion {
  const checked = check(newVersionSchema, version, 'version');
  const parent = requireVersionId(checked.parentVersionId);
  if (parent.promptId !== promptId) {
    throw new StoreError(
      'invalid-input',
      `Version ${checked.parentVersionId} belongs to another prompt than ${promptId}; a rewrite's parent must be a version of the same prompt.`,
    );
  }
  return checked;
}

/** Where a prompt came from. */
export function checkOrigin(origin: PromptOrigin): PromptOrigin {
  return check(originSchema, origin, 'prompt origin');
}

/** A feedback event about an existing-looking version of the named prompt. */
export function checkFeedback(event: NewFeedbackEvent): NewFeedbackEvent {
  const checked = check(feedbackEventSchema, { ...event, id: 'x', createdAt: 0 }, 'feedback');
  requirePromptId(event.promptId);
  if (requireVersionId(event.versionId).promptId !== event.promptId) {
    throw new StoreError('invalid-input', `Version ${event.versionId} is not a version of prompt ${event.promptId}.`);
  }
  return withoutStamps(checked);
}

/** A metric event. */
export function checkMetric(event: NewMetricEvent): NewMetricEvent {
  return withoutStamps(check(metricEventSchema, { ...event, id: 'x', createdAt: 0 }, 'metric'));
}

/** Learning state: any JSON object. */
export function checkLearningState(state: JsonObject): JsonObject {
  return check(jsonObjectSchema, state, 'learning state');
}
