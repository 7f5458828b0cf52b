/**
 * The heuristic judge: five axes 0–10, a total 0–50, pros, cons, a summary and suggestions tied to an
 * axis. In-process, deterministic and fast enough to run on every keystroke.
 */
import type { PromptFeatures } from '../analysis/promptFeatures';
import { analyzePrompt } from '../analysis/promptFeatures';
import type { Axis, AxisScores, Scorecard } from '../types';
import { AXES } from '../types';
import type { AxisVerdict } from './axisScores';
import { scoreActionability, scoreClarity, scoreContextUse, scoreSpecificity, scoreStructure } from './axisScores';

/** Identifies this judge in stored scores; bump when the rubric changes so old and new scores are not mixed up. */
export const HEURISTIC_JUDGE_ID = 'heuristic@1';

const AXIS_LABELS: Record<Axis, string> = {
  clarity: 'clarity',
  specificity: 'specificity',
  actionability: 'actionability',
  structure: 'structure',
  contextUse: 'context use',
};

/** Human name of an axis ("context use"). */
export function axisLabel(axis: Axis): string {
  return AXIS_LABELS[axis];
}

function verdicts(features: PromptFeatures): Record<Axis, AxisVerdict> {
  return {
    clarity: scoreClarity(features),
    specificity: scoreSpecificity(features),
    actionability: scoreActionability(features),
    structure: scoreStructure(features),
    contextUse: scoreContextUse(features),
  };
}

function summarize(scores: AxisScores, total: number): string {
  const ranked = [...AXES].sort((a, b) => scores[a] - scores[b]);
  const weakest = ranked[0]!;
  const strongest = ranked.at(-1)!;
  const band = total >= 40 ? 'Strong prompt' : total >= 30 ? 'Solid prompt' : total >= 20 ? 'Workable prompt' : 'Weak prompt';
  return `${band} (${total}/50): strongest on ${axisLabel(strongest)}, weakest on ${axisLabel(weakest)}.`;
}

// What each rule that only suggests (it takes no points itself) says is missing, as a con.
const MISSING: Record<string, string> = {
  'no-steps': 'No steps or deliverables: nothing says what a complete answer contains.',
  'no-fallback': 'Nothing says what to do when information is missing or the answer is unknown.',
  'no-quantities': 'No length, count or limit: the model decides how much to write.',
  'no-output-format': 'No output format: the answer can come back in any shape.',
  'no-delimiters': 'The pasted material is not delimited, so it can be read as instructions.',
  'no-sections': 'Task, context and output format run together in one block.',
  'no-context': 'No background: who it is for and what it will be used for are left open.',
  'no-questions-policy': 'No policy for missing details: ask clarifying questions, or state assumptions?',
};

const WEAK_AXIS: Record<Axis, string> = {
  clarity: 'the main ask is not clear-cut',
  specificity: 'few concrete details (numbers, names, formats, scope)',
  actionability: 'little to act on: no steps, deliverables or success criteria',
  structure: 'no sections, lists or delimiters separate the parts',
  contextUse: 'little background, few constraints and no assumptions policy',
};

/**
 * Cons for a prompt whose axes took no points away but which still scores low or draws suggestions:
 * the weakest axis when it is weak, then what the suggestions say is missing (weakest axis first), so
 * the feedback never says "nothing holds it back" beside a weak total or a list of suggestions.
 */
function derivedCons(scores: AxisScores, total: number, weakestFirst: readonly Axis[], suggestions: Scorecard['suggestions']): string[] {
  const cons: string[] = [];
  const weakest = weakestFirst[0]!;
  if (scores[weakest] < 5 || (total < 30 && suggestions.length === 0)) {
    cons.push(`Weak ${axisLabel(weakest)} (${scores[weakest]}/10): ${WEAK_AXIS[weakest]}.`);
  }
  for (const suggestion of suggestions) {
    if (cons.length >= 4) break;
    const con = MISSING[suggestion.rule] ?? `Weak ${axisLabel(suggestion.axis)}: ${suggestion.message}`;
    if (!cons.includes(con)) cons.push(con);
  }
  return cons;
}

/** Scores a prompt from its features (use when the features are already at hand). */
export function judgeFeatures(features: PromptFeatures): Scorecard {
  const byAxis = verdicts(features);
  // NOTE: built field by field: Object.fromEntries and object spreads made this a quarter of a short
  // prompt's judging time in V8.
  const scores: AxisScores = {
    clarity: byAxis.clarity.score,
    specificity: byAxis.specificity.score,
    actionability: byAxis.actionability.score,
    structure: byAxis.structure.score,
    contextUse: byAxis.contextUse.score,
  };
  const total = Math.round((scores.clarity + scores.specificity + scores.actionability + scores.structure + scores.contextUse) * 10) / 10;
  const weakestFirst = [...AXES].sort((a, b) => scores[a] - scores[b]);
  const pros: string[] = [];
  const cons: string[] = [];
  const suggestions: Scorecard['suggestions'] = [];
  for (const axis of AXES) {
    pros.push(...byAxis[axis].pros);
    cons.push(...byAxis[axis].cons);
  }
  for (const axis of weakestFirst) suggestions.push(...byAxis[axis].suggestions);
  if (cons.length === 0 && (suggestions.length > 0 || total < 30)) cons.push(...derivedCons(scores, total, weakestFirst, suggestions));
  return {
    clarity: scores.clarity,
    specificity: scores.specificity,
    actionability: scores.actionability,
    structure: scores.structure,
    contextUse: scores.contextUse,
    total,
    feedback: { pros, cons, summary: summarize(scores, total) },
    suggestions,
    judge: HEURISTIC_JUDGE_ID,
  };
}

/** Scores a prompt on the five-axis rubric. */
export function judgePrompt(text: string): Scorecard {
  return judgeFeatures(analyzePrompt(text));
}
