import { strict as assert } from 'node:assert';
import type { FeedbackEventRecord, MetricEventRecord } from '../../../src/core/history';
import type { StrategyReportRow } from '../../../src/core/learning';
import type { InsightsData, VersionPoint } from '../../../src/insights/insightsLoader';
import { buildInsightsModel } from '../../../src/insights/insightsModel';
import { weekOf } from '../../../src/core/metrics/aggregateMetrics';
import { judgeMetric } from '../../../src/core/metrics/judgeMetric';
import { judgePrompt } from '../../../src/core/judge/judgePrompt';
import type { JudgeEngineReport } from '../../../src/core/model/modelJudge';

const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);
let ids = 0;
const run = (iso: string, total: number, adopted: boolean, ms: number, engine = 'heuristic@1', fallbackReason?: string): MetricEventRecord => ({
  id: `m${(ids += 1)}`, kind: 'improve', engine, timeToResultMs: ms, adopted, total, createdAt: day(iso), ...(fallbackReason ? { fallbackReason } : {}),
});
const decision = (value: FeedbackEventRecord['decision']): FeedbackEventRecord => ({
  id: `f${(ids += 1)}`, promptId: 'p', versionId: 'p-v1', decision: value, hunks: [], strategies: [], via: 'editor', createdAt: 0,
});
const axes = (value: number) => ({ clarity: value, specificity: value, actionability: value, structure: value, contextUse: value + 1 });
const version = (versionNo: number, total: number, axisValue: number, strategies: string[] = [], rendering?: string): VersionPoint => ({
  versionNo, total, axes: axes(axisValue), strategies, ...(rendering ? { rendering } : {}),
});
const row = (id: string, applied: number, accepted = 0, rejected = 0): StrategyReportRow => ({
  id, offered: applied, applied, meanJudgeGain: applied ? 2 : null, accepted, rejected, acceptanceRate: null, inclusionProbability: 0.5,
});

function data(overrides: Partial<InsightsData> = {}): InsightsData {
  return {
    prompts: [
      [version(0, 20, 4), version(1, 40, 8, ['add-role', 'add-output-format'], 'xml')],
      [version(0, 10, 2), version(1, 30, 6, ['add-role'], 'markdown'), version(2, 25, 5, ['add-steps'], 'compact')],
    ],
    versionCount: 6,
    metrics: [
      run('2026-11-24', 40, true, 20),
      run('2026-11-25', 30, true, 40),
      run('2026-12-01', 25, false, 4000, 'llm:gpt-4o-mini'),
      run('2026-12-02', 35, true, 60, 'heuristic@1', 'timeout'),
      { id: 'j1', kind: 'judge', engine: 'heuristic@1', timeToResultMs: 3, adopted: false, total: 12, createdAt: day('2026-12-02') },
    ],
    feedback: [decision('accepted'), decision('accepted'), decision('partial'), decision('rejected')],
    strategies: [row('add-role', 2, 3, 1), row('add-steps', 1), row('add-context', 0), row('add-output-format', 1, 0, 2)],
    ...overrides,
  };
}

