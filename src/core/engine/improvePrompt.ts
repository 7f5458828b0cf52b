/**
 * The heuristic engine: analyse the prompt, let each applicable strategy add what is missing, render the
 * result in several styles, judge every candidate and keep the best — with an explanation whose diff
 * hunks each name the strategy that made them.
 */
import { analyzePrompt } from '../analysis/promptFeatures';
import { keptReport } from '../analysis/templateTokens';
import { judgeFeatures } from '../judge/judgePrompt';
import type { Explanation, KeptReport, Scorecard, StrategyId } from '../types';
import type { DomainId } from './domain';
import { codeInputSlot, detectCodeTask, detectDomain, detectLanguage } from './domain';
import { profileFor } from './domainProfiles';
import { diffHunks } from './hunks';
import type { AttributedAddition, RenderedLine, RenderStyle } from './render';
import { appendSections, existingStyle, RENDER_STYLES, renderPrompt } from './render';
import type { StrategyContext } from './strategies';
import { STRATEGIES } from './strategies';

/** Identifies this engine in stored versions (`source`); bump when rewrites change materially. */
export const HEURISTIC_ENGINE_VERSION = 1;

/** How the learning loop steers the engine: which of the applicable strategies to use. */
export type StrategySelector = (applicable: readonly StrategyId[]) => readonly StrategyId[];

/** Options for one improvement. */
export interface ImproveOptions {
  /** Picks among applicable strategies; by default all of them are used. */
  selectStrategies?: StrategySelector;
  /** Restricts the renderings tried (all by default). */
  styles?: readonly RenderStyle[];
}

/** One rendering the engine tried, with its judge total. */
export interface Candidate {
  style: RenderStyle;
  text: string;
  total: number;
}

/** The outcome of one improvement. */
export interface ImproveResult {
  original: string;
  /** The rewrite; equal to the original when nothing raised the score. */
  improved: string;
  /** Whether the rewrite differs from the original and scores higher. */
  changed: boolean;
  /** Why there is no change, when there is none. */
  unchangedReason?: string;
  domain: DomainId;
  /** The style of the chosen rewrite. */
  style?: RenderStyle;
  explanation: Explanation;
  /** Strategies applied in the chosen rewrite. */
  strategies: StrategyId[];
  /** Strategies that applied but were not chosen by the selector (for learning statistics). */
  skippedStrategies: StrategyId[];
  kept: KeptReport;
  judge: { before: Scorecard; after: Scorecard };
  candidates: Candidate[];
  /** The source tag stored with the version (`engine/heuristic@1`). */
  source: string;
}

const joinLines = (lines: readonly RenderedLine[]): string => lines.map((line) => line.text).join('\n');

function unchanged(base: Omit<ImproveResult, 'improved' | 'changed' | 'explanation' | 'strategies' | 'judge' | 'candidates' | 'style'>, before: Scorecard, reason: string, candidates: Candidate[] = []): ImproveResult {
  return {
    ...base,
    improved: base.original,
    changed: false,
    unchangedReason: reason,
    explanation: { bullets: [reason], diffs: [] },
    strategies: [],
    judge: { before, after: before },
    candidates,
  };
}

/** Improves a prompt with the heuristic engine. Deterministic for the same text and options. */
export function improvePrompt(original: string, options: ImproveOptions = {}): ImproveResult {
  const features = analyzePrompt(original);
  const before = judgeFeatures(features);
  const domain = detectDomain(original);
  const codeTask = domain === 'code' ? detectCodeTask(original) : undefined;
  const profile = profileFor(domain, detectLanguage(original), codeTask ? { codeTask, inputSlot: codeInputSlot(original, codeTask) } : {});
  const completionStyle = features.layout.trailingCue !== undefined;
  const context: StrategyContext = { original, features, profile, completionStyle };
  const base = { original, domain, kept: keptReport(original, original), source: `engine/heuristic@${HEURISTIC_ENGINE_VERSION}`, skippedStrategies: [] as StrategyId[] };

  if (original.trim() === '') return unchanged(base, before, 'The prompt is empty: there is nothing to improve.');

  const applicable = STRATEGIES.filter((strategy) => strategy.applies(context));
  const chosenIds = new Set(options.selectStrategies ? options.selectStrategies(applicable.map((s) => s.id)) : applicable.map((s) => s.id));
  const chosen = applicable.filter((strategy) => chosenIds.has(strategy.id));
  base.skippedStrategies = applicable.filter((strategy) => !chosenIds.has(strategy.id)).map((s) => s.id);
  if (chosen.length === 0) {
    return unchanged(base, before, `No further improvement found: the prompt already has every part the engine adds (${before.total}/50).`);
  }

  const additions: AttributedAddition[] = chosen.map((strategy) => ({ ...strategy.apply(context), strategy: strategy.id }));
  // A prompt that is already structured keeps its own layout; new parts are added in its style.
  const ownStyle = existingStyle(features.layout.sections);
  const styles = ownStyle ? [ownStyle] : (options.styles ?? RENDER_STYLES);
  const rendered = styles.map((style) => {
    const lines = ownStyle
      ? appendSections(original, additions, style, completionStyle, features.layout.sections)
      : renderPrompt(original.replace(/\n+$/, ''), additions, style, completionStyle);
    let text = joinLines(lines);
    if (original.endsWith('\n')) text += '\n';
    const score = judgeFeatures(analyzePrompt(text));
    return { style, lines, text, score };
  });
  const candidates = rendered.map(({ style, text, score }) => ({ style, text, total: score.total }));
  // Highest total wins; ties go to the earlier style, so the choice is deterministic.
  const best = rendered.reduce((a, b) => (b.score.total > a.score.total ? b : a));

  if (best.score.total <= before.total) {
    return unchanged(base, before, `No further improvement found: no rewrite scored above the current ${before.total}/50.`, candidates);
  }
  const bullets = chosen.map((strategy) => strategy.bullet(context));
  return {
    ...base,
    improved: best.text,
    changed: true,
    style: best.style,
    explanation: { bullets, diffs: diffHunks(original, best.text, best.lines) },
    strategies: chosen.map((strategy) => strategy.id),
    kept: keptReport(original, best.text),
    judge: { before, after: best.score },
    candidates,
  };
}
