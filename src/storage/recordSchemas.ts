/**
 * zod schemas of the stored records (the types in `src/core/history.ts`). Each is annotated with its core
 * type, so a field added to one and not the other fails the type check instead of being dropped on read.
 */
import * as z from 'zod';
import type {
  EngineInfo,
  FeedbackEventRecord,
  JsonObject,
  JsonValue,
  JudgeScoreRecord,
  MetricEventRecord,
  PromptRecord,
  PromptSummary,
  PromptVersionRecord,
  VersionSource,
} from '../core/history';
import type { DiffHunk, Suggestion } from '../core/types';
import { AXES } from '../core/types';

const time = z.number().finite().nonnegative();
const strings = z.array(z.string());

/** True for `original`, `engine/heuristic@N` and `engine/llm:<model>`. */
export function isVersionSource(value: unknown): value is VersionSource {
  return typeof value === 'string' && /^(original|engine\/heuristic@\d+|engine\/llm:.+)$/s.test(value);
}

const versionSource = z.custom<VersionSource>(isVersionSource, {
  message: 'expected original, engine/heuristic@N or engine/llm:<model>',
});

export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

export const jsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), jsonValueSchema);

const originSchema = z.object({ file: z.string().optional(), languageId: z.string().optional() });

export const promptRecordSchema: z.ZodType<PromptRecord> = z.object({
  id: z.string(),
  userId: z.string().optional(),
  originalText: z.string(),
  createdAt: time,
  bestVersionId: z.string(),
  bestScore: z.number().nullable(),
  origin: originSchema,
});

export const promptSummarySchema: z.ZodType<PromptSummary> = z.object({
  id: z.string(),
  userId: z.string().optional(),
  preview: z.string(),
  createdAt: time,
  updatedAt: time,
  bestVersionId: z.string(),
  bestVersionNo: z.number().int().nonnegative(),
  bestScore: z.number().nullable(),
  versionCount: z.number().int().nonnegative(),
  origin: originSchema,
});

export const diffHunkSchema: z.ZodType<DiffHunk> = z.object({
  id: z.string(),
  oldStart: z.number().int(),
  oldLines: z.number().int().nonnegative(),
  newStart: z.number().int(),
  newLines: z.number().int().nonnegative(),
  lines: strings,
  strategies: strings,
});

const engineInfoSchema: z.ZodType<EngineInfo> = z.object({
  id: z.string(),
  rendering: z.string().optional(),
  fallbackReason: z.string().optional(),
  seed: z.number().optional(),
});

export const promptVersionSchema: z.ZodType<PromptVersionRecord> = z.object({
  id: z.string(),
  promptId: z.string(),
  versionNo: z.number().int().nonnegative(),
  text: z.string(),
  explanation: z.object({ bullets: strings, diffs: z.array(diffHunkSchema) }),
  source: versionSource,
  strategies: strings,
  parentVersionId: z.string().nullable(),
  engine: engineInfoSchema.optional(),
  timeToResultMs: z.number().nonnegative().optional(),
  createdAt: time,
});

const axisScore = z.number().min(0).max(10);

const suggestionSchema: z.ZodType<Suggestion> = z.object({
  axis: z.enum(AXES),
  rule: z.string(),
  message: z.string(),
  span: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
});

/** A scorecard as callers hand it in (checked before it is stored: ranges and keys). */
export const scorecardShape = {
  clarity: axisScore,
  specificity: axisScore,
  actionability: axisScore,
  structure: axisScore,
  contextUse: axisScore,
  total: z.number().min(0).max(50),
  feedback: z.object({ pros: strings, cons: strings, summary: z.string() }),
  suggestions: z.array(suggestionSchema),
  judge: z.string(),
  rawModelOutput: z.string().optional(),
};

export const judgeScoreSchema: z.ZodType<JudgeScoreRecord> = z.object({
  ...scorecardShape,
  id: z.string(),
  promptVersionId: z.string(),
  createdAt: time,
});

export const feedbackEventSchema: z.ZodType<FeedbackEventRecord> = z.object({
  id: z.string(),
  promptId: z.string(),
  versionId: z.string(),
  decision: z.enum(['accepted', 'rejected', 'partial']),
  hunks: z.array(z.object({ hunkId: z.string(), accepted: z.boolean(), strategies: strings })),
  strategies: strings,
  via: z.string(),
  createdAt: time,
});

export const metricEventSchema: z.ZodType<MetricEventRecord> = z.object({
  id: z.string(),
  kind: z.enum(['improve', 'judge']),
  promptId: z.string().optional(),
  versionId: z.string().optional(),
  engine: z.string(),
  timeToResultMs: z.number().nonnegative(),
  adopted: z.boolean(),
  total: z.number().optional(),
  fallbackReason: z.string().optional(),
  createdAt: time,
});
