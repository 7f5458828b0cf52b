/** The numerics under the selector: the Beta tail and the seeded generator. */
import { strict as assert } from 'node:assert';
import { betaCdf, betaTailAbove } from '../../../src/core/learning/betaTail';
import { hashText, mixSeeds, mulberry32 } from '../../../src/core/learning/seededRandom';

/** P(θ ≤ x) by Simpson's rule on the density, for a, b ≥ 2 (a smooth density, where Simpson is accurate). */
function betaCdfByIntegration(x: number, a: number, b: number): number {
  const density = (t: number): number => t ** (a - 1) * (1 - t) ** (b - 1);
  const integrate = (to: number, n = 2000): number => {
    const h = to / n;
    let sum = density(0) + density(to);
    for (let i = 1; i < n; i += 1) sum += density(i * h) * (i % 2 ? 4 : 2);
    return (sum * h) / 3;
  };
  return integrate(x) / integrate(1);
}

describe('learning numerics', () => {
  it('betaCdf matches closed forms and numerical integration', () => {
    assert.ok(Math.abs(betaCdf(0.3, 1, 1) - 0.3) < 1e-12);
    assert.ok(Math.abs(betaCdf(0.5, 2, 2) - 0.5) < 1e-12);
    assert.ok(Math.abs(betaCdf(0.5, 1, 3) - 0.875) < 1e-12);
    // Shapes below 1, as a strong prior gives: I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, arcsine law.
    assert.ok(Math.abs(betaCdf(0.3, 0.2, 1) - 0.3 ** 0.2) < 1e-10);
    assert.ok(Math.abs(betaCdf(0.5, 1, 0.2) - (1 - 0.5 ** 0.2)) < 1e-10);
    assert.ok(Math.abs(betaCdf(0.2, 0.5, 0.5) - (2 / Math.PI) * Math.asin(Math.sqrt(0.2))) < 1e-10);
    for (const [a, b] of [[2.5, 7.2], [3.8, 2.2], [12, 3], [2, 40], [60, 2]] as const) {
      for (const x of [0.1, 0.5, 0.9]) {
        assert.ok(Math.abs(betaCdf(x, a, b) - betaCdfByIntegration(x, a, b)) < 1e-6, `I_${x}(${a}, ${b})`);
        assert.ok(Math.abs(betaCdf(x, a, b) - (1 - betaCdf(1 - x, b, a))) < 1e-12, 'symmetry');
      }
    }
  });

  it('betaTailAbove stays in [0, 1] for the small shapes a prior gives', () => {
    for (const [a, b] of [[0.2, 3.8], [3.8, 0.2], [0.05, 0.05], [1e-3, 500]] as const) {
      const p = betaTailAbove(0.5, a, b);
      assert.ok(p >= 0 && p <= 1 && Number.isFinite(p), `${a}, ${b}: ${p}`);
    }
    assert.ok(betaTailAbove(0.5, 3.8, 0.2) > 0.99);
    assert.ok(betaTailAbove(0.5, 3.8, 30.2) < 1e-4);
  });

  it('hashText is FNV-1a and the generator is reproducible and uniform enough', () => {
    assert.equal(hashText(''), 0x811c9dc5);
    assert.equal(hashText('a'), 0xe40c292c);
    const a = mulberry32(mixSeeds(7, 1, 2));
    const b = mulberry32(mixSeeds(7, 1, 2));
    const draws = Array.from({ length: 10_000 }, () => a());
    assert.deepEqual(Array.from({ length: 10_000 }, () => b()), draws);
    assert.ok(draws.every((u) => u >= 0 && u < 1));
    const buckets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const u of draws) buckets[Math.floor(u * 10)]! += 1;
    for (const count of buckets) assert.ok(count > 900 && count < 1100, `bucket ${count}`);
    assert.notEqual(mixSeeds(7, 1, 2), mixSeeds(7, 2, 1), 'order matters');
  });
});
