/**
 * The per-strategy table `prompter stats` prints: what the judge and the people of this workspace said
 * about each strategy, and how likely the selector is to use it now.
 */
import { STRATEGIES } from '../engine/strategies';
import type { StrategyId } from '../types';
import type { InclusionPolicy } from './inclusionPolicy';
import { DEFAULT_POLICY, inclusionProbability, meanJudgeGain } from './inclusionPolicy';
import type { LearningStateV1 } from './learningState';
import { statsOf } from './learningState';

/** One row of the strategy table. */
export interface StrategyReportRow {
  id: StrategyId;
  /** Rewrites it applied to the prompt (used or left out by the selector). */
  offered: number;
  /** Rewrites it was in. */
  applied: number;
  /** Mean judge points (of 50) attributed to it per rewrite it was in; null before its first rewrite. */
  meanJudgeGain: number | null;
  /** Hunks (or whole versions) carrying it that people kept. */
  accepted: number;
  /** Hunks (or whole versions) carrying it that people turned down. */
  rejected: number;
  /** accepted / (accepted + rejected); null before any decision. */
  acceptanceRate: number | null;
  /** Probability the selector uses it when it applies, with the exploration bounds (0–1). */
  inclusionProbability: number;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** One row per engine strategy (in the engine's order), then any other id the state has counters for. */
export function strategyReport(state: LearningStateV1, policy: InclusionPolicy = DEFAULT_POLICY): StrategyReportRow[] {
  const known = STRATEGIES.map((strategy) => strategy.id);
  const others = Object.keys(state.strategies).filter((id) => !known.includes(id)).sort();
  return [...known, ...others].map((id) => {
    const stats = statsOf(state, id);
    const gain = meanJudgeGain(stats);
    const accepted = stats?.accepted ?? 0;
    const rejected = stats?.rejected ?? 0;
    return {
      id,
      offered: stats?.offered ?? 0,
      applied: stats?.applied ?? 0,
      meanJudgeGain: gain === undefined ? null : round(gain, 2),
      accepted,
      rejected,
      acceptanceRate: accepted + rejected === 0 ? null : round(accepted / (accepted + rejected), 3),
      inclusionProbability: round(inclusionProbability(state, id, policy), 3),
    };
  });
}
