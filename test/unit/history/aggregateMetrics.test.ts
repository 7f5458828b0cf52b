import { strict as assert } from 'node:assert';
import type { FeedbackEventRecord, MetricEventRecord } from '../../../src/core/history';
import { aggregateMetrics, percentile, weekOf } from '../../../src/core/metrics/aggregateMetrics';

const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);
let ids = 0;
const run = (iso: string, total: number, adopted: boolean, ms = 10, engine = 'heuristic@1', fallbackReason?: string): MetricEventRecord => ({
  id: `m${(ids += 1)}`, kind: 'improve', engine, timeToResultMs: ms, adopted, total, createdAt: day(iso), ...(fallbackReason ? { fallbackReason } : {}),
});
const feedback = (decision: FeedbackEventRecord['decision'], hunks: [string, boolean][] = []): FeedbackEventRecord => ({
  id: `f${(ids += 1)}`, promptId: 'p', versionId: 'p-v1', decision, hunks: hunks.map(([hunkId, accepted]) => ({ hunkId, accepted, strategies: ['add-role'] })), strategies: ['add-role'], via: 'cli', createdAt: 0,
});

describe('metrics aggregation', () => {
  it('buckets runs by ISO week starting on Monday (UTC)', () => {
    assert.equal(weekOf(day('2026-11-23')), '2026-11-23'); // a Monday
    assert.equal(weekOf(day('2026-11-29')), '2026-11-23'); // the Sunday after
    assert.equal(weekOf(day('2026-11-30')), '2026-11-30');
    const summary = aggregateMetrics({ metrics: [run('2026-11-24', 30, true), run('2026-11-26', 40, false), run('2026-12-01', 45, true)], feedback: [], versions: [] });
    assert.deepEqual(summary.weekly, [
      { week: '2026-11-23', runs: 2, averageTotal: 35, winRate: 0.5, medianMs: 10, p95Ms: 10 },
      { week: '2026-11-30', runs: 1, averageTotal: 45, winRate: 1, medianMs: 10, p95Ms: 10 },
    ]);
  });

  it('computes win and rollback rates, time to result and usage by engine', () => {
    const metrics = [run('2026-11-24', 30, true, 5), run('2026-11-24', 31, true, 7), run('2026-11-24', 29, false, 100, 'llm:gpt', 'timeout'), run('2026-11-24', 33, true, 9)];
    const summary = aggregateMetrics({ metrics, feedback: [], versions: [] });
    assert.equal(summary.winRate, 0.75);
    assert.equal(summary.rollbackRate, 0.25);
    assert.deepEqual(summary.timeToResultMs, { median: 7, p95: 100 });
    assert.deepEqual(summary.usageByEngine, { 'heuristic@1': 3, 'llm:gpt': 1 });
    assert.deepEqual(summary.fallbacksByReason, { timeout: 1 });
  });

  it('percentiles use the nearest rank', () => {
    assert.equal(percentile([], 50), 0);
    assert.equal(percentile([3, 1, 2], 50), 2);
    assert.equal(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95), 95);
  });

  it('acceptance counts hunks when a decision names them, and whole decisions otherwise', () => {
    const summary = aggregateMetrics({ metrics: [], feedback: [feedback('partial', [['h0', true], ['h1', false], ['h2', true]]), feedback('accepted'), feedback('rejected')], versions: [] });
    assert.equal(summary.acceptanceRate, 0.6); // 3 of 5
    assert.equal(aggregateMetrics({ metrics: [], feedback: [], versions: [] }).acceptanceRate, null);
  });

  it('finds the strategies and renderings that are more common among high scorers', () => {
    const versions = [
      { total: 45, strategies: ['add-reasoning', 'add-role'], rendering: 'xml' },
      { total: 44, strategies: ['add-reasoning'], rendering: 'xml' },
      { total: 30, strategies: ['add-role'], rendering: 'markdown' },
      { total: 28, strategies: ['add-role'], rendering: 'markdown' },
      { total: 25, strategies: [], rendering: 'compact' },
    ];
    const summary = aggregateMetrics({ metrics: [], feedback: [], versions });
    assert.equal(summary.highScoreThreshold, 44);
    assert.deepEqual(summary.topPatterns.slice(0, 2).map((p) => p.pattern).sort(), ['add-reasoning', 'rendering:xml']);
    assert.deepEqual(summary.topPatterns[0]!.inHigh, 1);
    assert.deepEqual(summary.topPatterns[0]!.inRest, 0);
  });
});
