/**
 * The strict JSON shapes a model must answer with, checked with zod before anything is used or stored:
 * a rewrite `{text, bullets}`, a judge scorecard (five axes 0–10, a consistent total, feedback), and a
 * panel of scorecards keyed by the labels the texts were shown under. Unknown keys are refused.
 */
import * as z from 'zod';
import type { AxisScores } from '../types';
import { AXES } from '../types';

/** How far the stated total may be from the sum of the axes (models round). */
export const TOTAL_TOLERANCE = 0.5;

const line = z.string().trim().min(1).max(400);

/** A model rewrite: the new prompt and why it changed. */
export const rewriteAnswerSchema = z.strictObject({
  text: z.string().refine((value) => value.trim().length > 0, 'text must not be empty').pipe(z.string().max(200_000)),
  bullets: z.array(line).min(1).max(12),
});

/** A validated model rewrite. */
export type RewriteAnswer = z.infer<typeof rewriteAnswerSchema>;

const axis = z.number().finite().min(0).max(10);

/** A model judge's scorecard for one prompt. */
export const judgeAnswerSchema = z
  .strictObject({
    clarity: axis,
    specificity: axis,
    actionability: axis,
    structure: axis,
    contextUse: axis,
    total: z.number().finite().min(0).max(50),
    feedback: z.strictObject({
      pros: z.array(line).max(12),
      cons: z.array(line).max(12),
      summary: z.string().trim().min(1).max(600),
    }),
  })
  .superRefine((card, context) => {
    const sum = axisSum(card);
    if (Math.abs(card.total - sum) > TOTAL_TOLERANCE) {
      context.addIssue({ code: 'custom', path: ['total'], message: `total ${card.total} is not the sum of the five axes (${sum})` });
    }
  });

/** A validated model scorecard. */
export type JudgeAnswer = z.infer<typeof judgeAnswerSchema>;

/** A panel: one scorecard per label (`A`, `B`, …), exactly the labels asked for. */
export function panelAnswerSchema(labels: readonly string[]): z.ZodType<Record<string, JudgeAnswer>> {
  return z.strictObject(Object.fromEntries(labels.map((label) => [label, judgeAnswerSchema])));
}

/** The sum of the five axes, to one decimal. */
export function axisSum(scores: AxisScores): number {
  return Math.round(AXES.reduce((sum, key) => sum + scores[key], 0) * 10) / 10;
}

/** The first few problems zod found, as one line a model (or a person) can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'answer'}: ${issue.message}`)
    .join('; ');
}
