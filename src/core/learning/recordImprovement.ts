/**
 * Learning from the judge: after each rewrite, count which strategies applied, which were used, and the
 * judge gain each earned. This is what the prior of the selection is built from.
 */
import type { ImproveResult } from '../engine/improvePrompt';
import type { StrategyId } from '../types';
import type { GainShares } from './attributeGains';
import { attributeGains } from './attributeGains';
import type { LearningStateV1 } from './learningState';
import { updateStats } from './learningState';

/** One rewrite as the learning loop sees it, whatever engine made it. */
export interface RewriteRecord {
  /** Strategies in the rewrite. */
  strategies: readonly StrategyId[];
  /** Strategies that applied but the selector left out. */
  skippedStrategies: readonly StrategyId[];
  /** Judge points attributed to each strategy in the rewrite (missing ids count as 0). */
  gains: GainShares;
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Records one rewrite described by its strategies and their gain shares. */
export function recordRewrite(state: LearningStateV1, rewrite: RewriteRecord): LearningStateV1 {
  const applied = new Set(rewrite.strategies);
  const offered = [...rewrite.strategies, ...rewrite.skippedStrategies];
  const next = updateStats(state, offered, (stats, id) => {
    if (!applied.has(id)) return { ...stats, offered: stats.offered + 1 };
    const share = Object.hasOwn(rewrite.gains, id) ? (rewrite.gains[id] ?? 0) : 0;
    return { ...stats, offered: stats.offered + 1, applied: stats.applied + 1, gainSum: round6(stats.gainSum + share) };
  });
  return { ...next, rewrites: next.rewrites + 1 };
}

/** Records one heuristic rewrite, attributing its judge gain to its strategies (re-runs the engine n times). */
export function recordImprovement(state: LearningStateV1, result: ImproveResult): LearningStateV1 {
  return recordRewrite(state, { strategies: result.strategies, skippedStrategies: result.skippedStrategies, gains: attributeGains(result) });
}
