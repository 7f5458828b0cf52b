/**
 * Diff hunks between the original and the rewrite, computed with the `diff` library and tied to the
 * strategies whose lines each hunk adds. Hunks carry no context lines, so each one is a self-contained
 * change that can be accepted or rejected on its own.
 */
import { structuredPatch } from 'diff';
import type { DiffHunk, StrategyId } from '../types';
import type { RenderedLine } from './render';

const NO_NEWLINE_MARKER = '\\';

// NOTE: both sides are diffed with a final newline, so a missing newline at the end never becomes a hunk
// of its own; a rewrite keeps the original's ending (see applyHunks).
const withFinalNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

/** Lines of the original (0-based indexes) a rewrite changed or removed on purpose, and who did it. */
export interface RewrittenLines {
  lines: ReadonlySet<number>;
  strategy: StrategyId;
}

/**
 * Line hunks from `before` to `after` (no context), ids `h0`, `h1`, … in document order. `provenance`
 * names the strategy of each line of `after`; `rewritten` the one that changed or removed lines of
 * `before` (a restyle drops closing tags, which leaves nothing on the new side to name it).
 */
export function diffHunks(before: string, after: string, provenance?: readonly RenderedLine[], rewritten?: RewrittenLines): DiffHunk[] {
  const patch = structuredPatch('original', 'rewrite', withFinalNewline(before), withFinalNewline(after), undefined, undefined, { context: 0 });
  const lineAt = (newLine: number): RenderedLine | undefined => provenance?.[newLine - 1];
  const hunks = patch.hunks.flatMap((hunk) => {
    const lines = hunk.lines.filter((line) => !line.startsWith(NO_NEWLINE_MARKER));
    if (hunk.oldLines === 0 && provenance) return splitInsertion(hunk.oldStart, hunk.newStart, lines, lineAt);
    // New sections right after a changed line (a restyled heading, a removed closing tag) come in the same
    // hunk; they are split off so that each can still be accepted on its own.
    const tail = provenance ? insertedSections(lines, hunk.newStart + hunk.newLines, lineAt) : 0;
    const newLines = hunk.newLines - tail;
    const strategies = strategiesOf(hunk.newStart, newLines, lineAt);
    if (rewritten && !strategies.includes(rewritten.strategy) && touches(rewritten.lines, hunk.oldStart - 1, hunk.oldLines)) strategies.push(rewritten.strategy);
    const changed = { ...hunk, newLines, lines: lines.slice(0, lines.length - tail), strategies };
    if (tail === 0) return [changed];
    return [changed, ...splitInsertion(hunk.oldStart + hunk.oldLines - 1, hunk.newStart + newLines, lines.slice(lines.length - tail), lineAt)];
  });
  return hunks.map((hunk, index) => ({ id: `h${index}`, ...hunk }));
}

function touches(lines: ReadonlySet<number>, from: number, count: number): boolean {
  for (let line = from; line < from + count; line += 1) if (lines.has(line)) return true;
  return false;
}

/** How many of a hunk's last lines are added lines that belong to a new section (`end` is one past its last new line). */
function insertedSections(lines: readonly string[], end: number, lineAt: LineAt): number {
  let count = 0;
  while (count < lines.length && lines[lines.length - 1 - count]!.startsWith('+') && lineAt(end - 1 - count)?.section !== undefined) count += 1;
  return count;
}

type LineAt = (newLine: number) => RenderedLine | undefined;

// With no context, a hunk's added lines are exactly new lines newStart … newStart + newLines - 1.
function strategiesOf(newStart: number, newLines: number, lineAt: LineAt): StrategyId[] {
  const strategies = new Set<StrategyId>();
  for (let line = newStart; line < newStart + newLines; line += 1) {
    const strategy = lineAt(line)?.strategy;
    if (strategy) strategies.add(strategy);
  }
  return [...strategies];
}

/**
 * Splits a pure insertion into one hunk per section (heading, body and separator together), so each
 * added part can be accepted or rejected on its own and an accepted part is always well-formed.
 */
function splitInsertion(oldStart: number, newStart: number, lines: string[], lineAt: LineAt): Omit<DiffHunk, 'id'>[] {
  const parts: (Omit<DiffHunk, 'id'> & { section?: string })[] = [];
  lines.forEach((line, offset) => {
    const rendered = lineAt(newStart + offset);
    const last = parts.at(-1);
    if (last && last.section === rendered?.section) {
      last.lines.push(line);
      last.newLines += 1;
    } else {
      parts.push({ oldStart, oldLines: 0, newStart: newStart + offset, newLines: 1, lines: [line], strategies: [], section: rendered?.section });
    }
  });
  return parts.map(({ section: _section, ...part }) => ({ ...part, strategies: strategiesOf(part.newStart, part.newLines, lineAt) }));
}

/**
 * Applies a chosen subset of hunks to `before`, producing exactly the accepted changes. Hunks must come
 * from `diffHunks(before, …)`; rejected hunks leave the original lines in place.
 */
export function applyHunks(before: string, hunks: readonly DiffHunk[], accepted: ReadonlySet<string>): string {
  const lines = withFinalNewline(before).split('\n');
  const result: string[] = [];
  let next = 0; // index into `lines` of the first line not yet copied
  hunkStarts(hunks).forEach((start, index) => {
    const hunk = hunks[index]!;
    result.push(...lines.slice(next, start));
    if (accepted.has(hunk.id)) {
      result.push(...hunk.lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1)));
    } else {
      result.push(...lines.slice(start, start + hunk.oldLines));
    }
    next = start + hunk.oldLines;
  });
  result.push(...lines.slice(next));
  const joined = result.join('\n');
  return before.endsWith('\n') ? joined : joined.slice(0, -1);
}

/**
 * The 0-based line of the old text where each hunk starts. jsdiff's oldStart for a pure insertion
 * points near, not at, the gap; newStart minus the lines added by the hunks before it is exact.
 */
export function hunkStarts(hunks: readonly DiffHunk[]): number[] {
  let shift = 0; // lines added minus lines removed by the hunks before this one
  return hunks.map((hunk) => {
    const start = hunk.oldLines > 0 ? hunk.oldStart - 1 : hunk.newStart - 1 - shift;
    shift += hunk.newLines - hunk.oldLines;
    return start;
  });
}
