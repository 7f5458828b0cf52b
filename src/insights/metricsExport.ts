/**
 * The dashboard's metrics as files: JSON (the model as is, with where and when it was taken) and CSV in
 * long form — one figure per row as `section,key,metric,value` — so every table of the dashboard fits one
 * sheet and a pivot table rebuilds any of them. Pure.
 */
import type { InsightsModel } from '../shared/insightsProtocol';

/** Which store the figures are from, and when they were exported. */
export interface ExportMeta {
  store: string;
  location: string;
  exportedAt: number;
}

type Cell = string | number | null;

/** `value` as a CSV field: quoted when needed, and text a spreadsheet would run as a formula made inert. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // NOTE: engine ids and strategy ids come from the store, which any process can write: "=HYPERLINK(…)"
  // must stay text in Excel or Sheets, so a leading formula character gets a quote mark (OWASP's advice).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every figure of the model as `[section, key, metric, value]` rows. */
export function metricRows(model: InsightsModel): Cell[][] {
  const rows: Cell[][] = [
    ['summary', '', 'prompts', model.prompts],
    ['summary', '', 'versions', model.versions],
    ['summary', '', 'improveRuns', model.improveRuns],
    ['summary', '', 'averageTotal', model.averageTotal],
    ['summary', '', 'winRate', model.winRate],
    ['summary', '', 'rollbackRate', model.rollbackRate],
    ['summary', '', 'timeToResultMedianMs', model.timeToResultMs.median],
    ['summary', '', 'timeToResultP95Ms', model.timeToResultMs.p95],
    ['summary', '', 'acceptanceRate', model.acceptanceRate],
    ['summary', '', 'highScoreThreshold', model.highScoreThreshold],
  ];
  for (const w of model.weekly) {
    rows.push(...(['runs', 'averageTotal', 'winRate', 'rollbackRate', 'medianMs', 'p95Ms'] as const).map((metric) => ['weekly', w.week, metric, w[metric]]));
  }
  for (const e of model.engines) rows.push(['engine', e.engine, e.model ? 'modelRuns' : 'heuristicRuns', e.runs]);
  for (const f of model.fallbacks) rows.push(['fallback', f.label, 'runs', f.count]);
  for (const d of model.decisions) rows.push(['decision', d.label, 'count', d.count]);
  for (const a of model.axes) rows.push(['axis', a.label, 'original', a.original], ['axis', a.label, 'rewrite', a.rewrite]);
  for (const s of model.strategies) {
    rows.push(...(['applied', 'meanJudgeGain', 'accepted', 'rejected'] as const).map((metric) => ['strategy', s.id, metric, s[metric]]));
  }
  for (const p of model.topPatterns) rows.push(['pattern', p.pattern, 'inHigh', p.inHigh], ['pattern', p.pattern, 'inRest', p.inRest]);
  return rows;
}

/** The model as CSV (header row, CRLF line ends as RFC 4180 has them). */
export function metricsCsv(model: InsightsModel): string {
  return `${[['section', 'key', 'metric', 'value'], ...metricRows(model)].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The model as pretty-printed JSON, with the store and the export time. */
export function metricsJson(model: InsightsModel, meta: ExportMeta): string {
  return `${JSON.stringify({ store: meta.store, location: meta.location, exportedAt: new Date(meta.exportedAt).toISOString(), ...model }, null, 2)}\n`;
}
