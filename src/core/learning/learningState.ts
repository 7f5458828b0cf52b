/**
 * The learning loop's state: per-strategy counters, stored by the history store as one opaque JSON object.
 * Plain data with a `version`, so a newer release can migrate what an older one wrote (see
 * loadLearningState). Every transition returns a new object; nothing is mutated in place.
 */
import type { StrategyId } from '../types';

/** The format version this release writes. */
export const LEARNING_STATE_VERSION = 1;

/** What the workspace has taught us about one strategy. */
export type StrategyStats = {
  /** Rewrites in which the strategy applied to the prompt (whether or not the selector chose it). */
  offered: number;
  /** Rewrites the strategy was in. */
  applied: number;
  /** Sum of the judge gain (points of 50) attributed to the strategy over those `applied` rewrites. */
  gainSum: number;
  /** Hunks (or whole versions, when feedback named no hunks) carrying the strategy that a person kept. */
  accepted: number;
  /** Hunks (or whole versions) carrying the strategy that a person turned down. */
  rejected: number;
};

/** The whole learning state, version 1. A type alias (not an interface) so it is assignable to JSON types. */
export type LearningStateV1 = {
  version: typeof LEARNING_STATE_VERSION;
  /** Improvements recorded (one per rewrite, changed or not); part of every selection's seed. */
  rewrites: number;
  /** Feedback decisions recorded; also part of the seed, so a decision changes the next draws. */
  decisions: number;
  /** Counters per strategy id; a strategy absent here has learned nothing yet. */
  strategies: { [id: StrategyId]: StrategyStats };
};

/** A state that has learned nothing: every strategy follows the prior. */
export function emptyLearningState(): LearningStateV1 {
  return { version: LEARNING_STATE_VERSION, rewrites: 0, decisions: 0, strategies: {} };
}

/** Forgets everything learned (judge gains and people's decisions): selection returns to the prior. */
export function resetLearning(): LearningStateV1 {
  return emptyLearningState();
}

/** Counters of a strategy that has none yet. */
export function emptyStats(): StrategyStats {
  return { offered: 0, applied: 0, gainSum: 0, accepted: 0, rejected: 0 };
}

/** The counters of one strategy (own properties only, so an id like `constructor` is never inherited). */
export function statsOf(state: LearningStateV1, id: StrategyId): StrategyStats | undefined {
  return Object.hasOwn(state.strategies, id) ? state.strategies[id] : undefined;
}

/** Returns a copy of `state` with `update` applied to the counters of each listed strategy. */
export function updateStats(
  state: LearningStateV1,
  ids: Iterable<StrategyId>,
  update: (stats: StrategyStats, id: StrategyId) => StrategyStats,
): LearningStateV1 {
  // A Map and fromEntries define own data properties, so no id (even `__proto__`) can reach a prototype.
  const strategies = new Map(Object.entries(state.strategies));
  for (const id of new Set(ids)) strategies.set(id, update(strategies.get(id) ?? emptyStats(), id));
  return { ...state, strategies: Object.fromEntries(strategies) };
}
