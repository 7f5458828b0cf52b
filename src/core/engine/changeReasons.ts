/**
 * What an improvement can honestly say about why each part changed. The heuristic engine writes one bullet
 * per applied strategy, in the order of `strategies`, and ties each hunk to the strategies whose lines it
 * adds. A language model explains its rewrite as a whole: its bullets name no strategy and belong to no
 * hunk in particular, so no hunk is credited with one of them.
 */
import type { DiffHunk, Explanation, StrategyId } from '../types';

/** One bullet of an explanation, with the strategy that wrote it when one did. */
export interface ChangeReason {
  /** The strategy that made the change (`add-role`); absent for a model's own bullets. */
  strategy?: StrategyId;
  /** The explanation bullet, for people. */
  text: string;
}

/** What a result says about its changes: its source, the strategies applied and the explanation. */
export interface ExplainedChange {
  /** `engine/heuristic@N` or `engine/llm:<model>`. */
  source: string;
  strategies: readonly StrategyId[];
  explanation: Explanation;
}

/** Why one hunk is in the rewrite, as far as the result knows. */
export type HunkReason =
  /** Heuristic: the strategies whose lines the hunk adds, each with its bullet (undefined when it has none). */
  | { kind: 'strategies'; reasons: { strategy: StrategyId; text: string | undefined }[] }
  /** Heuristic: headings and separators only, around what the strategies added. */
  | { kind: 'layout' }
  /** A model's rewrite: its bullets explain the whole change; `onlyChange` when this hunk is all of it. */
  | { kind: 'model'; bullets: readonly string[]; onlyChange: boolean };

/** The explanation's bullets, each with its strategy (bullets follow `strategies` one to one). */
export function changeReasons(bullets: readonly string[], strategies: readonly StrategyId[]): ChangeReason[] {
  return bullets.map((text, index) => {
    const strategy = strategies[index];
    return strategy ? { strategy, text } : { text };
  });
}

/** True for a rewrite a language model wrote (`engine/llm:<model>`). */
export const isModelSource = (source: string): boolean => source.startsWith('engine/llm:');

/** Why `hunk` (one of `result`'s hunks) is there. */
export function hunkReason(result: ExplainedChange, hunk: DiffHunk): HunkReason {
  const { bullets, diffs } = result.explanation;
  if (isModelSource(result.source)) return { kind: 'model', bullets, onlyChange: diffs.length === 1 };
  if (hunk.strategies.length === 0) return { kind: 'layout' };
  return { kind: 'strategies', reasons: hunk.strategies.map((strategy) => ({ strategy, text: bullets[result.strategies.indexOf(strategy)] })) };
}
