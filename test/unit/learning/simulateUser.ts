/**
 * A simulated workspace for the learning tests and the benchmark: rewrite a prompt with the learned
 * selector, let a scripted person keep or turn down each hunk, record both, and trace what happened.
 */
import { applyHunks } from '../../../src/core/engine/hunks';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { judgePrompt } from '../../../src/core/judge/judgePrompt';
import { createSelector } from '../../../src/core/learning/createSelector';
import type { LearningStateV1 } from '../../../src/core/learning/learningState';
import { recordFeedback } from '../../../src/core/learning/recordFeedback';
import { recordImprovement } from '../../../src/core/learning/recordImprovement';
import { hashText, mixSeeds } from '../../../src/core/learning/seededRandom';
import type { DiffHunk, StrategyId } from '../../../src/core/types';

/** Decides which hunks of a rewrite a person keeps. */
export type Person = (hunks: readonly DiffHunk[]) => Set<string>;

/** A person who turns down every hunk that carries `strategy` and keeps the rest. */
export const rejectsStrategy = (strategy: StrategyId): Person => (hunks) =>
  new Set(hunks.filter((hunk) => !hunk.strategies.includes(strategy)).map((hunk) => hunk.id));

/** A person who keeps every hunk. */
export const acceptsEverything: Person = (hunks) => new Set(hunks.map((hunk) => hunk.id));

/** What happened in one round. */
export interface RoundTrace {
  round: number;
  prompt: string;
  /** The learning state the round's selection drew from. */
  before: LearningStateV1;
  /** Strategies the selector used. */
  strategies: StrategyId[];
  /** Strategies that applied (used or left out). */
  applicable: StrategyId[];
  /** Judge total of the text the person ended up with (the original plus the kept hunks). */
  keptTotal: number;
  /** Judge total of the rewrite as offered (before the person's decision). */
  rewriteTotal: number;
  /** Judge total of the original. */
  originalTotal: number;
}

/** Runs `rounds` rounds over `corpus` (cycling) from `state`; `salt` varies the caller's seeds. Returns the final state and the trace. */
export function simulate(state: LearningStateV1, corpus: readonly string[], person: Person, rounds: number, salt = 0): { state: LearningStateV1; trace: RoundTrace[] } {
  const trace: RoundTrace[] = [];
  let current = state;
  for (let round = 0; round < rounds; round += 1) {
    const prompt = corpus[round % corpus.length]!;
    const before = current;
    const result = improvePrompt(prompt, { selectStrategies: createSelector(current, mixSeeds(hashText(prompt), salt)) });
    current = recordImprovement(current, result);
    const hunks = result.explanation.diffs;
    const kept = person(hunks);
    if (result.changed) {
      const decision = kept.size === hunks.length ? 'accepted' : kept.size === 0 ? 'rejected' : 'partial';
      current = recordFeedback(current, { decision, hunks, acceptedHunkIds: [...kept] });
    }
    const keptText = result.changed ? applyHunks(prompt, hunks, kept) : prompt;
    trace.push({
      round,
      prompt,
      before,
      strategies: result.strategies,
      applicable: [...result.strategies, ...result.skippedStrategies],
      keptTotal: judgePrompt(keptText).total,
      rewriteTotal: result.judge.after.total,
      originalTotal: result.judge.before.total,
    });
  }
  return { state: current, trace };
}

/** Share of the rounds in which `strategy` applied that used it (0–1). */
export function inclusionRate(trace: readonly RoundTrace[], strategy: StrategyId): number {
  const applicable = trace.filter((round) => round.applicable.includes(strategy));
  return applicable.length === 0 ? 0 : applicable.filter((round) => round.strategies.includes(strategy)).length / applicable.length;
}

/** Mean judge total of the kept texts. */
export function meanKeptTotal(trace: readonly RoundTrace[]): number {
  return trace.reduce((sum, round) => sum + round.keptTotal, 0) / Math.max(1, trace.length);
}
