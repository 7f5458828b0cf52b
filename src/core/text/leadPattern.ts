/**
 * Runs a pattern only where its first, literal characters occur. V8 finds a string with indexOf far
 * faster than a regular expression tries every position, so a pattern that starts with a rare character
 * (a brace, an angle bracket) costs little on a long prompt that has few of them.
 */

/**
 * The matches of `sticky` (a pattern with the y flag whose every match starts with `lead`), in order and
 * without overlap: the same matches a global scan would find.
 */
export function matchesAtLead(sticky: RegExp, text: string, lead: string): RegExpExecArray[] {
  if (!sticky.sticky) throw new Error(`matchesAtLead needs a sticky pattern: ${sticky.source}`);
  const found: RegExpExecArray[] = [];
  for (let at = text.indexOf(lead); at !== -1; at = text.indexOf(lead, at)) {
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    if (match) {
      found.push(match);
      at = Math.max(sticky.lastIndex, at + 1);
    } else at += 1;
  }
  return found;
}
