/**
 * The files of a store (see FORMAT.md): their shapes, their zod schemas, and how each is decoded, migrated
 * from an older `schemaVersion` and validated on read.
 */
import * as z from 'zod/mini';
import type {
  FeedbackEventRecord,
  JsonObject,
  JudgeScoreRecord,
  MetricEventRecord,
  PromptRecord,
  PromptSummary,
  PromptVersionRecord,
} from '../core/history';
import { describeIssue } from '../core/describeIssue';
import {
  feedbackEventSchema,
  jsonObjectSchema,
  judgeScoreSchema,
  metricEventSchema,
  promptRecordSchema,
  promptSummarySchema,
  promptVersionSchema,
} from './recordSchemas';
import { StoreError } from './storeError';

/** The format version this code writes; files with a lower one are migrated on read. */
export const SCHEMA_VERSION = 1;

/** `store.json`: counters, the change-notification revision, and how many pages and segments exist. */
export interface HeadDoc {
  schemaVersion: number;
  /** Always `prompter-history`: tells a stray JSON file from a store. */
  kind: 'prompter-history';
  /** +1 on every committed write by any process; watch this file to refresh. */
  revision: number;
  /** Milliseconds since the epoch of the last commit. */
  updatedAt: number;
  /** Index pages are `index/000001.json` … up to this number; the last one takes new prompts. */
  indexPages: number;
  /** Feedback segments `events/feedback-000001.json` … up to this number. */
  feedbackSegments: number;
  /** Metric segments `events/metrics-000001.json` … up to this number. */
  metricSegments: number;
}

/** `index/NNNNNN.json`: summaries of up to INDEX_PAGE_SIZE prompts, in creation order. */
export interface IndexPageDoc {
  schemaVersion: number;
  page: number;
  prompts: PromptSummary[];
}

/** `prompts/<id>/prompt.json`: the prompt record plus the bookkeeping that locates and numbers its versions. */
export interface ManifestDoc {
  schemaVersion: number;
  prompt: PromptRecord;
  /** The index page that lists this prompt. */
  indexPage: number;
  /** The number the next version gets (never reused, even after deletes). */
  nextVersionNo: number;
  /** How many versions exist now. */
  versionCount: number;
  /** Milliseconds since the epoch of the last stored version. */
  updatedAt: number;
}

/** `prompts/<id>/versions-NNNN.json`: versions `page*VERSION_PAGE_SIZE` … with their judge scores. */
export interface VersionPageDoc {
  schemaVersion: number;
  promptId: string;
  page: number;
  prompt_versions: PromptVersionRecord[];
  judge_scores: JudgeScoreRecord[];
}

/** `events/feedback-NNNNNN.json`: up to EVENT_SEGMENT_SIZE feedback events, oldest first. */
export interface FeedbackSegmentDoc {
  schemaVersion: number;
  segment: number;
  feedback_events: FeedbackEventRecord[];
}

/** `events/metrics-NNNNNN.json`: up to EVENT_SEGMENT_SIZE metric events, oldest first. */
export interface MetricSegmentDoc {
  schemaVersion: number;
  segment: number;
  metric_events: MetricEventRecord[];
}

/** `learning.json`: the learning loop's opaque state. */
export interface LearningDoc {
  schemaVersion: number;
  revision: number;
  updatedAt: number;
  state: JsonObject;
}

/** One step of a commit, as the journal records it (paths relative to the store folder, `/`-separated). */
export type JournalOp =
  | { op: 'write'; path: string; doc: unknown }
  | { op: 'remove'; path: string }
  | { op: 'rename'; from: string; to: string };

/** `journal.json`: a commit's steps, present only between its commit point and its completion. */
export interface JournalDoc {
  schemaVersion: number;
  createdAt: number;
  ops: JournalOp[];
}

/** Moves a raw document of version N to version N+1. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** How one kind of file is decoded: its schema and the migrations from older versions. */
export interface DocCodec<T> {
  kind: string;
  schema: z.ZodMiniType<T>;
  /** `migrations[n]` turns a version-n document into version n+1; index 0 upgrades unversioned files. */
  migrations: Migration[];
}

