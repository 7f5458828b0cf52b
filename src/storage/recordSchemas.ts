/**
 * zod schemas of the stored records (the types in `src/core/history.ts`). Each is annotated with its core
 * type, so a field added to one and not the other fails the type check instead of being dropped on read.
 */
import * as z from 'zod/mini';
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

// zod 4's number() already refuses NaN and ±Infinity.
const time = z.number().check(z.nonnegative());
const count = z.int().check(z.nonnegative());
const strings = z.array(z.string());

/** True for `original`, `engine/heuristic@N` and `engine/llm:<model>`. */
export function isVersionSource(value: unknown): value is VersionSource {
  return typeof value === 'string' && /^(original|engine\/heuristic@\d+|engine\/llm:.+)$/s.test(value);
}

const versionSource = z.custom<VersionSource>(isVersionSource, {
  message: 'expected original, engine/heuristic@N or engine/llm:<model>',
});

export const jsonValueSchema: z.ZodMiniType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

export const jsonObjectSchema: z.ZodMiniType<JsonObject> = z.record(z.string(), jsonValueSchema);

const originSchema = z.object({ file: z.optional(z.string()), languageId: z.optional(z.string()) });

export const promptRecordSchema: z.ZodMiniType<PromptRecord> = z.object({
  id: z.string(),
  userId: z.optional(z.string()),
  originalText: z.string(),
  createdAt: time,
  bestVersionId: z.string(),
  bestScore: z.nullable(z.number()),
  origin: originSchema,
});

export const promptSummarySchema: z.ZodMiniType<PromptSummary> = z.object({
  id: z.string(),
  userId: z.optional(z.string()),
  preview: z.string(),
  createdAt: time,
  updatedAt: time,
  bestVersionId: z.string(),
  bestVersionNo: count,
  bestScore: z.nullable(z.number()),
  versionCount: count,
  origin: originSchema,
});

export const diffHunkSchema: z.ZodMiniType<DiffHunk> = z.object({
  id: z.string(),
  oldStart: z.int(),
  oldLines: count,
  newStart: z.int(),
  newLines: count,
  lines: strings,
  strategies: strings,
});

const engineInfoSchema: z.ZodMiniType<EngineInfo> = z.object({
  id: z.string(),
  rendering: z.optional(z.string()),
  fallbackReason: z.optional(z.string()),
  seed: z.optional(z.number()),
});

export const promptVersionSchema: z.ZodMiniType<PromptVersionRecord> = z.object({
  id: z.string(),
  promptId: z.string(),
  versionNo: count,
  text: z.string(),
  explanation: z.object({ bullets: strings, diffs: z.array(diffHunkSchema) }),
  source: versionSource,
  strategies: strings,
  parentVersionId: z.nullable(z.string()),
  engine: z.optional(engineInfoSchema),
  timeToResultMs: z.optional(z.number().check(z.nonnegative())),
  createdAt: time,
});

const axisScore = z.number().check(z.gte(0), z.lte(10));

const suggestionSchema: z.ZodMiniType<Suggestion> = z.object({
  axis: z.enum(AXES),
  rule: z.string(),
  message: z.string(),
  span: z.optional(z.object({ start: z.int(), end: z.int() })),
});

/** A scorecard as callers hand it in (checked before it is stored: ranges and keys). */
export const scorecardShape = {
  clarity: axisScore,
  specificity: axisScore,
  actionability: axisScore,
  structure: axisScore,
  contextUse: axisScore,
  total: z.number().check(z.gte(0), z.lte(50)),
  feedback: z.object({ pros: strings, cons: strings, summary: z.string() }),
  suggestions: z.array(suggestionSchema),
  judge: z.string(),
  rawModelOutput: z.optional(z.string()),
};

export const judgeScoreSchema: z.ZodMiniType<JudgeScoreRecord> = z.object({
  ...scorecardShape,
  id: z.string(),
  promptVersionId: z.string(),
  createdAt: time,
});

export const feedbackEventSchema: z.ZodMiniType<FeedbackEventRecord> = z.object({
  id: z.string(),
  promptId: z.string(),
  versionId: z.string(),
  decision: z.enum(['accepted', 'rejected', 'partial']),
  hunks: z.array(z.object({ hunkId: z.string(), accepted: z.boolean(), strategies: strings })),
  strategies: strings,
  via: z.string(),
  createdAt: time,
});

export const metricEventSchema: z.ZodMiniType<MetricEventRecord> = z.object({
  id: z.string(),
  kind: z.enum(['improve', 'judge']),
  promptId: z.optional(z.string()),
  versionId: z.optional(z.string()),
  engine: z.string(),
  timeToResultMs: z.number().check(z.nonnegative()),
  adopted: z.boolean(),
  total: z.optional(z.number()),
  fallbackReason: z.optional(z.string()),
  createdAt: time,
});
