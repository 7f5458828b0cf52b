/**
 * The metric event of a score-only run (*Score Prompt*): which judge scored, whether it fell back from a
 * model and why, and how long it took. Such runs count in heuristic-vs-model usage and fallbacks, never as
 * improve runs (no version, nothing adopted).
 */
import type { NewMetricEvent } from '../history';
import type { JudgeEngineReport } from '../model/modelJudge';
import type { Scorecard } from '../types';

/** The `judge` metric event of one score run that took `timeToResultMs`. */
export function judgeMetric(card: Scorecard, engine: JudgeEngineReport, timeToResultMs: number): NewMetricEvent {
  return {
    kind: 'judge',
    engine: engine.id,
    timeToResultMs,
    adopted: false,
    total: card.total,
    ...(engine.fallbackReason ? { fallbackReason: engine.fallbackReason } : {}),
  };
}
