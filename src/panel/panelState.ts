/** Builds the panel's state from an engine result: plain data for the protocol. */
import type { ImproveResult } from '../core/engine/improvePrompt';
import { axisLabel } from '../core/judge/judgePrompt';
import { AXES } from '../core/types';
import type { PanelDecision, PanelState } from '../shared/resultPanelProtocol';

/** The state the panel shows for `result`. */
export function panelState(documentName: string, result: ImproveResult, timeMs: number, decision: PanelDecision): PanelState {
  const { before, after } = result.judge;
  return {
    documentName,
    rewrite: result.improved,
    totals: { before: before.total, after: after.total },
    axes: AXES.map((axis) => ({ label: axisLabel(axis), before: before[axis], after: after[axis] })),
    reasons: result.strategies.map((strategy, index) => ({ strategy, text: result.explanation.bullets[index] ?? '' })),
    kept: result.kept.summary,
    candidates: result.candidates.map((candidate) => ({ style: candidate.style, total: candidate.total, chosen: candidate.style === result.style })),
    timeMs,
    decision,
  };
}
