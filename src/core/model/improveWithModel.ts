/**
 * The model-aware improve: the heuristic engine runs first (it is the deterministic fallback and costs a
 * few milliseconds), then the model rewrites in every style in parallel, the candidates that survive
 * validation and the intent check are judged side by side with the current text in both orders, and the
 * model's rewrite is used only when both orders agree it is at least as good. Anything else — timeout,
 * HTTP errors, invalid JSON or scores, dropped variables, a judge that changes its mind, the budget —
 * returns the heuristic result, saying why.
 */
import type { ImproveOptions, ImproveResult } from '../engine/improvePrompt';
import { HEURISTIC_ENGINE_VERSION, improvePrompt } from '../engine/improvePrompt';
import { keptReport } from '../analysis/templateTokens';
import { diffHunks } from '../engine/hunks';
import type { RenderStyle } from '../engine/render';
import type { BudgetDecision } from './callBudget';
import type { ChatModel } from './chatModel';
import { compareWithBest } from './compareWithBest';
import type { FallbackReason } from './fallbackReasons';
import { modelJudgeId } from './modelJudge';
import { MODEL_REWRITE_STYLES } from './modelPrompts';
import type { DiscardedCandidate } from './modelRewrite';
import { dominantReason, requestRewrites } from './modelRewrite';

/** Which engine produced a result and, when a model was asked but not used, why. */
export interface EngineReport {
  /** Engine id as the metrics group it: `heuristic@1` or `llm:<model>`. */
  id: string;
  fallbackReason?: FallbackReason;
  /** What went wrong, in words (never secrets). */
  fallbackDetail?: string;
  /** Model styles that produced no usable candidate, and why. */
  discarded: DiscardedCandidate[];
  /** The model judge's raw answers when it was asked (stored beside the score). */
  rawJudgeOutput?: string;
}

/** An improvement with the engine that produced it. */
export type EngineResult = ImproveResult & { engine: EngineReport };

/** What the model path needs. */
export interface ModelImproveDeps {
  /** The model, already wrapped with the budget and the logger. */
  model: ChatModel;
  /** The ONE deadline for every request of this improvement (and the person's cancellation). */
  signal: AbortSignal;
  /** Rewrite styles to ask for (2–3; all three by default). */
  styles?: readonly RenderStyle[];
  /** Checks that a whole run's calls fit the budget before spending any. */
  preflight?: (calls: number) => BudgetDecision;
}

/** The heuristic engine's id in metrics and stored versions. */
export const HEURISTIC_ENGINE_ID = `heuristic@${HEURISTIC_ENGINE_VERSION}`;

/** Wraps a heuristic result as coming from the heuristic engine (no model involved). */
export function heuristicResult(result: ImproveResult): EngineResult {
  return { ...result, engine: { id: HEURISTIC_ENGINE_ID, discarded: [] } };
}

function fallback(heuristic: ImproveResult, reason: FallbackReason, detail: string, extra: Partial<EngineReport> = {}): EngineResult {
  return { ...heuristic, engine: { id: HEURISTIC_ENGINE_ID, discarded: [], ...extra, fallbackReason: reason, fallbackDetail: detail } };
}

/** Improves `original` with the model, falling back to the heuristic engine. Never rejects for model failures. */
export async function improveWithModel(original: string, options: ImproveOptions, deps: ModelImproveDeps): Promise<EngineResult> {
  const heuristic = improvePrompt(original, options);
  if (original.trim() === '') return heuristicResult(heuristic);
  const styles = deps.styles ?? MODEL_REWRITE_STYLES;
  // A full run is one call per style plus the two panel calls; repairs may add more.
  const budget = deps.preflight?.(styles.length + 2);
  if (budget && !budget.ok) return fallback(heuristic, 'budget', budget.message);

  const round = await requestRewrites(original, styles, deps.model, deps.signal);
  const { discarded } = round;
  if (round.candidates.length === 0) {
    const main = dominantReason(discarded)!;
    return fallback(heuristic, main.reason, `${main.style}: ${main.detail}`, { discarded });
  }

  const verdict = await compareWithBest(original, round.candidates, deps.model, deps.signal);
  if (!verdict.ok) return fallback(heuristic, verdict.reason, `judge: ${verdict.message}`, { discarded, ...(verdict.raw !== undefined ? { rawJudgeOutput: verdict.raw } : {}) });
  const winner = round.candidates[verdict.winner]!;
  const after = verdict.cards[verdict.winner]!;
  if (!verdict.agreed) {
    const detail = `judge: ${winner.style} scored ${after.total}/50 against ${verdict.before.total}/50 for the current text`;
    return fallback(heuristic, verdict.rejection!, detail, { discarded, rawJudgeOutput: verdict.raw });
  }
  const engineId = modelJudgeId(deps.model);
  return {
    original,
    improved: winner.text,
    changed: true,
    domain: heuristic.domain,
    style: winner.style,
    explanation: { bullets: winner.bullets, diffs: diffHunks(original, winner.text) },
    // Model rewrites are not made of engine strategies, so the learning loop has nothing to credit.
    strategies: [],
    skippedStrategies: [],
    kept: keptReport(original, winner.text),
    judge: { before: verdict.before, after },
    candidates: round.candidates.map((candidate, index) => ({ style: candidate.style, text: candidate.text, total: verdict.cards[index]!.total })),
    source: `engine/${engineId}`,
    engine: { id: engineId, discarded, rawJudgeOutput: verdict.raw },
  };
}
