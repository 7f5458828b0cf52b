/**
 * The smallest whole-line replacement that turns one text into another. Whole lines, so an edit never
 * starts or ends between `\r` and `\n`, and a decision on one hunk touches only that hunk's lines
 * (the cursor and folding elsewhere in the diff stay where they are).
 */

/** Replace `deleteLength` characters at `offset` (relative to the old text) with `insert`. */
export interface LineEdit {
  offset: number;
  deleteLength: number;
  insert: string;
}

const lines = (text: string): string[] => (text === '' ? [] : text.split(/(?<=\n)/));

/** The edit from `before` to `after`, trimmed to the lines that differ. */
export function lineEdit(before: string, after: string): LineEdit {
  const old = lines(before);
  const next = lines(after);
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < next.length - prefix &&
    old[old.length - 1 - suffix] === next[next.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const offset = old.slice(0, prefix).join('').length;
  const deleteLength = old.slice(prefix, old.length - suffix).join('').length;
  return { offset, deleteLength, insert: next.slice(prefix, next.length - suffix).join('') };
}
