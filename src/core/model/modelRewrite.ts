/**
 * Model rewrites: every style asked in parallel under the caller's one deadline, each answer validated as
 * `{text, bullets}`, and each candidate put through the engine's intent check. A candidate that drops a
 * variable, number, quoted string or code block of the original is discarded with the reason.
 */
import { keptEverything, keptReport } from '../analysis/templateTokens';
import type { RenderStyle } from '../engine/render';
import { rewriteAnswerSchema } from './answerSchemas';
import { askForJson } from './askForJson';
import type { ChatModel } from './chatModel';
import type { FallbackReason } from './fallbackReasons';
import { rewriteRequest } from './modelPrompts';

/** A rewrite that passed validation and the intent check. */
export interface ModelCandidate {
  style: RenderStyle;
  text: string;
  bullets: string[];
}

/** A style that produced no usable candidate, and why. */
export interface DiscardedCandidate {
  style: RenderStyle;
  reason: FallbackReason;
  /** For people and logs: what exactly was wrong (never secrets; names dropped tokens). */
  detail: string;
}

/** What the rewrite round produced. */
export interface RewriteRound {
  candidates: ModelCandidate[];
  discarded: DiscardedCandidate[];
}

function missingSummary(original: string, text: string): string | undefined {
  const report = keptReport(original, text);
  if (keptEverything(report)) return undefined;
  const missing = [
    ...report.variables.missing.map((item) => `variable ${item}`),
    ...report.numbers.missing.map((item) => `number ${item}`),
    ...report.quotedStrings.missing.map((item) => `quoted string ${item}`),
    ...report.codeFences.missing.map(() => 'a code block'),
  ];
  return `dropped ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`;
}

// A rewrite keeps the original's final newline (or its absence), as the heuristic engine does.
function sameEnding(original: string, text: string): string {
  const body = text.replace(/\s+$/, '');
  return original.endsWith('\n') ? `${body}\n` : body;
}

async function oneStyle(style: RenderStyle, original: string, model: ChatModel, signal: AbortSignal): Promise<ModelCandidate | DiscardedCandidate> {
  const answer = await askForJson({ model, request: rewriteRequest(style, original), schema: rewriteAnswerSchema, invalidReason: 'invalid-json', signal });
  if (!answer.ok) return { style, reason: answer.reason, detail: answer.message };
  const text = sameEnding(original, answer.value.text);
  const dropped = missingSummary(original, text);
  if (dropped) return { style, reason: 'intent-check', detail: dropped };
  if (text.trim() === original.trim()) return { style, reason: 'no-gain', detail: 'the rewrite is the original unchanged' };
  return { style, text, bullets: answer.value.bullets };
}

/** Asks for every style at once; resolves when each has answered, failed or hit the deadline. */
export async function requestRewrites(original: string, styles: readonly RenderStyle[], model: ChatModel, signal: AbortSignal): Promise<RewriteRound> {
  const outcomes = await Promise.all(styles.map((style) => oneStyle(style, original, model, signal)));
  return {
    candidates: outcomes.filter((outcome): outcome is ModelCandidate => 'text' in outcome),
    discarded: outcomes.filter((outcome): outcome is DiscardedCandidate => 'reason' in outcome),
  };
}

/** The reason to report when no style produced a candidate: the most common one, earlier styles first on ties. */
export function dominantReason(discarded: readonly DiscardedCandidate[]): DiscardedCandidate | undefined {
  const counts = new Map<FallbackReason, number>();
  for (const item of discarded) counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1);
  return discarded.reduce<DiscardedCandidate | undefined>((best, item) => (!best || counts.get(item.reason)! > counts.get(best.reason)! ? item : best), undefined);
}
