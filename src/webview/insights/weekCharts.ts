/** Charts over weeks: lines (judge total, time to result) and stacked columns (win and rollback). */
import { chartRoot, svg, withTitle } from './dom';
import type { Scale } from './scale';
import { formatWeek, labelEvery, linearScale, logScale, logTicks, niceTicks } from './scale';

/** One line: a value per week (null where the week has none) and the CSS class that colours it. */
export interface WeekSeries {
  name: string;
  className: string;
  values: readonly (number | null)[];
  /** "Week of Nov 23: 34.2/50 (41 runs)" for the point of week `index`. */
  title: (index: number) => string;
}

/** A stacked part of each week's column: shares of 0–1. */
export interface WeekStack {
  name: string;
  className: string;
  values: readonly number[];
  title: (index: number) => string;
}

const HEIGHT = 210;
const MARGIN = { top: 12, right: 14, bottom: 26, left: 46 };
const LABEL_WIDTH = 52;

/** Horizontal grid lines with their values on the left. */
function yAxis(root: SVGSVGElement, ticks: readonly number[], y: Scale, width: number, format: (value: number) => string): void {
  const group = svg('g', { class: 'axis y', 'aria-hidden': 'true' });
  for (const tick of ticks) {
    const at = y(tick);
    group.append(svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: at, y2: at, class: 'grid' }), svg('text', { x: MARGIN.left - 6, y: at + 4, 'text-anchor': 'end' }, format(tick)));
  }
  root.append(group);
}

/** Week labels under the plot, thinned so they never overlap. */
function xAxis(root: SVGSVGElement, weeks: readonly string[], x: (index: number) => number, plotWidth: number): void {
  const group = svg('g', { class: 'axis x', 'aria-hidden': 'true' });
  for (const index of labelEvery(weeks.length, plotWidth, LABEL_WIDTH)) {
    group.append(svg('text', { x: x(index), y: HEIGHT - 8, 'text-anchor': 'middle' }, formatWeek(weeks[index]!)));
  }
  root.append(group);
}

/** Points x positions: evenly spread, centred in their slot. */
function slots(count: number, width: number): { x: (index: number) => number; slot: number } {
  const plot = width - MARGIN.left - MARGIN.right;
  const slot = plot / Math.max(1, count);
  return { x: (index) => MARGIN.left + slot * (index + 0.5), slot };
}

/** Lines over weeks; `log` draws a log scale (for times, whose p95 can be 100× the median). */
export function weekLines(width: number, weeks: readonly string[], series: readonly WeekSeries[], options: { label: string; format: (value: number) => string; log?: boolean; min?: number; max?: number; area?: boolean }): SVGSVGElement {
  const root = chartRoot(width, HEIGHT, options.label);
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const low = options.min ?? Math.min(...values);
  const high = options.max ?? Math.max(...values);
  const ticks = options.log ? logTicks(Math.max(1, low), Math.max(1, high)) : niceTicks(low, high, 4);
  const domain: [number, number] = [ticks[0]!, ticks[ticks.length - 1]!];
  const range: [number, number] = [HEIGHT - MARGIN.bottom, MARGIN.top];
  const y = options.log ? logScale(domain, range) : linearScale(domain, range);
  const { x } = slots(weeks.length, width);
  yAxis(root, ticks, y, width, options.format);
  xAxis(root, weeks, x, width - MARGIN.left - MARGIN.right);
  for (const line of series) {
    const points = line.values.flatMap((value, index) => (value === null ? [] : [[x(index), y(value), index] as const]));
    const path = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`).join('');
    if (options.area && points.length > 1) {
      const base = y(domain[0]);
      root.append(svg('path', { d: `${path}L${points.at(-1)![0].toFixed(1)} ${base}L${points[0]![0].toFixed(1)} ${base}Z`, class: `area ${line.className}`, 'aria-hidden': 'true' }));
    }
    root.append(svg('path', { d: path, class: `line ${line.className}`, 'aria-hidden': 'true' }));
    const dots = svg('g', { class: `dots ${line.className}` });
    for (const [px, py, index] of points) dots.append(withTitle(svg('circle', { cx: px, cy: py, r: weeks.length > 40 ? 2 : 3.5 }), line.title(index)));
    root.append(dots);
  }
  return root;
}

/** One column per week, its stacks on top of each other (shares of 0–1, so columns are 100% high). */
export function weekColumns(width: number, weeks: readonly string[], stacks: readonly WeekStack[], label: string): SVGSVGElement {
  const root = chartRoot(width, HEIGHT, label);
  const y = linearScale([0, 1], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const { x, slot } = slots(weeks.length, width);
  const barWidth = Math.max(2, Math.min(28, slot * 0.7));
  yAxis(root, [0, 0.25, 0.5, 0.75, 1], y, width, (value) => `${Math.round(value * 100)}%`);
  xAxis(root, weeks, x, width - MARGIN.left - MARGIN.right);
  weeks.forEach((_, index) => {
    let base = 0;
    for (const stack of stacks) {
      const share = stack.values[index] ?? 0;
      if (share > 0) {
        const top = y(base + share);
        root.append(withTitle(svg('rect', { x: x(index) - barWidth / 2, y: top, width: barWidth, height: y(base) - top, class: `bar ${stack.className}` }), stack.title(index)));
      }
      base += share;
    }
  });
  return root;
}
