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
import type { RewrittenLines } from './hunks';
import { diffHunks } from './hunks';
import type { AttributedAddition, RenderedLine, RenderStyle } from './render';
import { existingStyle, RENDER_STYLES, renderPrompt } from './render';
import { placeAdditions, readOwnLayout, renderStructured, RESTYLE_STRATEGY, restyleBullet } from './renderStructured';
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
  /**
   * Exactly the renderings to try (all by default). For a prompt that already has sections, its own
   * style means its own layout and the others mean it restyled.
   */
  styles?: readonly RenderStyle[];
  /**
   * How many renderings to try when `styles` is not given (all by default): a structured prompt's own
   * layout first, then it restyled, in RENDER_STYLES order.
   */
  candidates?: number;
}

/** One rendering the engine tried, with its judge total. */
export interface Candidate {
  /** For a prompt that already has sections, its own style is its own layout; another style restyles it. */
  style: RenderStyle;
  text: string;
  total: number;
  /** The person's own layout with the new parts added (a prompt that already has sections), not a restyle. */
  ownLayout?: true;
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

/** One candidate rewrite: its lines with their provenance, its text and its score. */
interface Rendering {
  style: RenderStyle;
  lines: RenderedLine[];
  text: string;
  score: Scorecard;
  /** For a restyle: the person's heading lines it rewrote or removed. */
  rewritten?: RewrittenLines;
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

/**
 * Renders the candidates. A structured prompt is tried in its own layout first (so it wins ties), then
 * restyled; any other prompt is built around the original as the task, in each style.
 */
function renderCandidates(context: StrategyContext, additions: AttributedAddition[], ownStyle: RenderStyle | undefined, options: ImproveOptions): Rendering[] {
  const { original, features, completionStyle } = context;
  const finish = (style: RenderStyle, lines: RenderedLine[], rewritten?: RewrittenLines): Rendering => {
    let text = joinLines(lines);
    if (original.endsWith('\n')) text += '\n';
    return { style, lines, text, score: judgeFeatures(analyzePrompt(text)), ...(rewritten ? { rewritten } : {}) };
  };
  const count = Math.max(1, options.candidates ?? RENDER_STYLES.length);
  if (!ownStyle) {
    const styles = options.styles ?? RENDER_STYLES.slice(0, count);
    return styles.map((style) => finish(style, renderPrompt(original.replace(/\n+$/, ''), additions, style, completionStyle)));
  }
  const layout = readOwnLayout(original, features.layout.sections, ownStyle, completionStyle);
  const placement = placeAdditions(layout, additions);
  const ownFirst = [ownStyle, ...RENDER_STYLES.filter((style) => style !== ownStyle)];
  const styles = options.styles ? ownFirst.filter((style) => options.styles!.includes(style)) : ownFirst.slice(0, count);
  const rendered = styles.flatMap((style) => {
    const { lines, restyledLines } = renderStructured(layout, placement, style);
    if (style === ownStyle) return [finish(style, lines)];
    // A restyle that can rewrite none of the person's headings would only mix two styles.
    return restyledLines.size === 0 ? [] : [finish(style, lines, { lines: restyledLines, strategy: RESTYLE_STRATEGY })];
  });
  return rendered.length > 0 ? rendered : [finish(ownStyle, renderStructured(layout, placement, ownStyle).lines)];
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
  const ownStyle = existingStyle(features.layout.sections);
  const rendered = renderCandidates(context, additions, ownStyle, options);
  const candidates: Candidate[] = rendered.map(({ style, text, score }) => ({ style, text, total: score.total, ...(style === ownStyle ? { ownLayout: true as const } : {}) }));
  // Highest total wins; ties go to the earlier style, so the choice is deterministic.
  const best = rendered.reduce((a, b) => (b.score.total > a.score.total ? b : a));

  if (best.score.total <= before.total) {
    return unchanged(base, before, `No further improvement found: no rewrite scored above the current ${before.total}/50.`, candidates);
  }
  const bullets = chosen.map((strategy) => strategy.bullet(context));
  const strategies = chosen.map((strategy) => strategy.id);
  if (best.rewritten && ownStyle) {
    const ownLayout = rendered.find((rendering) => rendering.style === ownStyle);
    bullets.push(restyleBullet(ownStyle, best.style, best.score.total, ownLayout?.score.total));
    strategies.push(RESTYLE_STRATEGY);
  }
  return {
    ...base,
    improved: best.text,
    changed: true,
    style: best.style,
    explanation: { bullets, diffs: diffHunks(original, best.text, best.lines, best.rewritten) },
    strategies,
    kept: keptReport(original, best.text),
    judge: { before, after: best.score },
    candidates,
  };
}
