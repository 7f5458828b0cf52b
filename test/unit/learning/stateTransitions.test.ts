/** The pure state transitions: recording rewrites and decisions, the report, and the JSON shape the store keeps. */
import { strict as assert } from 'node:assert';
import type { FeedbackEventRecord, LearningState } from '../../../src/core/history';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { STRATEGIES } from '../../../src/core/engine/strategies';
import { attributeGains, evenGainShares } from '../../../src/core/learning/attributeGains';
import type { LearningStateV1 } from '../../../src/core/learning/learningState';
import { emptyLearningState, statsOf } from '../../../src/core/learning/learningState';
import { feedbackFromEvent, FeedbackInputError, recordFeedback } from '../../../src/core/learning/recordFeedback';
import { recordImprovement, recordRewrite } from '../../../src/core/learning/recordImprovement';
import { strategyReport } from '../../../src/core/learning/strategyReport';
import type { DiffHunk } from '../../../src/core/types';
import { LEARNING_CORPUS } from './learningCorpus';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const hunk = (id: string, strategies: string[]): DiffHunk => ({ id, oldStart: 1, oldLines: 0, newStart: 1, newLines: 1, lines: ['+x'], strategies });

const HUNKS = [hunk('h0', ['add-role']), hunk('h1', []), hunk('h2', ['pin-length', 'add-constraints']), hunk('h3', ['add-role'])];

