/**
 * The text an inline diff shows in the editor while a person decides: the original with every hunk's
 * removed lines kept and its inserted lines placed right after them. Pure (no vscode), so the arithmetic
 * that decides which lines go on accept and reject is unit-tested in plain Node.
 */
import type { DiffHunk } from '../core/types';
import { hunkStarts } from '../core/engine/hunks';

/** Where one hunk sits in the shown text, as line offsets from the first line of the diff. */
export interface HunkPlacement {
  hunk: DiffHunk;
  /** First line of the hunk's removed lines (equal to `insertedStart` when it removes none). */
  removedStart: number;
  removedCount: number;
  /** First line of the hunk's inserted lines. */
  insertedStart: number;
  insertedCount: number;
}

/** The shown text and where each hunk's lines are in it. */
export interface DiffLayout {
  text: string;
  /** Lines of `text` (without the final newline, which `text` keeps when the original had one). */
  lineCount: number;
  placements: HunkPlacement[];
}

/** Splits text into lines, leaving out the empty line after a final newline. */
export function splitLines(text: string): string[] {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return body.split('\n');
}

/** A person's decision on each hunk decided so far: true = accepted, false = rejected. */
export type HunkDecisions = ReadonlyMap<string, boolean>;

/**
 * Lays out `original` with the given hunks (from `diffHunks(original, …)`) shown inline: the same line
 * arithmetic as `applyHunks`. An undecided hunk shows both sides, an accepted one only its inserted
 * lines, a rejected one only its removed lines; with every hunk decided the text equals
 * `applyHunks(original, hunks, accepted)`.
 */
export function layoutDiff(original: string, hunks: readonly DiffHunk[], decisions: HunkDecisions = new Map()): DiffLayout {
  const lines = splitLines(original);
  const shown: string[] = [];
  const placements: HunkPlacement[] = [];
  let next = 0;
  const starts = hunkStarts(hunks);
  for (const [index, hunk] of hunks.entries()) {
    const start = starts[index]!;
    shown.push(...lines.slice(next, start));
    const decision = decisions.get(hunk.id);
    const removed = decision === true ? [] : lines.slice(start, start + hunk.oldLines);
    const inserted = decision === false ? [] : hunk.lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1));
    const removedStart = shown.length;
    shown.push(...removed, ...inserted);
    placements.push({ hunk, removedStart, removedCount: removed.length, insertedStart: removedStart + removed.length, insertedCount: inserted.length });
    next = start + hunk.oldLines;
  }
  shown.push(...lines.slice(next));
  const text = shown.length === 0 ? '' : shown.join('\n') + (original.endsWith('\n') ? '\n' : '');
  return { text, lineCount: shown.length, placements };
}

/**
 * Line offsets (from the diff's first line) to paint as removed and inserted: only the hunks still open.
 * A decided hunk's lines are plain text again, so what is left to decide stands out.
 */
export function openHunkLines(layout: DiffLayout, decided: (hunkId: string) => boolean): { removed: number[]; inserted: number[] } {
  const removed: number[] = [];
  const inserted: number[] = [];
  for (const placement of layout.placements) {
    if (decided(placement.hunk.id)) continue;
    for (let i = 0; i < placement.removedCount; i += 1) removed.push(placement.removedStart + i);
    for (let i = 0; i < placement.insertedCount; i += 1) inserted.push(placement.insertedStart + i);
  }
  return { removed, inserted };
}
