import { strict as assert } from 'node:assert';
import { csvField, metricRows, metricsCsv, metricsJson } from '../../../src/insights/metricsExport';
import type { InsightsModel } from '../../../src/shared/insightsProtocol';

const model: InsightsModel = {
  prompts: 2,
  versions: 5,
  improveRuns: 3,
  averageTotal: 31.5,
  weekly: [{ week: '2026-11-23', runs: 3, averageTotal: 31.5, winRate: 0.667, rollbackRate: 0.333, medianMs: 40, p95Ms: 4000 }],
  winRate: 0.667,
  rollbackRate: 0.333,
  timeToResultMs: { median: 40, p95: 4000 },
  engines: [
    { engine: 'heuristic@1', model: false, runs: 2 },
    { engine: 'llm:=HYPERLINK("http://x","y")', model: true, runs: 1 },
  ],
  fallbacks: [{ label: 'timeout', count: 1 }],
  acceptanceRate: null,
  decisions: [{ label: 'partly accepted', count: 0 }],
  axes: [{ label: 'context use', original: 3.5, rewrite: null }],
  strategies: [{ id: 'add-role', applied: 2, meanJudgeGain: -0.5, accepted: 1, rejected: 0 }],
  highScoreThreshold: 40,
  topPatterns: [{ pattern: 'rendering:xml', inHigh: 1, inRest: 0.25 }],
};

/** A small RFC 4180 reader, enough to read back what metricsCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (quoted && char === '"') quoted = false;
    else if (quoted) field += char;
    else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 1;
    } else field += char;
  }
  return rows;
}

describe('insights export', () => {
  it('writes one row per figure under a header, every row four fields', () => {
    const rows = parseCsv(metricsCsv(model));
    assert.deepEqual(rows[0], ['section', 'key', 'metric', 'value']);
    assert.equal(rows.length, metricRows(model).length + 1);
    assert.ok(rows.every((r) => r.length === 4));
    assert.deepEqual(rows.find((r) => r[0] === 'weekly' && r[2] === 'p95Ms'), ['weekly', '2026-11-23', 'p95Ms', '4000']);
    assert.deepEqual(rows.find((r) => r[0] === 'strategy' && r[2] === 'meanJudgeGain'), ['strategy', 'add-role', 'meanJudgeGain', '-0.5'], 'negative numbers stay numbers');
    assert.deepEqual(rows.find((r) => r[2] === 'acceptanceRate'), ['summary', '', 'acceptanceRate', ''], 'no value yet is an empty field');
    assert.deepEqual(rows.find((r) => r[0] === 'axis' && r[2] === 'rewrite'), ['axis', 'context use', 'rewrite', '']);
  });

  it('quotes commas, quotes and line breaks, and keeps formulas from running in a spreadsheet', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField(-3), '-3');
    assert.equal(csvField(Number.NaN), '');
    const engine = parseCsv(metricsCsv(model)).find((r) => r[0] === 'engine' && r[2] === 'modelRuns');
    assert.deepEqual(engine, ['engine', 'llm:=HYPERLINK("http://x","y")', 'modelRuns', '1'], 'only a leading formula character is guarded');
  });

  it('writes JSON with the store, the time and every figure', () => {
    const parsed = JSON.parse(metricsJson(model, { store: 'folder', location: '/w/folder/.prompter', exportedAt: Date.UTC(2026, 10, 30) })) as Record<string, unknown>;
    assert.equal(parsed.store, 'folder');
    assert.equal(parsed.exportedAt, '2026-11-30T00:00:00.000Z');
    assert.deepEqual(parsed.weekly, model.weekly);
    assert.deepEqual(parsed.strategies, model.strategies);
  });
});
