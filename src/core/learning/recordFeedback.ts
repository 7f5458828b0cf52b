/**
 * Learning from people: a decision on a rewrite credits or blames the strategies whose lines it touched.
 * A decision that names hunks counts once per hunk for each strategy the hunk carries; a decision on the
 * whole change counts once for each strategy of the version.
 */
import type { FeedbackDecision, FeedbackEventRecord } from '../history';
import type { DiffHunk, StrategyId } from '../types';
import type { LearningStateV1 } from './learningState';
import { updateStats } from './learningState';

/** A person's decision on one version, as the learning loop needs it. */
export interface FeedbackInput {
  decision: FeedbackDecision;
  /** The version's hunks (its `explanation.diffs`); only `id` and `strategies` are read. */
  hunks: readonly Pick<DiffHunk, 'id' | 'strategies'>[];
  /**
   * The hunks the person kept. When given, every listed hunk counts as accepted and every other hunk as
   * rejected, whatever `decision` says; when absent, `decision` applies to the whole change.
   */
  acceptedHunkIds?: readonly string[];
  /** The version's strategies, for a whole-change decision; defaults to every strategy the hunks name. */
  strategies?: readonly StrategyId[];
}

/** A decision the learning loop cannot interpret (a caller's mistake, not a person's). */
export class FeedbackInputError extends Error {
  override readonly name = 'FeedbackInputError';
}

type Tally = Map<StrategyId, { accepted: number; rejected: number }>;

function tallyHunks(feedback: FeedbackInput, acceptedIds: readonly string[]): Tally {
  const known = new Set(feedback.hunks.map((hunk) => hunk.id));
  const unknown = acceptedIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const valid = [...known].join(', ') || 'none';
    throw new FeedbackInputError(`Unknown hunk id(s) ${unknown.join(', ')}: this version's hunks are ${valid}.`);
  }
  const kept = new Set(acceptedIds);
  const tally: Tally = new Map();
  for (const hunk of feedback.hunks) {
    for (const id of new Set(hunk.strategies)) {
      const entry = tally.get(id) ?? { accepted: 0, rejected: 0 };
      if (kept.has(hunk.id)) entry.accepted += 1;
      else entry.rejected += 1;
      tally.set(id, entry);
    }
  }
  return tally;
}

function tallyWhole(feedback: FeedbackInput): Tally {
  if (feedback.decision === 'partial') {
    throw new FeedbackInputError('A partial decision must say which hunks were kept (acceptedHunkIds).');
  }
  const accepted = feedback.decision === 'accepted' ? 1 : 0;
  const strategies = feedback.strategies ?? feedback.hunks.flatMap((hunk) => hunk.strategies);
  return new Map([...new Set(strategies)].map((id) => [id, { accepted, rejected: 1 - accepted }]));
}

/** Records a person's decision; throws FeedbackInputError for a partial decision without hunks or unknown hunk ids. */
export function recordFeedback(state: LearningStateV1, feedback: FeedbackInput): LearningStateV1 {
  const tally = feedback.acceptedHunkIds ? tallyHunks(feedback, feedback.acceptedHunkIds) : tallyWhole(feedback);
  const next = updateStats(state, tally.keys(), (stats, id) => {
    const counts = tally.get(id) ?? { accepted: 0, rejected: 0 };
    return { ...stats, accepted: stats.accepted + counts.accepted, rejected: stats.rejected + counts.rejected };
  });
  return { ...next, decisions: next.decisions + 1 };
}

/** The learning input for a stored feedback event (so the store's history can be replayed into a state). */
export function feedbackFromEvent(event: Pick<FeedbackEventRecord, 'decision' | 'hunks' | 'strategies'>): FeedbackInput {
  if (event.hunks.length === 0) return { decision: event.decision, hunks: [], strategies: event.strategies };
  return {
    decision: event.decision,
    hunks: event.hunks.map((hunk) => ({ id: hunk.hunkId, strategies: hunk.strategies })),
    acceptedHunkIds: event.hunks.filter((hunk) => hunk.accepted).map((hunk) => hunk.hunkId),
  };
}
