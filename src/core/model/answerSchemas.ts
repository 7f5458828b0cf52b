/**
 * The strict JSON shapes a model must answer with, checked with zod before anything is used or stored:
 * a rewrite `{text, bullets}`, a judge scorecard (five axes 0–10, a consistent total, feedback), and a
 * panel of scorecards keyed by the labels the texts were shown under. Unknown keys are refused.
 */
import type { core } from 'zod/mini';
import * as z from 'zod/mini';
import { describeIssue } from '../describeIssue';
import type { AxisScores } from '../types';
import { AXES } from '../types';

/** How far the stated total may be from the sum of the axes (models round). */
export const TOTAL_TOLERANCE = 0.5;

const line = z.string().check(z.trim(), z.minLength(1), z.maxLength(400));

/** A model rewrite: the new prompt and why it changed. */
export const rewriteAnswerSchema = z.strictObject({
  text: z.pipe(
    z.string().check(z.refine((value) => value.trim().length > 0, 'text must not be empty')),
    z.string().check(z.maxLength(200_000)),
  ),
  bullets: z.array(line).check(z.minLength(1), z.maxLength(12)),
});

/** A validated model rewrite. */
export type RewriteAnswer = z.infer<typeof rewriteAnswerSchema>;

// zod 4's number() already refuses NaN and ±Infinity.
const axis = z.number().check(z.gte(0), z.lte(10));

/** A model judge's scorecard for one prompt. */
export const judgeAnswerSchema = z
  .strictObject({
    clarity: axis,
    specificity: axis,
    actionability: axis,
    structure: axis,
    contextUse: axis,
    total: z.number().check(z.gte(0), z.lte(50)),
    feedback: z.strictObject({
      pros: z.array(line).check(z.maxLength(12)),
      cons: z.array(line).check(z.maxLength(12)),
      summary: z.string().check(z.trim(), z.minLength(1), z.maxLength(600)),
    }),
  })
  .check(
    z.superRefine((card, context) => {
      const sum = axisSum(card);
      if (Math.abs(card.total - sum) > TOTAL_TOLERANCE) {
        context.addIssue({ code: 'custom', path: ['total'], message: `total ${card.total} is not the sum of the five axes (${sum})` });
      }
    }),
  );

/** A validated model scorecard. */
export type JudgeAnswer = z.infer<typeof judgeAnswerSchema>;

/** A panel: one scorecard per label (`A`, `B`, …), exactly the labels asked for. */
export function panelAnswerSchema(labels: readonly string[]): z.ZodMiniType<Record<string, JudgeAnswer>> {
  return z.strictObject(Object.fromEntries(labels.map((label) => [label, judgeAnswerSchema])));
}

/** The sum of the five axes, to one decimal. */
export function axisSum(scores: AxisScores): number {
  return Math.round(AXES.reduce((sum, key) => sum + scores[key], 0) * 10) / 10;
}

/** The first few problems zod found, as one line a model (or a person) can act on. */
export function describeIssues(error: core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => describeIssue(issue, 'answer'))
    .join('; ');
}
