/** The breakdown cards: engines and fallbacks, decisions on inline diffs, axes, top patterns. */
import type { InsightsModel } from '../../shared/insightsProtocol';
import type { BarRow } from './barCharts';
import { barRows, dumbbells } from './barCharts';
import type { Card } from './card';
import { dataTable, el } from './dom';
import { formatNumber, formatPercent } from './scale';

const share = (part: number, whole: number): string => (whole ? formatPercent(part / whole) : '–');

function enginesCard(model: InsightsModel): Card {
  const total = model.engines.reduce((sum, e) => sum + e.runs, 0);
  const modelRuns = model.engines.filter((e) => e.model).reduce((sum, e) => sum + e.runs, 0);
  const fallbacks = model.fallbacks.reduce((sum, f) => sum + f.count, 0);
  const engineRows: BarRow[] = model.engines.map((e) => ({
    label: e.model ? e.engine.replace(/^llm:/, '') : e.engine,
    bars: [{ value: e.runs, className: e.model ? 's-model' : 's-heuristic', text: `${e.runs} · ${share(e.runs, total)}`, title: `${e.engine}: ${e.runs} of ${total} runs (${share(e.runs, total)})` }],
  }));
  const fallbackRows: BarRow[] = model.fallbacks.map((f) => ({
    label: f.label,
    bars: [{ value: f.count, className: 's-fallback', text: String(f.count), title: `Fell back to the heuristic engine because of ${f.label}: ${f.count} runs` }],
  }));
  const max = Math.max(1, ...model.engines.map((e) => e.runs));
  return {
    id: 'engines',
    title: 'Heuristic vs model',
    note: `${share(modelRuns, total)} of ${total} runs (improve and score) used a language model; ${fallbacks} model run${fallbacks === 1 ? '' : 's'} fell back to the heuristic engine.`,
    legend: [
      { name: 'Heuristic engine', className: 's-heuristic' },
      { name: 'Language model', className: 's-model' },
      ...(fallbackRows.length ? [{ name: 'Fallback', className: 's-fallback' }] : []),
    ],
    chart: (width) => {
      const box = el('div');
      box.append(barRows(width, engineRows, { label: `Runs by engine: ${model.engines.map((e) => `${e.engine} ${e.runs}`).join(', ')}.`, max }));
      if (fallbackRows.length) {
        box.append(
          el('h3', 'Model fallbacks by reason'),
          barRows(width, fallbackRows, { label: `Model fallbacks by reason: ${model.fallbacks.map((f) => `${f.label} ${f.count}`).join(', ')}.`, max: Math.max(...model.fallbacks.map((f) => f.count)) }),
        );
      }
      return box;
    },
    table: () =>
      dataTable('Runs by engine and model fallbacks', ['Engine or fallback reason', 'Runs', 'Share'], [
        ...model.engines.map((e) => [e.engine, String(e.runs), share(e.runs, total)]),
        ...model.fallbacks.map((f) => [`fallback: ${f.label}`, String(f.count), share(f.count, total)]),
      ]),
  };
}

function acceptanceCard(model: InsightsModel): Card {
  const decided = model.decisions.reduce((sum, d) => sum + d.count, 0);
  const classes: Record<string, string> = { accepted: 's-win', 'partly accepted': 's-partial', rejected: 's-rollback' };
  const rows: BarRow[] = model.decisions.map((d) => ({
    label: d.label,
    bars: [{ value: d.count, className: classes[d.label] ?? 's-partial', text: `${d.count} · ${share(d.count, decided)}`, title: `${d.label}: ${d.count} of ${decided} decisions (${share(d.count, decided)})` }],
  }));
  return {
    id: 'acceptance',
    title: 'Acceptance of inline diffs',
    note: decided ? `Of the changes people decided on in the editor, ${formatPercent(model.acceptanceRate)} were kept (per hunk; a decision on the whole diff counts once).` : 'No decisions yet: accept or reject the changes of an inline diff and they show up here.',
    body: () => {
      const figure = el('p', undefined, 'big-figure');
      figure.append(el('strong', formatPercent(model.acceptanceRate)), document.createTextNode(` of hunks kept · ${decided} decision${decided === 1 ? '' : 's'}`));
      return figure;
    },
    ...(decided
      ? {
          chart: (width: number) => barRows(width, rows, { label: `Decisions on inline diffs: ${model.decisions.map((d) => `${d.label} ${d.count}`).join(', ')}.`, max: Math.max(...model.decisions.map((d) => d.count)) }),
          table: () => dataTable('Decisions on inline diffs', ['Decision', 'Count', 'Share'], model.decisions.map((d) => [d.label, String(d.count), share(d.count, decided)])),
        }
      : {}),
  };
}

