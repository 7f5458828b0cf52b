/** Horizontal charts: bars per label (one or several per row) and dumbbells (two shares per label). */
import { chartRoot, svg, withTitle } from './dom';
import { clip, linearScale } from './scale';

/** One bar of a row. */
export interface Bar {
  value: number;
  className: string;
  /** Printed after the bar. */
  text: string;
  title: string;
}

/** A row: its label and its bars (drawn one under the other). */
export interface BarRow {
  label: string;
  bars: readonly Bar[];
}

/** One dumbbell: where a label stands in two groups (shares of 0–1). */
export interface Dumbbell {
  label: string;
  high: number;
  rest: number;
  title: string;
}

const BAR = 14;
const GAP = 4;
const ROW_GAP = 10;
const VALUE_ROOM = 64;
// "100% vs 100%" needs more room than a count.
const DUMBBELL_VALUE_ROOM = 96;

/** The label column's width: about 40% of the chart, within readable bounds. */
const labelWidth = (width: number): number => Math.min(190, Math.max(96, width * 0.36));

function rowLabel(text: string, y: number, room: number): SVGTextElement {
  const label = svg('text', { x: room - 8, y, 'text-anchor': 'end', class: 'label' }, clip(text, Math.floor(room / 7)));
  if (text.length > room / 7) label.append(svg('title', {}, text));
  return label;
}

/** Bars from 0 to `max`; each row's bars are stacked vertically under its label. */
export function barRows(width: number, rows: readonly BarRow[], options: { label: string; max: number }): SVGSVGElement {
  const room = labelWidth(width);
  const rowHeight = (row: BarRow) => row.bars.length * (BAR + GAP) - GAP + ROW_GAP;
  const height = rows.reduce((sum, row) => sum + rowHeight(row), 0) + 4;
  const root = chartRoot(width, height, options.label);
  const x = linearScale([0, Math.max(options.max, 1e-9)], [room, width - VALUE_ROOM]);
  let top = 2;
  for (const row of rows) {
    const middle = top + (row.bars.length * (BAR + GAP) - GAP) / 2;
    root.append(rowLabel(row.label, middle + 4, room));
    row.bars.forEach((bar, index) => {
      const y = top + index * (BAR + GAP);
      const length = Math.max(bar.value > 0 ? 2 : 0, x(bar.value) - room);
      root.append(
        withTitle(svg('rect', { x: room, y, width: length, height: BAR, rx: 2, class: `bar ${bar.className}` }), bar.title),
        svg('text', { x: room + length + 6, y: y + BAR - 3, class: 'value', 'aria-hidden': 'true' }, bar.text),
      );
    });
    top += rowHeight(row);
  }
  return root;
}

/** Each label's share among high scorers (filled dot) against the rest (open dot), 0–100%. */
export function dumbbells(width: number, rows: readonly Dumbbell[], label: string): SVGSVGElement {
  const room = labelWidth(width);
  const rowHeight = 26;
  const height = rows.length * rowHeight + 22;
  const root = chartRoot(width, height, label);
  const x = linearScale([0, 1], [room, width - DUMBBELL_VALUE_ROOM]);
  const axis = svg('g', { class: 'axis x', 'aria-hidden': 'true' });
  for (const tick of [0, 0.5, 1]) {
    axis.append(svg('line', { x1: x(tick), x2: x(tick), y1: 0, y2: height - 18, class: 'grid' }), svg('text', { x: x(tick), y: height - 4, 'text-anchor': 'middle' }, `${tick * 100}%`));
  }
  root.append(axis);
  rows.forEach((row, index) => {
    const y = index * rowHeight + rowHeight / 2;
    const group = withTitle(svg('g', { class: 'dumbbell' }), row.title);
    group.append(
      rowLabel(row.label, y + 4, room),
      svg('line', { x1: x(row.rest), x2: x(row.high), y1: y, y2: y, class: 'link' }),
      svg('circle', { cx: x(row.rest), cy: y, r: 5, class: 'rest' }),
      svg('circle', { cx: x(row.high), cy: y, r: 6, class: 'high' }),
      svg('text', { x: width - DUMBBELL_VALUE_ROOM + 14, y: y + 4, class: 'value' }, `${Math.round(row.high * 100)}% vs ${Math.round(row.rest * 100)}%`),
    );
    root.append(group);
  });
  return root;
}
