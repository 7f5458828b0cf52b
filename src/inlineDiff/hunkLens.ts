/**
 * The pure parts of a hunk's CodeLens: which line it sits on and how much of the reason it shows. No
 * vscode, so they are unit-tested in plain Node.
 */

/** About as much of a reason as a lens shows after *Accept | Reject | strategy —*; the tooltip has it all. */
export const LENS_REASON_CHARS = 40;

/**
 * `text` on one line, cut to at most `max` characters with an ellipsis: at a word boundary when one is
 * near the end, without a dangling comma or colon before the ellipsis.
 */
export function shortReason(text: string, max = LENS_REASON_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // A space right after the last character that fits still ends a whole word.
  const space = flat.slice(0, max).lastIndexOf(' ');
  const cut = space >= Math.floor(max * 0.6) ? flat.slice(0, space) : flat.slice(0, max - 1);
  return `${cut.replace(/[\s,;:.—–-]+$/, '')}…`;
}

/**
 * The line a hunk's lens sits on: its first shown line (removed lines first, then inserted) that has
 * text, so the lens is not drawn over a blank line that reads as the end of the section above; its first
 * line when every line is blank; undefined when it shows none.
 */
export function anchorLine(lines: readonly number[], isBlank: (line: number) => boolean): number | undefined {
  return lines.find((line) => !isBlank(line)) ?? lines[0];
}
