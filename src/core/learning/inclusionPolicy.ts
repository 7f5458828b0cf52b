/**
 * How likely a strategy is to be used when it applies: Thompson sampling on the rate at which people keep
 * its hunks, with the judge's gain as the prior, clamped by the exploration bounds.
 *
 * The decision per strategy is include or leave out. Including costs the person a look: a kept hunk is
 * worth +1, a turned-down one −1, leaving it out 0. So including is right when the acceptance rate θ is
 * above 1/2. Thompson sampling draws θ from its posterior and includes when the draw is above 1/2; the
 * probability of that is P(θ > 1/2 | evidence), which we compute exactly (betaTail) instead of drawing.
 *
 * NOTE: Thompson sampling rather than UCB because UCB is deterministic given the counts: with the same
 * state every rewrite would make the same choice, and a strategy below its bound would get no fresh
 * feedback until other counts moved. Probability matching spreads exploration across rewrites and gives
 * a probability `prompter stats` can show.
 */
import type { StrategyId } from '../types';
import { betaTailAbove } from './betaTail';
import type { LearningStateV1, StrategyStats } from './learningState';
import { statsOf } from './learningState';

/** The tuning of the policy; the defaults are what the engine uses. */
export interface InclusionPolicy {
  /** Acceptance rate above which including a strategy pays off (kept and rejected hunks weigh the same). */
  threshold: number;
  /** How many people's decisions the judge's prior is worth. */
  priorStrength: number;
  /**
   * Prior mean acceptance for a strategy with no measured judge gain. High, because the engine uses every
   * applicable strategy by default, and leaving one out teaches nothing: people can only judge what they see.
   */
  defaultPriorMean: number;
  /** Judge points (of 50) at which the prior is ~76% of the way from neutral to its extreme (tanh scale). */
  gainScale: number;
  /** The lowest inclusion probability ever: no strategy is shut out for good. */
  floor: number;
  /** The highest exclusion probability while a strategy has no decisions from people yet. */
  thinEvidenceMaxExclusion: number;
  /** Decisions after which the exclusion ceiling has risen from `thinEvidenceMaxExclusion` to `1 - floor`. */
  solidEvidence: number;
}

/** The policy the selector and the report use. */
export const DEFAULT_POLICY: Readonly<InclusionPolicy> = {
  threshold: 0.5,
  priorStrength: 4,
  defaultPriorMean: 0.95,
  gainScale: 1,
  floor: 0.05,
  thinEvidenceMaxExclusion: 0.5,
  solidEvidence: 10,
};

/** Mean judge gain per rewrite the strategy was in, or undefined before its first rewrite. */
export function meanJudgeGain(stats: StrategyStats | undefined): number | undefined {
  return stats && stats.applied > 0 ? stats.gainSum / stats.applied : undefined;
}

/**
 * The prior mean acceptance rate from the judge: neutral (1/2) at zero gain, towards 0.95 as the judge
 * rewards the strategy and 0.05 as it penalises it. tanh keeps one huge gain from making the prior certain.
 */
export function priorMean(gain: number | undefined, policy: InclusionPolicy = DEFAULT_POLICY): number {
  if (gain === undefined) return policy.defaultPriorMean;
  return 0.5 + 0.45 * Math.tanh(gain / policy.gainScale);
}

/** The posterior Beta(α, β) of the acceptance rate: the judge prior plus people's kept/rejected counts. */
export function posterior(stats: StrategyStats | undefined, policy: InclusionPolicy = DEFAULT_POLICY): { alpha: number; beta: number } {
  const mean = priorMean(meanJudgeGain(stats), policy);
  // Beta needs both shapes above 0; a policy with no prior weight and no decisions would otherwise give NaN.
  return {
    alpha: Math.max(1e-6, mean * policy.priorStrength + (stats?.accepted ?? 0)),
    beta: Math.max(1e-6, (1 - mean) * policy.priorStrength + (stats?.rejected ?? 0)),
  };
}

/**
 * The smallest inclusion probability allowed: 1 − (the exclusion ceiling), where the ceiling grows with the
 * number of people's decisions from `thinEvidenceMaxExclusion` to `1 - floor`. Two rejections cannot
 * silence a strategy, and even thirty cannot silence it for good.
 */
export function inclusionLowerBound(stats: StrategyStats | undefined, policy: InclusionPolicy = DEFAULT_POLICY): number {
  const evidence = (stats?.accepted ?? 0) + (stats?.rejected ?? 0);
  const solid = Math.min(1, evidence / policy.solidEvidence);
  // Written from the floor up, so solid evidence gives exactly the floor (no 0.05000000000000004).
  const thinLowerBound = 1 - policy.thinEvidenceMaxExclusion;
  return policy.floor + Math.max(0, thinLowerBound - policy.floor) * (1 - solid);
}

/** The probability that the selector includes the strategy when it applies (Thompson, then the bounds). */
export function inclusionProbability(state: LearningStateV1, id: StrategyId, policy: InclusionPolicy = DEFAULT_POLICY): number {
  const stats = statsOf(state, id);
  const { alpha, beta } = posterior(stats, policy);
  return Math.max(inclusionLowerBound(stats, policy), betaTailAbove(policy.threshold, alpha, beta));
}
