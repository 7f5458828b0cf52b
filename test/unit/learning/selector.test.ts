/** The selector: deterministic given state and seed, exploring across seeds, bounded, and resettable. */
import { strict as assert } from 'node:assert';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { STRATEGIES } from '../../../src/core/engine/strategies';
import { createSelector } from '../../../src/core/learning/createSelector';
import { DEFAULT_POLICY, inclusionLowerBound, inclusionProbability } from '../../../src/core/learning/inclusionPolicy';
import type { LearningStateV1 } from '../../../src/core/learning/learningState';
import { emptyLearningState, resetLearning } from '../../../src/core/learning/learningState';
import { recordFeedback } from '../../../src/core/learning/recordFeedback';
import { recordRewrite } from '../../../src/core/learning/recordImprovement';
import { LEARNING_CORPUS } from './learningCorpus';
import { rejectsStrategy, simulate } from './simulateUser';

const ALL = STRATEGIES.map((strategy) => strategy.id);
const SEEDS = Array.from({ length: 400 }, (_, i) => i * 7919 + 13);

/** A state in which people turned `id` down `times` times (as whole-change decisions). */
function rejected(id: string, times: number, state: LearningStateV1 = emptyLearningState()): LearningStateV1 {
  let next = state;
  for (let i = 0; i < times; i += 1) next = recordFeedback(next, { decision: 'rejected', hunks: [], strategies: [id] });
  return next;
}

const shareIncluding = (state: LearningStateV1, id: string): number =>
  SEEDS.filter((seed) => createSelector(state, seed)(ALL).includes(id)).length / SEEDS.length;

describe('strategy selector', () => {
  it('is deterministic: the same state and seed choose the same strategies, also after a JSON round trip', () => {
    const state = rejected('add-role', 4);
    const copy = JSON.parse(JSON.stringify(state)) as LearningStateV1;
    for (const seed of SEEDS.slice(0, 50)) {
      const selector = createSelector(state, seed);
      assert.deepEqual(selector(ALL), selector(ALL), 'calling twice');
      assert.deepEqual(createSelector(copy, seed)(ALL), selector(ALL), 'rebuilt from the stored copy');
    }
    const text = LEARNING_CORPUS[0]!;
    assert.equal(improvePrompt(text, { selectStrategies: createSelector(state, 42) }).improved, improvePrompt(text, { selectStrategies: createSelector(state, 42) }).improved);
  });

  it('explores: different seeds make different choices, at about the inclusion probability', () => {
    const state = rejected('add-role', 3);
    const p = inclusionProbability(state, 'add-role');
    assert.ok(p > 0.3 && p < 0.8, `an undecided strategy: ${p}`);
    const share = shareIncluding(state, 'add-role');
    assert.ok(Math.abs(share - p) < 0.08, `chosen in ${share} of seeds, probability ${p}`);
    const distinct = new Set(SEEDS.map((seed) => createSelector(state, seed)(ALL).join(',')));
    assert.ok(distinct.size > 1);
  });

  it('a decision changes the next draws (the state counters are part of the seed)', () => {
    const state = rejected('add-role', 3);
    const after = recordFeedback(state, { decision: 'accepted', hunks: [], strategies: ['add-steps'] });
    const changed = SEEDS.filter((seed) => createSelector(state, seed)(ALL).join() !== createSelector(after, seed)(ALL).join());
    assert.ok(changed.length > 0);
  });

  it('a strategy is never shut out for good: inclusion stays at the floor however often it is rejected', () => {
    const state = rejected('add-role', 500);
    assert.equal(inclusionProbability(state, 'add-role'), DEFAULT_POLICY.floor);
    const share = shareIncluding(state, 'add-role');
    assert.ok(share > 0 && share < 0.1, `still tried in ${share} of seeds`);
  });

  it('thin evidence cannot exclude much: the exclusion ceiling rises with people’s decisions', () => {
    const bounds = [0, 1, 2, 5, 10, 50].map((times) => inclusionLowerBound(rejected('add-role', times).strategies['add-role']));
    assert.deepEqual(bounds.map((b) => Math.round(b * 1000) / 1000), [0.5, 0.455, 0.41, 0.275, 0.05, 0.05]);
    for (const times of [1, 2, 3, 4]) {
      const state = rejected('add-role', times);
      assert.ok(inclusionProbability(state, 'add-role') >= 0.5 - 0.045 * times, `${times} rejections`);
    }
    // A strategy the judge penalises, before anyone decided: the judge alone cannot push it below 50%.
    const penalised = recordRewrite(emptyLearningState(), { strategies: ['add-role'], skippedStrategies: [], gains: { 'add-role': -6 } });
    assert.equal(inclusionProbability(penalised, 'add-role'), 0.5);
  });

  it('uses the judge gain as the prior: a strategy the judge rewards starts near "always include"', () => {
    for (const id of ALL) assert.ok(inclusionProbability(emptyLearningState(), id) >= 0.99, `${id} before any data`);
    const rewarded = recordRewrite(emptyLearningState(), { strategies: ['add-role', 'add-steps'], skippedStrategies: [], gains: { 'add-role': 3, 'add-steps': 0.3 } });
    assert.ok(inclusionProbability(rewarded, 'add-role') >= 0.99);
    const weak = inclusionProbability(rewarded, 'add-steps');
    assert.ok(weak < inclusionProbability(rewarded, 'add-role') && weak > 0.5, `a small gain gives a weaker prior: ${weak}`);
    // The same three rejections hurt a judge favourite less than a strategy the judge is lukewarm about.
    assert.ok(inclusionProbability(rejected('add-role', 3, rewarded), 'add-role') > inclusionProbability(rejected('add-steps', 3, rewarded), 'add-steps'));
  });

  it('never leaves the engine with nothing to do: when every draw excludes, the likeliest strategy stays', () => {
    let state = emptyLearningState();
    for (const id of ALL) state = rejected(id, 30, state);
    for (const seed of SEEDS.slice(0, 100)) assert.ok(createSelector(state, seed)(ALL).length >= 1);
    assert.deepEqual(createSelector(state, 1)([]), []);
  });

  it('reset returns to the prior behaviour', function () {
    this.timeout(20_000);
    const fresh = simulate(emptyLearningState(), LEARNING_CORPUS, rejectsStrategy('add-questions-policy'), 30);
    assert.ok(inclusionProbability(fresh.state, 'add-questions-policy') <= 0.1, 'learned first');
    const reset = resetLearning();
    assert.deepEqual(reset, emptyLearningState());
    assert.ok(inclusionProbability(reset, 'add-questions-policy') >= 0.99);
    for (const seed of SEEDS.slice(0, 50)) assert.deepEqual(createSelector(reset, seed)(ALL), createSelector(emptyLearningState(), seed)(ALL));
    // After the reset the same person, prompts and seeds replay the first run exactly.
    const again = simulate(reset, LEARNING_CORPUS, rejectsStrategy('add-questions-policy'), 10);
    assert.deepEqual(again.trace.map((round) => round.strategies), fresh.trace.slice(0, 10).map((round) => round.strategies));
  });
});