describe('learning state transitions', () => {
  it('is plain JSON with a version, assignable to the store’s LearningState', () => {
    const stored: LearningState = emptyLearningState();
    assert.deepEqual(JSON.parse(JSON.stringify(stored)), { version: 1, rewrites: 0, decisions: 0, strategies: {} });
  });

  describe('recordImprovement', () => {
    it('counts offered and applied strategies and splits the judge gain so the shares add up to it', () => {
      for (const text of LEARNING_CORPUS.slice(0, 8)) {
        const result = improvePrompt(text, { selectStrategies: (applicable) => applicable.filter((id) => id !== 'add-steps') });
        const shares = attributeGains(result);
        assert.deepEqual(Object.keys(shares), result.strategies);
        const sum = Object.values(shares).reduce((a, b) => a + b, 0);
        const gain = result.judge.after.total - result.judge.before.total;
        assert.ok(Math.abs(sum - gain) < 0.001 * result.strategies.length + 1e-9, `${sum} vs ${gain}`);

        const before = deepFreeze(emptyLearningState());
        const state = recordImprovement(before, result);
        assert.equal(state.rewrites, 1);
        for (const id of result.strategies) assert.deepEqual(state.strategies[id], { offered: 1, applied: 1, gainSum: shares[id], accepted: 0, rejected: 0 });
        for (const id of result.skippedStrategies) assert.deepEqual(state.strategies[id], { offered: 1, applied: 0, gainSum: 0, accepted: 0, rejected: 0 });
        assert.deepEqual(before, emptyLearningState(), 'the input state is not mutated');
      }
    });

    it('credits the judge’s favourites: asking about missing details earns more than the output-format line', () => {
      let state = emptyLearningState();
      for (const text of LEARNING_CORPUS) state = recordImprovement(state, improvePrompt(text));
      const gain = (id: string): number => strategyReport(state).find((row) => row.id === id)!.meanJudgeGain!;
      assert.ok(gain('add-questions-policy') > gain('add-output-format'));
      for (const row of strategyReport(state).filter((r) => r.applied > 0)) assert.ok(row.meanJudgeGain! > 0, `${row.id} ${row.meanJudgeGain}`);
    });

    it('an unchanged result counts a rewrite but credits nothing', () => {
      const done = improvePrompt(improvePrompt(improvePrompt(LEARNING_CORPUS[0]!).improved).improved);
      assert.equal(done.changed, false);
      const state = recordImprovement(emptyLearningState(), done);
      assert.equal(state.rewrites, 1);
      assert.ok(Object.values(state.strategies).every((stats) => stats.applied === 0));
    });

    it('recordRewrite takes shares from elsewhere (an even split for a model’s rewrite)', () => {
      const state = recordRewrite(emptyLearningState(), { strategies: ['add-role', 'add-steps'], skippedStrategies: ['add-context'], gains: evenGainShares(['add-role', 'add-steps'], 5) });
      assert.equal(state.strategies['add-role']!.gainSum, 2.5);
      assert.equal(state.strategies['add-context']!.offered, 1);
    });
  });

  describe('recordFeedback', () => {
    it('per hunk: each hunk counts once for every strategy it carries; layout hunks count for none', () => {
      const before = deepFreeze(emptyLearningState());
      const state = recordFeedback(before, { decision: 'partial', hunks: HUNKS, acceptedHunkIds: ['h0', 'h1'] });
      assert.deepEqual(state.strategies['add-role'], { offered: 0, applied: 0, gainSum: 0, accepted: 1, rejected: 1 });
      assert.equal(state.strategies['pin-length']!.rejected, 1);
      assert.equal(state.strategies['add-constraints']!.rejected, 1);
      assert.equal(state.decisions, 1);
      assert.deepEqual(before, emptyLearningState());
    });

    it('a whole-change decision counts once for each strategy of the version', () => {
      const accepted = recordFeedback(emptyLearningState(), { decision: 'accepted', hunks: HUNKS });
      assert.equal(accepted.strategies['add-role']!.accepted, 1, 'two hunks, one decision');
      assert.equal(accepted.strategies['pin-length']!.accepted, 1);
      const rejected = recordFeedback(emptyLearningState(), { decision: 'rejected', hunks: [], strategies: ['add-steps', 'add-role'] });
      assert.deepEqual([rejected.strategies['add-steps']!.rejected, rejected.strategies['add-role']!.rejected], [1, 1]);
    });

    it('refuses what it cannot interpret, with a message that says why', () => {
      assert.throws(() => recordFeedback(emptyLearningState(), { decision: 'partial', hunks: HUNKS }), (error: unknown) => error instanceof FeedbackInputError && /which hunks were kept/.test(error.message));
      assert.throws(() => recordFeedback(emptyLearningState(), { decision: 'partial', hunks: HUNKS, acceptedHunkIds: ['h9'] }), /Unknown hunk id\(s\) h9: this version's hunks are h0, h1, h2, h3/);
    });

    it('replays stored feedback events (the store’s FeedbackEventRecord)', () => {
      const event: Pick<FeedbackEventRecord, 'decision' | 'hunks' | 'strategies'> = {
        decision: 'partial',
        strategies: ['add-role', 'pin-length', 'add-constraints'],
        hunks: [
          { hunkId: 'h0', accepted: true, strategies: ['add-role'] },
          { hunkId: 'h2', accepted: false, strategies: ['pin-length', 'add-constraints'] },
        ],
      };
      const state = recordFeedback(emptyLearningState(), feedbackFromEvent(event));
      assert.equal(state.strategies['add-role']!.accepted, 1);
      assert.equal(state.strategies['pin-length']!.rejected, 1);
      const whole = recordFeedback(emptyLearningState(), feedbackFromEvent({ decision: 'rejected', strategies: ['add-steps'], hunks: [] }));
      assert.equal(whole.strategies['add-steps']!.rejected, 1);
    });

    it('ids that are also Object.prototype names stay plain counters', () => {
      const state = recordFeedback(emptyLearningState(), { decision: 'accepted', hunks: [], strategies: ['__proto__', 'constructor'] });
      const copy = JSON.parse(JSON.stringify(state)) as LearningStateV1;
      assert.equal(Object.getPrototypeOf(state.strategies), Object.prototype);
      assert.ok(Object.hasOwn(state.strategies, '__proto__'), 'an own data property, not the prototype');
      assert.equal(statsOf(copy, 'constructor')?.accepted, 1);
      assert.equal(strategyReport(state).find((row) => row.id === 'constructor')?.accepted, 1);
    });
  });

  describe('strategyReport', () => {
    it('has a row per engine strategy, in the engine’s order, with rates and probabilities', () => {
      let state = recordRewrite(emptyLearningState(), { strategies: ['add-role'], skippedStrategies: ['add-steps'], gains: { 'add-role': 4 } });
      state = recordFeedback(state, { decision: 'partial', hunks: HUNKS, acceptedHunkIds: ['h0'] });
      const rows = strategyReport(state);
      assert.deepEqual(rows.map((row) => row.id), STRATEGIES.map((strategy) => strategy.id));
      const { inclusionProbability: roleInclusion, ...role } = rows.find((row) => row.id === 'add-role')!;
      assert.deepEqual(role, { id: 'add-role', offered: 1, applied: 1, meanJudgeGain: 4, accepted: 1, rejected: 1, acceptanceRate: 0.5 });
      assert.ok(roleInclusion > 0.5 && roleInclusion < 1, `one of each, a strong judge prior: ${roleInclusion}`);
      const steps = rows.find((row) => row.id === 'add-steps')!;
      assert.equal(steps.meanJudgeGain, null);
      assert.equal(steps.acceptanceRate, null);
      for (const row of rows) assert.ok(row.inclusionProbability >= 0.05 && row.inclusionProbability <= 1);
    });
  });
});
