/** What comes back from disk: a good state round-trips; a damaged or foreign one is repaired or refused, never a crash. */
import { strict as assert } from 'node:assert';
import { emptyLearningState } from '../../../src/core/learning/learningState';
import { loadLearningState } from '../../../src/core/learning/loadLearningState';
import { recordFeedback } from '../../../src/core/learning/recordFeedback';
import { recordRewrite } from '../../../src/core/learning/recordImprovement';

const trained = recordFeedback(
  recordRewrite(emptyLearningState(), { strategies: ['add-role', 'add-steps'], skippedStrategies: ['add-context'], gains: { 'add-role': 2.5, 'add-steps': 0.75 } }),
  { decision: 'rejected', hunks: [], strategies: ['add-role'] },
);
const fromDisk = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function refused(raw: unknown, pattern: RegExp): void {
  const loaded = loadLearningState(raw);
  assert.equal(loaded.ok, false, JSON.stringify(raw));
  if (loaded.ok) return;
  assert.match(loaded.error, pattern);
  assert.match(loaded.error, /^The stored learning state /);
  assert.deepEqual(loaded.state, emptyLearningState(), 'a usable empty state comes back');
}

describe('loading the learning state', () => {
  it('nothing stored yet reads as the empty state', () => {
    assert.deepEqual(loadLearningState(undefined), { ok: true, state: emptyLearningState(), notes: [] });
  });

  it('a state it wrote round-trips through JSON unchanged', () => {
    assert.deepEqual(loadLearningState(fromDisk(trained)), { ok: true, state: trained, notes: [] });
  });

  it('refuses what is not a learning state at all, saying what it found', () => {
    refused(null, /is null, not an object/);
    refused([1, 2], /is a list, not an object/);
    refused('{"version":1}', /is a string, not an object/);
    refused(42, /is a number, not an object/);
    refused({ rewrites: 3, strategies: {} }, /has no version number/);
    refused({ version: '1', rewrites: 0, decisions: 0, strategies: {} }, /has no version number/);
  });

  it('refuses a newer format and says to update, and an unknown older one', () => {
    refused({ ...trained, version: 2 }, /written by a newer release \(format 2; this one reads 1\): update the extension to use it\.$/);
    refused({ ...trained, version: 0 }, /unknown format 0/);
  });

  it('refuses damaged counters at the top, naming the field', () => {
    refused({ ...trained, rewrites: -1 }, /damaged \(rewrites: /);
    refused({ ...trained, decisions: 1.5 }, /damaged \(decisions: /);
    refused({ ...trained, strategies: [] }, /damaged \(strategies: /);
    refused({ version: 1 }, /damaged/);
  });

  it('repairs one strategy’s damaged counters by dropping them, and keeps the rest', () => {
    const raw = fromDisk(trained) as { strategies: Record<string, unknown> };
    raw.strategies['add-steps'] = { offered: 1, applied: 'many', gainSum: 0, accepted: 0, rejected: 0 };
    raw.strategies['Not An Id!'] = trained.strategies['add-role'];
    const loaded = loadLearningState(raw);
    assert.ok(loaded.ok);
    assert.deepEqual(Object.keys(loaded.state.strategies).sort(), ['add-context', 'add-role']);
    assert.equal(loaded.notes.length, 2);
    assert.match(loaded.notes.join('\n'), /Dropped the counters of add-steps \(applied: .*\); it starts again from the prior\./);
    assert.match(loaded.notes.join('\n'), /Dropped counters under "Not An Id!": not a strategy id\./);
  });

  it('drops fields it does not know and never lets a key reach a prototype', () => {
    const raw = JSON.parse('{"version":1,"rewrites":2,"decisions":0,"extra":true,"strategies":{"__proto__":{"offered":1,"applied":1,"gainSum":1,"accepted":0,"rejected":0}}}') as unknown;
    const loaded = loadLearningState(raw);
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.state, { version: 1, rewrites: 2, decisions: 0, strategies: {} });
    assert.equal(({} as { offered?: unknown }).offered, undefined);
  });

  it('never throws, whatever it is given', () => {
    const circular: Record<string, unknown> = { version: 1 };
    circular.self = circular;
    const odd: unknown[] = [
      {}, true, Symbol('x'), () => 1, new Date(0), Number.NaN, { version: Infinity }, { version: 1, rewrites: 1e308, decisions: 0, strategies: { 'add-role': null } },
      { version: 1, rewrites: 0, decisions: 0, strategies: { 'add-role': { offered: 1, applied: 1, gainSum: Number.NaN, accepted: 0, rejected: 0 } } },
      circular, Object.create(null) as unknown, { version: 1, rewrites: 0, decisions: 0, strategies: Object.create(null) as unknown },
    ];
    for (const value of odd) {
      const loaded = loadLearningState(value);
      assert.equal(loaded.state.version, 1);
      if (!loaded.ok) assert.ok(loaded.error.length > 20);
    }
  });
});
