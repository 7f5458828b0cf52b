import { strict as assert } from 'node:assert';
import { clip, formatMs, formatPercent, formatWeek, labelEvery, linearScale, logScale, logTicks, niceTicks } from '../../../src/webview/insights/scale';

describe('insights chart arithmetic', () => {
  it('picks round ticks that cover the data', () => {
    assert.deepEqual(niceTicks(23.4, 38.9, 4), [20, 25, 30, 35, 40]);
    assert.deepEqual(niceTicks(0, 1, 4), [0, 0.5, 1]);
    assert.deepEqual(niceTicks(0, 1000, 4), [0, 500, 1000]);
    assert.deepEqual(niceTicks(5, 5), [5, 6], 'one value still gets an axis');
  });

  it('log ticks are powers of ten, with 2 and 5 between them over a short range', () => {
    assert.deepEqual(logTicks(12, 6400), [10, 100, 1000, 10000]);
    assert.deepEqual(logTicks(20, 90), [10, 20, 50, 100]);
  });

  it('maps values to pixels, linear and log, top to bottom', () => {
    const y = linearScale([0, 50], [200, 0]);
    assert.equal(y(0), 200);
    assert.equal(y(25), 100);
    assert.equal(linearScale([3, 3], [10, 20])(3), 10, 'a flat domain does not divide by zero');
    const log = logScale([10, 10000], [0, 300]);
    assert.equal(Math.round(log(100)), 100);
    assert.equal(log(0), 0, 'zero is clamped to the bottom of a log axis');
  });

  it('thins week labels so they never overlap, keeping the latest week', () => {
    assert.deepEqual(labelEvery(4, 400, 50), [0, 1, 2, 3]);
    assert.deepEqual(labelEvery(26, 520, 52), [1, 4, 7, 10, 13, 16, 19, 22, 25]);
    assert.deepEqual(labelEvery(0, 400, 50), []);
  });

  it('formats figures the way people read them', () => {
    assert.equal(formatMs(42.4), '42 ms');
    assert.equal(formatMs(1000), '1 s');
    assert.equal(formatMs(1250), '1.3 s');
    assert.equal(formatMs(14_400), '14 s');
    assert.equal(formatPercent(0.666), '67%');
    assert.equal(formatPercent(null), '–');
    assert.equal(formatWeek('2026-11-23', 'en-US'), 'Nov 23');
    assert.equal(clip('add-positive-alternative', 10), 'add-posit…');
    assert.equal(clip('short', 10), 'short');
  });
});
