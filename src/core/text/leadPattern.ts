/**
 * Runs a pattern only where its first, literal characters occur. V8 finds a string with indexOf far
 * faster than a regular expression tries every position, so a pattern that starts with a rare character
 * (a brace, an angle bracket) costs little on a long prompt that has few of them.
 */

// After this many tries that found nothing, the lead is common in this text ("{{{{…"): a plain global
// scan is cheaper than a call per position.
const MISSES_BEFORE_SCANNING = 32;

/** A pattern whose every match starts with `lead`. */
export class LeadPattern {
  private readonly sticky: RegExp;
  private readonly global: RegExp;

  constructor(
    pattern: RegExp,
    readonly lead: string,
  ) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    this.sticky = new RegExp(pattern.source, `${flags}y`);
    this.global = new RegExp(pattern.source, `${flags}g`);
  }

  /** `text` with every match replaced by `by` (a plain string, no $ patterns). */
  replace(text: string, by: string): string {
    return text.replace(this.global, by);
  }

  /** Every match in `text`, in order and without overlap: the same matches a global scan finds. */
  matches(text: string): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    let misses = 0;
    let at = text.indexOf(this.lead);
    while (at !== -1 && misses < MISSES_BEFORE_SCANNING) {
      this.sticky.lastIndex = at;
      const match = this.sticky.exec(text);
      if (match) {
        found.push(match);
        at = Math.max(this.sticky.lastIndex, at + 1);
      } else {
        misses += 1;
        at += 1;
      }
      at = text.indexOf(this.lead, at);
    }
    if (at === -1) return found;
    this.global.lastIndex = at;
    for (let match = this.global.exec(text); match; match = this.global.exec(text)) found.push(match);
    return found;
  }
}
