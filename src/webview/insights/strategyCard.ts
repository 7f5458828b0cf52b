/**
 * Per-strategy statistics as a table whose cells carry small bars: how often each strategy was applied,
 * the judge points it brought, and the share of its hunks people kept. The table is the chart, so it
 * reads the same for screen readers.
 */
import type { InsightsModel, InsightsStrategy } from '../../shared/insightsProtocol';
import type { Card } from './card';
import { el } from './dom';
import { formatNumber, formatPercent } from './scale';

/** A cell with a bar `fraction` (0–1) wide behind its text. */
function barCell(text: string, fraction: number, className: string): HTMLTableCellElement {
  const cell = el('td');
  const track = el('span', undefined, 'bar-track');
  const bar = el('span', undefined, `cell-bar ${className}`);
  // At most 90% of the cell, so the longest bar does not run into the next column.
  bar.style.width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 900) / 10}%`;
  bar.setAttribute('aria-hidden', 'true');
  track.append(bar, el('span', text, 'cell-text'));
  cell.append(track);
  return cell;
}

/** Kept vs turned down as one split bar: green for kept, red for turned down. */
function decisionCell(row: InsightsStrategy): HTMLTableCellElement {
  const decided = row.accepted + row.rejected;
  const cell = el('td', undefined, 'split-cell');
  const split = el('span', undefined, 'split');
  split.setAttribute('aria-hidden', 'true');
  if (decided) {
    const kept = el('span', undefined, 's-win');
    kept.style.flexGrow = String(row.accepted);
    const dropped = el('span', undefined, 's-rollback');
    dropped.style.flexGrow = String(row.rejected);
    split.append(kept, dropped);
  }
  cell.append(split, el('span', decided ? `${row.accepted} kept · ${row.rejected} turned down (${formatPercent(row.accepted / decided)})` : 'no decisions yet', 'cell-text'));
  return cell;
}

function strategyTable(model: InsightsModel): HTMLTableElement {
  const table = el('table', undefined, 'data strategies');
  // The card's note says it for sighted readers; the caption names the table for screen readers.
  table.append(el('caption', 'Per-strategy statistics: rewrites it was in, mean judge gain per rewrite (points of 50), hunks kept and turned down', 'visually-hidden'));
  const head = el('tr');
  for (const name of ['Strategy', 'Applied', 'Judge gain', 'Kept / turned down']) head.append(Object.assign(el('th', name), { scope: 'col' }));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  const maxApplied = Math.max(1, ...model.strategies.map((s) => s.applied));
  const maxGain = Math.max(0.1, ...model.strategies.map((s) => Math.abs(s.meanJudgeGain ?? 0)));
  for (const row of model.strategies) {
    const tr = el('tr');
    tr.append(Object.assign(el('th', row.id), { scope: 'row' }), barCell(String(row.applied), row.applied / maxApplied, 's-heuristic'));
    const gain = row.meanJudgeGain;
    tr.append(gain === null ? el('td', '–') : barCell(`${gain >= 0 ? '+' : ''}${formatNumber(gain)}`, Math.abs(gain) / maxGain, gain >= 0 ? 's-rewrite' : 's-rollback'), decisionCell(row));
    table.tBodies[0]!.append(tr);
  }
  return table;
}

/** The strategies card (wide). */
export function strategyCard(model: InsightsModel): Card {
  const used = model.strategies.length;
  return {
    id: 'strategies',
    title: 'Strategies',
    note: used ? `What the judge and the people of this workspace said about each of the ${used} strategies used so far; the learning loop uses the same counts to choose.` : 'No strategy has been applied yet.',
    body: () => (used ? strategyTable(model) : el('p', '')),
    wide: true,
  };
}
