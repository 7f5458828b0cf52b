/**
 * The arithmetic of the charts: scales from data to pixels, round tick values, and how figures read.
 * Pure (no DOM), so it is unit-tested in Node.
 */

/** Maps a value of the domain to a pixel of the range. */
export type Scale = (value: number) => number;

/** A linear scale; a zero-width domain maps everything to the range's start. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** A base-10 log scale (values ≤ 0 are clamped to the domain's start). */
export function logScale([d0, d1]: readonly [number, number], range: readonly [number, number]): Scale {
  const linear = linearScale([Math.log10(d0), Math.log10(d1)], range);
  return (value) => linear(Math.log10(Math.max(d0, value)));
}

/** A step of 1, 2 or 5 × 10^k that splits `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Round tick values covering [min, max], about `count` of them; the domain is the first and last tick. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min, min + 1];
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step) * step;
  const last = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = first; value <= last + step / 2; value += step) ticks.push(Math.round(value / step) * step);
  return ticks;
}

/** Powers of ten covering [min, max] (min > 0), with 2× and 5× between them when there are only a few. */
export function logTicks(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(Math.max(min, 1e-9)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(max, 1e-9))));
  const ticks: number[] = [];
  for (let power = low; power <= high; power += 1) {
    const base = 10 ** power;
    ticks.push(base);
    if (high - low <= 2 && power < high) ticks.push(2 * base, 5 * base);
  }
  return ticks;
}

/** "62%" (0–1 in). */
export function formatPercent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** "850 ms", "1.2 s", "14 s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds)} s`;
}

/** "34.2" (one decimal at most). */
export function formatNumber(value: number | null): string {
  return value === null ? '–' : String(Math.round(value * 10) / 10);
}

// Building an Intl formatter costs far more than using one: one per locale, reused.
const weekFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov 23" for the week starting `YYYY-MM-DD` (UTC). */
export function formatWeek(week: string, locale?: string): string {
  const key = locale ?? '';
  let format = weekFormats.get(key);
  if (!format) weekFormats.set(key, (format = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(`${week}T00:00:00Z`));
}

/** Indexes of the labels to print along an axis of `count` slots `width` px wide, so none overlap. */
export function labelEvery(count: number, width: number, labelWidth: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil((count * labelWidth) / Math.max(1, width)));
  const shown: number[] = [];
  // Count back from the last slot: the latest week is the one people look for.
  for (let index = count - 1; index >= 0; index -= step) shown.unshift(index);
  return shown;
}

/** `text` cut to about `chars` characters with an ellipsis (SVG text does not wrap or clip by itself). */
export function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}
