/** The mean of each rubric axis over a set of scorecards: where prompts start, and where rewrites take them. */
import type { AxisScores } from '../types';
import { AXES } from '../types';

/** Per-axis means rounded to 0.01, or null for an empty set. */
export function axisAverages(scores: readonly AxisScores[]): AxisScores | null {
  if (scores.length === 0) return null;
  const sums = Object.fromEntries(AXES.map((axis) => [axis, 0])) as AxisScores;
  for (const score of scores) for (const axis of AXES) sums[axis] += score[axis];
  return Object.fromEntries(AXES.map((axis) => [axis, Math.round((sums[axis] / scores.length) * 100) / 100])) as AxisScores;
}