function axesCard(model: InsightsModel): Card {
  const rows: BarRow[] = model.axes.map((a) => ({
    label: a.label,
    bars: [
      { value: a.original ?? 0, className: 's-original', text: formatNumber(a.original), title: `${a.label}, originals: ${formatNumber(a.original)}/10` },
      { value: a.rewrite ?? 0, className: 's-rewrite', text: formatNumber(a.rewrite), title: `${a.label}, rewrites: ${formatNumber(a.rewrite)}/10` },
    ],
  }));
  const gains = model.axes.filter((a) => a.original !== null && a.rewrite !== null).map((a) => ({ label: a.label, gain: a.rewrite! - a.original! }));
  const most = gains.sort((a, b) => b.gain - a.gain)[0];
  return {
    id: 'axes',
    title: 'Average score per axis',
    note: most ? `Originals (v0) against rewrites, each axis out of 10; rewrites gain most on ${most.label} (+${formatNumber(most.gain)}).` : 'Originals (v0) against rewrites, each axis out of 10.',
    legend: [
      { name: 'Originals', className: 's-original' },
      { name: 'Rewrites', className: 's-rewrite' },
    ],
    chart: (width) => barRows(width, rows, { label: `Average score per axis, originals then rewrites: ${model.axes.map((a) => `${a.label} ${formatNumber(a.original)} → ${formatNumber(a.rewrite)}`).join(', ')}.`, max: 10 }),
    table: () => dataTable('Average score per axis (of 10)', ['Axis', 'Originals', 'Rewrites'], model.axes.map((a) => [a.label, formatNumber(a.original), formatNumber(a.rewrite)])),
  };
}

function patternsCard(model: InsightsModel): Card {
  const rows = model.topPatterns.map((p) => ({ label: p.pattern, high: p.inHigh, rest: p.inRest, title: `${p.pattern}: in ${formatPercent(p.inHigh)} of high scorers, ${formatPercent(p.inRest)} of the rest` }));
  return {
    id: 'patterns',
    title: 'Top patterns in high scorers',
    note: rows.length ? `Strategies and renderings found more often in versions scoring ${formatNumber(model.highScoreThreshold)}/50 or more (the top quarter) than in the rest.` : 'Patterns appear once some rewrites have been scored.',
    legend: [
      { name: 'High scorers', className: 's-high' },
      { name: 'The rest', className: 's-rest', ring: true },
    ],
    ...(rows.length
      ? {
          chart: (width: number) => dumbbells(width, rows, `Top patterns, share among high scorers vs the rest: ${rows.map((r) => `${r.label} ${formatPercent(r.high)} vs ${formatPercent(r.rest)}`).join(', ')}.`),
          table: () => dataTable(`Top patterns in versions scoring ≥ ${formatNumber(model.highScoreThreshold)}/50`, ['Pattern', 'High scorers', 'The rest'], rows.map((r) => [r.label, formatPercent(r.high), formatPercent(r.rest)])),
        }
      : {}),
  };
}

/** The breakdown cards. */
export function breakdownCards(model: InsightsModel): Card[] {
  return [enginesCard(model), acceptanceCard(model), axesCard(model), patternsCard(model)];
}