describe('insights model', () => {
  it('gives each week its runs, average, win and rollback rates and time to result', () => {
    const model = buildInsightsModel(data());
    assert.deepEqual(model.weekly, [
      { week: '2026-11-23', runs: 2, averageTotal: 35, winRate: 1, rollbackRate: 0, medianMs: 20, p95Ms: 40 },
      { week: '2026-11-30', runs: 2, averageTotal: 30, winRate: 0.5, rollbackRate: 0.5, medianMs: 60, p95Ms: 4000 },
    ]);
    assert.equal(model.improveRuns, 4);
    assert.equal(model.averageTotal, 32.5, 'score-only runs do not count');
    assert.equal(model.winRate, 0.75);
    assert.equal(model.rollbackRate, 0.25);
    assert.deepEqual(model.timeToResultMs, { median: 40, p95: 4000 });
  });

  it('splits engines into heuristic and model, most used first, and lists fallbacks by reason', () => {
    const model = buildInsightsModel(data());
    assert.deepEqual(model.engines, [
      { engine: 'heuristic@1', model: false, runs: 4 },
      { engine: 'llm:gpt-4o-mini', model: true, runs: 1 },
    ]);
    assert.deepEqual(model.fallbacks, [{ label: 'timeout', count: 1 }]);
  });

  it('counts Score runs in heuristic-vs-model usage and in fallbacks, as the protocol says, never as improve runs', () => {
    const card = judgePrompt('Write a short poem about the sea.');
    const scoreRun = (engine: JudgeEngineReport, ms: number): MetricEventRecord => ({ id: `m${(ids += 1)}`, createdAt: day('2026-12-03'), ...judgeMetric(card, engine, ms) });
    const model = buildInsightsModel(
      data({
        metrics: [
          run('2026-12-01', 30, true, 20),
          run('2026-12-02', 40, true, 4000, 'llm:gpt-4o-mini'),
          scoreRun({ id: 'llm:gpt-4o-mini' }, 900),
          scoreRun({ id: 'heuristic@1', fallbackReason: 'http-5xx', fallbackDetail: 'HTTP 500' }, 7000),
          scoreRun({ id: 'heuristic@1' }, 2),
        ],
      }),
    );
    assert.deepEqual(model.engines, [
      { engine: 'heuristic@1', model: false, runs: 3 },
      { engine: 'llm:gpt-4o-mini', model: true, runs: 2 },
    ]);
    assert.deepEqual(model.fallbacks, [{ label: 'http-5xx', count: 1 }]);
    assert.equal(model.improveRuns, 2);
    assert.deepEqual(model.weekly.map((week) => week.runs), [2]);
    assert.equal(model.averageTotal, 35, 'a score run adopts nothing and is no rewrite');
    assert.deepEqual(model.timeToResultMs, { median: 20, p95: 4000 });
  });

  it('counts decisions by outcome, always in the same three rows', () => {
    const model = buildInsightsModel(data());
    assert.deepEqual(model.decisions, [
      { label: 'accepted', count: 2 },
      { label: 'partly accepted', count: 1 },
      { label: 'rejected', count: 1 },
    ]);
    assert.equal(model.acceptanceRate, 0.5, 'a partial decision without hunks counts as not kept');
    assert.deepEqual(buildInsightsModel(data({ feedback: [] })).decisions.map((d) => d.count), [0, 0, 0]);
  });

  it('averages each axis over the originals and over the rewrites', () => {
    const model = buildInsightsModel(data());
    assert.deepEqual(model.axes[0], { label: 'clarity', original: 3, rewrite: 6.33 });
    assert.deepEqual(model.axes.at(-1), { label: 'context use', original: 4, rewrite: 7.33 });
    const empty = buildInsightsModel(data({ prompts: [], versionCount: 0 }));
    assert.deepEqual(empty.axes[0], { label: 'clarity', original: null, rewrite: null });
  });

  it('keeps the strategies that were used or decided on, most applied first', () => {
    const model = buildInsightsModel(data());
    assert.deepEqual(model.strategies.map((s) => s.id), ['add-role', 'add-output-format', 'add-steps']);
    assert.deepEqual(model.strategies[0], { id: 'add-role', applied: 2, meanJudgeGain: 2, accepted: 3, rejected: 1 });
  });

  it('finds the patterns of high scorers among the rewrites only', () => {
    const model = buildInsightsModel(data());
    assert.equal(model.highScoreThreshold, 40);
    assert.deepEqual(model.topPatterns[0], { pattern: 'add-output-format', inHigh: 1, inRest: 0 });
    assert.equal(model.prompts, 2);
    assert.equal(model.versions, 6);
  });

  it('an empty store gives an empty model, not an error', () => {
    const model = buildInsightsModel({ prompts: [], versionCount: 0, metrics: [], feedback: [], strategies: [] });
    assert.equal(model.improveRuns, 0);
    assert.equal(model.averageTotal, null);
    assert.deepEqual(model.weekly, []);
    assert.equal(model.acceptanceRate, null);
    assert.deepEqual(model.topPatterns, []);
  });
});

describe('weeks of runs', () => {
  it('every day of a week, before and after 1970, belongs to its Monday', () => {
    for (let offset = 0; offset < 7; offset += 1) {
      assert.equal(weekOf(Date.UTC(2026, 10, 23 + offset, 23, 59)), '2026-11-23');
      assert.equal(weekOf(Date.UTC(1969, 11, 29 + offset)), '1969-12-29');
    }
    assert.equal(weekOf(Date.UTC(2026, 10, 30)), '2026-11-30');
  });
});

describe('the metric event of a Score run', () => {
  it('names the judge, its fallback reason and the time, and adopts nothing', () => {
    const card = judgePrompt('Write a short poem about the sea.');
    assert.deepEqual(judgeMetric(card, { id: 'heuristic@1', fallbackReason: 'timeout', fallbackDetail: 'no answer in 6 s' }, 6012.5), {
      kind: 'judge',
      engine: 'heuristic@1',
      timeToResultMs: 6012.5,
      adopted: false,
      total: card.total,
      fallbackReason: 'timeout',
    });
    assert.equal('fallbackReason' in judgeMetric(card, { id: 'llm:m' }, 10), false);
  });
});
