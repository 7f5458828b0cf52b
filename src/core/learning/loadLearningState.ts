/**
 * Reads back what the store kept: validates a learning state from disk and repairs or rejects it, with a
 * message a person can act on. Never throws: a bad state must not stop a rewrite, it only costs what was
 * learned.
 */
import type { core } from 'zod/mini';
import * as z from 'zod/mini';
import { describeIssue } from '../describeIssue';
import type { LearningStateV1, StrategyStats } from './learningState';
import { emptyLearningState, LEARNING_STATE_VERSION } from './learningState';

/** The outcome of reading a stored state: always a usable state, plus what went wrong if anything did. */
export type LoadedLearningState =
  | {
      ok: true;
      state: LearningStateV1;
      /** Repairs made (counters of one strategy dropped, …), for the output channel; empty when none. */
      notes: string[];
    }
  | {
      ok: false;
      /** An empty state, so the caller can go on with the prior. */
      state: LearningStateV1;
      /** What is wrong, in one sentence starting "The stored learning state"; the caller adds what happens next. */
      error: string;
    };

const count = z.int().check(z.nonnegative());

const statsSchema: z.ZodMiniType<StrategyStats> = z.object({
  offered: count,
  applied: count,
  gainSum: z.number(), // zod 4's number() refuses NaN and ±Infinity
  accepted: count,
  rejected: count,
});

// Strategy ids are kebab-case (`add-role`); anything else did not come from the engine.
const STRATEGY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const headerSchema = z.object({ version: z.literal(LEARNING_STATE_VERSION), rewrites: count, decisions: count, strategies: z.record(z.string(), z.unknown()) });

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function firstIssue(error: core.$ZodError): string {
  const issue = error.issues[0];
  return issue ? describeIssue(issue, 'the state') : 'it does not match the expected shape';
}

// The message says what is wrong, not what happens next: that is the caller's policy (start afresh,
// or pause learning and keep the file for a person to look at).
function failure(reason: string): LoadedLearningState {
  return { ok: false, state: emptyLearningState(), error: `The stored learning state ${reason}.` };
}

/** Validates (and if need be repairs) a learning state read from disk; `undefined` means none was stored. */
export function loadLearningState(raw: unknown): LoadedLearningState {
  if (raw === undefined) return { ok: true, state: emptyLearningState(), notes: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return failure(`is ${describe(raw)}, not an object`);
  const version: unknown = (raw as { version?: unknown }).version;
  if (typeof version !== 'number') return failure('has no version number, so it was not written by this extension');
  if (version > LEARNING_STATE_VERSION) {
    return failure(`was written by a newer release (format ${version}; this one reads ${LEARNING_STATE_VERSION}): update the extension to use it`);
  }
  // NOTE: format 1 is the first; when a format 2 exists, a migration from 1 goes here, before validation.
  if (version !== LEARNING_STATE_VERSION) return failure(`has an unknown format ${version}`);
  const header = headerSchema.safeParse(raw);
  if (!header.success) return failure(`is damaged (${firstIssue(header.error)})`);

  // One strategy's bad counters cost only that strategy's history, not the whole workspace's.
  const notes: string[] = [];
  const strategies: [string, StrategyStats][] = [];
  for (const [id, value] of Object.entries(header.data.strategies)) {
    const stats = statsSchema.safeParse(value);
    if (!STRATEGY_ID.test(id)) notes.push(`Dropped counters under "${id.slice(0, 60)}": not a strategy id.`);
    else if (!stats.success) notes.push(`Dropped the counters of ${id} (${firstIssue(stats.error)}); it starts again from the prior.`);
    else strategies.push([id, stats.data]);
  }
  const { rewrites, decisions } = header.data;
  return { ok: true, state: { version: LEARNING_STATE_VERSION, rewrites, decisions, strategies: Object.fromEntries(strategies) }, notes };
}
