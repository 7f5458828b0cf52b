/** The scorecard before → after: one row per axis with a bar per side, the numbers and the change. */
import type { PanelAxisRow } from '../../shared/resultPanelProtocol';
import { delta, el } from './dom';

const AXIS_MAX = 10;

function bar(value: number | null, side: 'before' | 'after'): HTMLElement {
  const cell = el('td', undefined, `score ${side}`);
  const track = el('span', undefined, 'track');
  // The bar repeats the number beside it, so screen readers skip it.
  track.setAttribute('aria-hidden', 'true');
  const fill = el('span', undefined, 'fill');
  // CSSOM, not a style attribute: the CSP allows no inline styles.
  fill.style.width = `${((value ?? 0) / AXIS_MAX) * 100}%`;
  track.append(fill);
  cell.append(track, el('span', value === null ? '–' : String(value), 'value'));
  return cell;
}

/** The table; `beforeLabel` names the left column ("original", "v2"). */
export function scoreTable(rows: readonly PanelAxisRow[], beforeLabel: string): HTMLTableElement {
  const table = el('table', undefined, 'scores');
  const caption = el('caption', `Each axis 0–10, ${beforeLabel} → rewrite`);
  const head = el('tr');
  for (const [text, className] of [['Axis', 'axis'], [beforeLabel, 'before'], ['Rewrite', 'after'], ['Change', 'change']] as const) {
    const th = el('th', text, className);
    th.scope = 'col';
    head.append(th);
  }
  table.append(caption, el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const row of rows) {
    const tr = el('tr');
    const axis = el('th', row.label, 'axis');
    axis.scope = 'row';
    const change = delta(row.before, row.after);
    tr.append(axis, bar(row.before, 'before'), bar(row.after, 'after'), el('td', change, `change ${change.startsWith('+') ? 'up' : change.startsWith('−') ? 'down' : 'same'}`));
    table.tBodies[0]!.append(tr);
  }
  return table;
}
