/**
 * The strategy selector the engine accepts (`improvePrompt(text, { selectStrategies })`), driven by the
 * learning state. Deterministic: the same state and seed always choose the same strategies.
 */
import type { StrategySelector } from '../engine/improvePrompt';
import type { StrategyId } from '../types';
import type { InclusionPolicy } from './inclusionPolicy';
import { DEFAULT_POLICY, inclusionProbability } from './inclusionPolicy';
import type { LearningStateV1 } from './learningState';
import { hashText, mixSeeds, mulberry32 } from './seededRandom';

/**
 * The seed of one selection: the caller's seed (a prompt hash, a run number) mixed with the state's
 * counters, so successive rewrites of one prompt explore different choices while a stored state plus the
 * recorded seed replays a choice exactly.
 */
export function selectionSeed(state: LearningStateV1, seed: number): number {
  return mixSeeds(seed, state.rewrites, state.decisions);
}

/** Builds the engine's selector from the learning state; `seed` is any integer the caller can record. */
export function createSelector(state: LearningStateV1, seed: number, policy: InclusionPolicy = DEFAULT_POLICY): StrategySelector {
  const base = selectionSeed(state, seed);
  return (applicable: readonly StrategyId[]): StrategyId[] => {
    // One draw per strategy from a stream keyed by its id: a strategy's fate does not depend on which
    // other strategies happen to apply, nor on their order.
    const scored = applicable.map((id) => ({ id, p: inclusionProbability(state, id, policy), u: mulberry32(mixSeeds(base, hashText(id)))() }));
    const chosen = scored.filter(({ p, u }) => u < p).map(({ id }) => id);
    if (chosen.length > 0 || scored.length === 0) return chosen;
    // NOTE: an empty choice would make the engine answer "the prompt already has every part", which is
    // false; so the most likely strategy is kept. A workspace that rejects everything still gets one part.
    const likeliest = scored.reduce((a, b) => (b.p > a.p ? b : a));
    return [likeliest.id];
  };
}
