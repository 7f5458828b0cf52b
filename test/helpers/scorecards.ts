/** A scorecard builder shared by the storage tests, the store benchmark and the writer process. */
import type { NewScore } from '../../src/core/history';

/** A scorecard whose axes add up to `total` (0–50). */
export function scoreOf(total: number, judge = 'heuristic@1'): NewScore {
  const axis = total / 5;
  return {
    clarity: axis,
    specificity: axis,
    actionability: axis,
    structure: axis,
    contextUse: axis,
    total,
    feedback: { pros: ['clear task'], cons: [], summary: `scored ${total}` },
    suggestions: [{ axis: 'specificity', rule: 'vague-words', message: 'Name the audience.' }],
    judge,
  };
}

