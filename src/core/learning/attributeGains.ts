/**
 * Splits a rewrite's judge gain among the strategies in it.
 *
 * NOTE: the split is the "egalitarian non-separable contribution" (ENSC) of cooperative game theory. Each
 * strategy gets its separable contribution — the judge total of the rewrite minus that of the same rewrite
 * without it (the engine re-renders it with `selectStrategies`, in the same style) — plus an equal share of
 * what those contributions leave unexplained. Why not the alternatives:
 * - leave-one-out alone gives 0 to strategies that overlap: deliverables, output format and success
 *   criteria each add structure the judge counts once, so removing any one costs nothing, yet together
 *   they are worth points; on our corpus it credited about half the total gain to no one;
 * - an even split ignores what each strategy does (asking about missing details is worth 4–7 points to
 *   the judge, the output-format line about nothing);
 * - exact Shapley values need 2^n engine runs (n is up to 13); ENSC needs n, about 1 ms each.
 * The shares add up to the rewrite's total gain, so "mean judge gain" per strategy is on the judge's scale.
 */
import type { ImproveResult } from '../engine/improvePrompt';
import { improvePrompt } from '../engine/improvePrompt';
import type { StrategyId } from '../types';

/** Judge points (of 50) attributed to each strategy of a rewrite. */
export type GainShares = Record<StrategyId, number>;

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** The judge total of the rewrite of `result.original` with `strategies` only, in the result's style. */
function totalWith(result: ImproveResult, strategies: readonly StrategyId[]): number {
  if (strategies.length === 0) return result.judge.before.total;
  const keep = new Set(strategies);
  const rerun = improvePrompt(result.original, {
    selectStrategies: (applicable) => applicable.filter((id) => keep.has(id)),
    ...(result.style ? { styles: [result.style] } : {}),
  });
  return rerun.judge.after.total;
}

/** Attributes the judge gain of a heuristic rewrite to its strategies (ENSC; empty when nothing changed). */
export function attributeGains(result: ImproveResult): GainShares {
  const chosen = result.strategies;
  if (!result.changed || chosen.length === 0) return {};
  const full = result.judge.after.total;
  const totalGain = full - result.judge.before.total;
  const separable = chosen.map((id) => full - totalWith(result, chosen.filter((other) => other !== id)));
  const residualShare = (totalGain - separable.reduce((sum, value) => sum + value, 0)) / chosen.length;
  return Object.fromEntries(chosen.map((id, i) => [id, round3(separable[i]! + residualShare)]));
}

/** Splits a rewrite's gain evenly: for rewrites the heuristic engine cannot replay (a model's rewrite). */
export function evenGainShares(strategies: readonly StrategyId[], totalGain: number): GainShares {
  if (strategies.length === 0) return {};
  return Object.fromEntries(strategies.map((id) => [id, round3(totalGain / strategies.length)]));
}
