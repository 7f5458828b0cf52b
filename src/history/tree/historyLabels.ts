/**
 * How the History view names things: a prompt's title from its first words, a version's source in one
 * word, relative times, and Markdown code fences that survive any text. Pure (no vscode), so the unit
 * tests check it in plain Node; the tree items translate the words they show.
 */
import type { VersionSource } from '../../core/history';

/** The highest judge total, for "41/50". */
export const MAX_TOTAL = 50;

/** Where a version came from, as the tree says it. */
export type SourceKind = 'original' | 'heuristic' | 'model';

// Short enough that the score and time beside it still show in a sidebar of the default width.
const TITLE_WORDS = 6;
const TITLE_CHARS = 40;

/**
 * The first words of a prompt's first line that says something (Markdown heading marks, list bullets and
 * quote marks dropped), at most 6 words and 40 characters, with "…" when cut.
 */
export function promptTitle(text: string): string {
  const lines = text.split(/\r?\n/).map((raw) => raw.replace(/^\s*(?:#{1,6}\s+|[-*+>]\s+|\d+[.)]\s+)*/, '').trim());
  const says = (line: string) => /[\p{L}\p{N}]/u.test(line);
  const index = lines.findIndex(says);
  if (index < 0) return text.trim();
  const words = lines[index]!.split(/\s+/).filter(Boolean);
  // A first sentence that fits reads better than six words that run into the next one.
  const sentenceEnd = words.findIndex((word, at) => at >= 2 && at < TITLE_WORDS && /[.?!:]$/.test(word));
  const kept = sentenceEnd >= 0 ? sentenceEnd + 1 : TITLE_WORDS;
  let title = words.slice(0, kept).join(' ');
  let cut = words.length > kept || lines.slice(index + 1).some(says);
  if (title.length > TITLE_CHARS) {
    title = title.slice(0, TITLE_CHARS).replace(/\s+\S*$/, '') || title.slice(0, TITLE_CHARS);
    cut = true;
  }
  return cut ? `${title.replace(/[\s.,;:!?-]+$/, '')}…` : title;
}

/** The kind of source behind a stored `source` string. */
export function sourceKind(source: VersionSource): SourceKind {
  if (source === 'original') return 'original';
  return source.startsWith('engine/llm:') ? 'model' : 'heuristic';
}

/** The model's name in an `engine/llm:<model>` source; undefined for other sources. */
export function modelName(source: VersionSource): string | undefined {
  return source.startsWith('engine/llm:') ? source.slice('engine/llm:'.length) : undefined;
}

/** "41/50", or undefined when there is no score. */
export function scoreText(total: number | null | undefined): string | undefined {
  return typeof total === 'number' ? `${Math.round(total * 10) / 10}/${MAX_TOTAL}` : undefined;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday", "now" in the given locale (falls back to English for an unknown one). */
export function relativeTime(then: number, now: number, locale = 'en'): string {
  let format: Intl.RelativeTimeFormat;
  try {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  }
  const elapsed = now - then;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(-Math.round(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** A fenced Markdown code block that holds `text` as is: the fence is longer than any backtick run in it. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** `text` cut to `max` characters at a line break where possible, with a note of what was left out. */
export function clip(text: string, max: number): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const cut = text.lastIndexOf('\n', max);
  return { text: text.slice(0, cut > max / 2 ? cut : max), clipped: true };
}

/** The file name at the end of a workspace-relative path (forward slashes), if there is one. */
export function baseName(path: string | undefined): string | undefined {
  const name = path?.split('/').filter(Boolean).at(-1);
  return name || undefined;
}
