/** The cards over time: judge total per week, win and rollback per week, time to result per week. */
import type { InsightsModel } from '../../shared/insightsProtocol';
import type { Card } from './card';
import { dataTable } from './dom';
import { formatMs, formatNumber, formatPercent, formatWeek } from './scale';
import { weekColumns, weekLines } from './weekCharts';

const runs = (n: number): string => `${n} run${n === 1 ? '' : 's'}`;

function judgeTotalCard(model: InsightsModel): Card {
  const weeks = model.weekly.map((w) => w.week);
  const values = model.weekly.map((w) => (w.runs ? w.averageTotal : null));
  const scored = values.filter((v): v is number => v !== null);
  const last = model.weekly.at(-1);
  const label = `Average judge total per week, out of 50: ${model.weekly.map((w) => `${formatWeek(w.week)} ${formatNumber(w.averageTotal)}`).join(', ')}.`;
  return {
    id: 'judge-total',
    title: 'Average judge total per week',
    note: `${formatNumber(model.averageTotal)}/50 over ${runs(model.improveRuns)}${last ? `; the week of ${formatWeek(last.week)}: ${formatNumber(last.averageTotal)}/50` : ''}.`,
    chart: (width) =>
      weekLines(width, weeks, [{ name: 'Average total', className: 's-total', values, title: (i) => `Week of ${formatWeek(weeks[i]!)}: ${formatNumber(values[i] ?? null)}/50 (${runs(model.weekly[i]!.runs)})` }], {
        label,
        format: (v) => String(v),
        min: Math.max(0, Math.floor(Math.min(...scored) - 2)),
        max: Math.min(50, Math.ceil(Math.max(...scored) + 2)),
        area: true,
      }),
    table: () => dataTable('Average judge total per week', ['Week of', 'Runs', 'Average total (of 50)'], model.weekly.map((w) => [w.week, String(w.runs), formatNumber(w.averageTotal)])),
    wide: true,
  };
}

function winRollbackCard(model: InsightsModel): Card {
  const weeks = model.weekly.map((w) => w.week);
  const title = (name: string, rate: (i: number) => number) => (i: number) => `Week of ${formatWeek(weeks[i]!)}: ${name} ${formatPercent(rate(i))} of ${runs(model.weekly[i]!.runs)}`;
  return {
    id: 'win-rollback',
    title: 'Win rate and rollback rate per week',
    note: `A win: the rewrite scored at least the best version and became it (${formatPercent(model.winRate)} of runs). A rollback: the best version stayed (${formatPercent(model.rollbackRate)}).`,
    legend: [
      { name: 'Win', className: 's-win' },
      { name: 'Rollback', className: 's-rollback' },
    ],
    chart: (width) =>
      weekColumns(
        width,
        weeks,
        [
          { name: 'Win', className: 's-win', values: model.weekly.map((w) => w.winRate), title: title('win', (i) => model.weekly[i]!.winRate) },
          { name: 'Rollback', className: 's-rollback', values: model.weekly.map((w) => w.rollbackRate), title: title('rollback', (i) => model.weekly[i]!.rollbackRate) },
        ],
        `Win rate per week: ${model.weekly.map((w) => `${formatWeek(w.week)} ${formatPercent(w.winRate)}`).join(', ')}. The rest of each week's runs were rollbacks.`,
      ),
    table: () => dataTable('Win and rollback rate per week', ['Week of', 'Runs', 'Win rate', 'Rollback rate'], model.weekly.map((w) => [w.week, String(w.runs), formatPercent(w.winRate), formatPercent(w.rollbackRate)])),
  };
}

function timeCard(model: InsightsModel): Card {
  const weeks = model.weekly.map((w) => w.week);
  const series = (name: string, className: string, pick: (i: number) => number) => ({
    name,
    className,
    values: model.weekly.map((_, i) => pick(i)),
    title: (i: number) => `Week of ${formatWeek(weeks[i]!)}: ${name} ${formatMs(pick(i))} (${runs(model.weekly[i]!.runs)})`,
  });
  return {
    id: 'time-to-result',
    title: 'Time to result',
    note: `Median ${formatMs(model.timeToResultMs.median)}, 95th percentile ${formatMs(model.timeToResultMs.p95)} from the command to the rewrite (log scale: model runs take seconds, the heuristic engine milliseconds).`,
    legend: [
      { name: 'Median', className: 's-median' },
      { name: '95th percentile', className: 's-p95' },
    ],
    chart: (width) =>
      weekLines(width, weeks, [series('p95', 's-p95', (i) => model.weekly[i]!.p95Ms), series('median', 's-median', (i) => model.weekly[i]!.medianMs)], {
        label: `Time to result per week, median and 95th percentile: ${model.weekly.map((w) => `${formatWeek(w.week)} ${formatMs(w.medianMs)} and ${formatMs(w.p95Ms)}`).join(', ')}.`,
        format: formatMs,
        log: true,
      }),
    table: () => dataTable('Time to result per week', ['Week of', 'Runs', 'Median', '95th percentile'], model.weekly.map((w) => [w.week, String(w.runs), formatMs(w.medianMs), formatMs(w.p95Ms)])),
  };
}

/** The three cards over weeks (none when no run has been recorded). */
export function weekCards(model: InsightsModel): Card[] {
  return model.weekly.length ? [judgeTotalCard(model), winRollbackCard(model), timeCard(model)] : [];
}