/** A file that is not valid JSON or not the expected shape; the store moves it aside. */
export class CorruptFileError extends Error {
  override readonly name = 'CorruptFileError';
}

/** Decodes a parsed file: checks `schemaVersion`, runs migrations up to the current one, validates. */
export function decodeDocument<T>(codec: DocCodec<T>, raw: unknown, file: string): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptFileError(`${file} is not a JSON object`);
  }
  let doc = raw as Record<string, unknown>;
  const found = doc['schemaVersion'] === undefined ? 0 : doc['schemaVersion'];
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0) {
    throw new CorruptFileError(`${file} has an invalid schemaVersion`);
  }
  if (found > SCHEMA_VERSION) {
    throw new StoreError(
      'newer-format',
      `${file} was written by a newer Prompter (format ${found}; this one reads up to ${SCHEMA_VERSION}). ` +
        'Update the extension or the prompter CLI; the file was left untouched.',
    );
  }
  for (let version = found; version < SCHEMA_VERSION; version += 1) {
    const migrate = codec.migrations[version];
    if (!migrate) throw new CorruptFileError(`${file}: no migration from format ${version} for ${codec.kind}`);
    doc = { ...migrate(doc), schemaVersion: version + 1 };
  }
  const parsed = codec.schema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const what = issue ? describeIssue(issue, 'top level') : 'top level: ?';
    throw new CorruptFileError(`${file} does not have the ${codec.kind} shape (${what})`);
  }
  return parsed.data;
}

const version = z.int();
const positive = z.int().check(z.nonnegative());

export const headCodec: DocCodec<HeadDoc> = {
  kind: 'store head',
  schema: z.object({
    schemaVersion: version,
    kind: z.literal('prompter-history'),
    revision: positive,
    updatedAt: z.number(),
    indexPages: positive,
    feedbackSegments: positive,
    metricSegments: positive,
  }),
  migrations: [],
};

export const indexPageCodec: DocCodec<IndexPageDoc> = {
  kind: 'index page',
  schema: z.object({ schemaVersion: version, page: positive, prompts: z.array(promptSummarySchema) }),
  migrations: [],
};

export const manifestCodec: DocCodec<ManifestDoc> = {
  kind: 'prompt manifest',
  schema: z.object({
    schemaVersion: version,
    prompt: promptRecordSchema,
    indexPage: positive,
    nextVersionNo: positive,
    versionCount: positive,
    updatedAt: z.number(),
  }),
  migrations: [],
};

export const versionPageCodec: DocCodec<VersionPageDoc> = {
  kind: 'version page',
  schema: z.object({
    schemaVersion: version,
    promptId: z.string(),
    page: positive,
    prompt_versions: z.array(promptVersionSchema),
    judge_scores: z.array(judgeScoreSchema),
  }),
  migrations: [],
};

export const feedbackSegmentCodec: DocCodec<FeedbackSegmentDoc> = {
  kind: 'feedback segment',
  schema: z.object({ schemaVersion: version, segment: positive, feedback_events: z.array(feedbackEventSchema) }),
  migrations: [],
};

export const metricSegmentCodec: DocCodec<MetricSegmentDoc> = {
  kind: 'metric segment',
  schema: z.object({ schemaVersion: version, segment: positive, metric_events: z.array(metricEventSchema) }),
  migrations: [],
};

export const learningCodec: DocCodec<LearningDoc> = {
  kind: 'learning state',
  schema: z.object({ schemaVersion: version, revision: positive, updatedAt: z.number(), state: jsonObjectSchema }),
  migrations: [],
};

const relativePath = z.string().check(z.regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/, 'a path inside the store'));

export const journalCodec: DocCodec<JournalDoc> = {
  kind: 'journal',
  schema: z.object({
    schemaVersion: version,
    createdAt: z.number(),
    ops: z.array(
      z.discriminatedUnion('op', [
        z.object({ op: z.literal('write'), path: relativePath, doc: z.unknown() }),
        z.object({ op: z.literal('remove'), path: relativePath }),
        z.object({ op: z.literal('rename'), from: relativePath, to: relativePath }),
      ]),
    ),
  }),
  migrations: [],
};
