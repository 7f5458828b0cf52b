/**
 * The panel's diff, word by word, from the `diff` library (diffWordsWithSpace keeps line breaks and
 * spacing, so the pieces put back together give both texts exactly). Pure: host side only, so the webview
 * bundle stays free of the library and renders pieces it is given.
 */
import type { ChangeObject } from 'diff';
import { diffLines, diffWordsWithSpace } from 'diff';
import type { DiffPart, PanelDiff } from '../shared/resultPanelProtocol';

/**
 * NOTE: the word diff is quadratic in the worst case. Past this many characters, or when it runs out of
 * time, the diff is by line: coarser, but the panel still opens within the speed budget.
 */
const WORD_DIFF_MAX_CHARS = 60_000;
const WORD_DIFF_TIMEOUT_MS = 150;

function toParts(changes: readonly ChangeObject<string>[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of changes) {
    if (!change.value) continue;
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = parts[parts.length - 1];
    // The library may split one run into several objects; one piece per run reads better and is smaller.
    if (last?.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

/** The diff from `before` to `after`, word by word when that can be done in time. */
export function wordDiff(before: string, after: string): PanelDiff {
  if (before.length + after.length <= WORD_DIFF_MAX_CHARS) {
    const words = diffWordsWithSpace(before, after, { timeout: WORD_DIFF_TIMEOUT_MS });
    if (words) return { parts: toParts(words), granularity: 'word' };
  }
  return { parts: toParts(diffLines(before, after)), granularity: 'line' };
}
