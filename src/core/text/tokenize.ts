/**
 * One pass over a text that finds its words, with offsets and the case facts the analysis needs. The
 * analysis reads this token list many times instead of re-scanning the text with a regular expression
 * for every question, which keeps the judge fast enough to run on every keystroke.
 */

/** A word: letters and digits, with inner apostrophes, hyphens and underscores. */
export interface Token {
  start: number;
  end: number;
  /** Lower-cased, with a curly apostrophe folded to a straight one. */
  lower: string;
  /** First character is an upper-case letter. */
  capitalised: boolean;
  /** An upper-case letter appears after the first character (camelCase, ACRONYM). */
  upperInside: boolean;
  /** Every letter is upper case (and there are at least two characters). */
  allCaps: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

// ASCII classification: 1 lower-case letter or digit, 2 upper-case letter, 3 joiner (' _ -), 0 other.
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c += 1) ASCII[c] = 1;
for (let c = 97; c <= 122; c += 1) ASCII[c] = 1;
for (let c = 65; c <= 90; c += 1) ASCII[c] = 2;
ASCII[39] = 3; // '
ASCII[95] = 3; // _
ASCII[45] = 3; // -

const RIGHT_QUOTE = 0x2019; // ’
const FLATTEN = /^/;

/** Splits a text into word tokens in one linear pass. */
export function tokenize(text: string): Token[] {
  // NOTE: running a regular expression flattens a string in V8. Slicing the unflattened result of
  // toLowerCase() copied the whole text for every word (measured: 1 MB/s before, 130 MB/s after).
  FLATTEN.test(text);
  const tokens: Token[] = [];
  const length = text.length;
  const lowered = text.toLowerCase();
  FLATTEN.test(lowered);
  // Lower-casing can change the length of a few characters (İ); then each word is lowered on its own.
  const sameLength = lowered.length === length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? ASCII[code]! : LETTER_OR_DIGIT.test(text[i]!) ? (UPPER.test(text[i]!) ? 2 : 1) : 0;
    if (kind !== 1 && kind !== 2) {
      i += 1;
      continue;
    }
    const start = i;
    let upperInside = false;
    let lowerSeen = kind === 1 && !(code >= 48 && code <= 57);
    let curly = false;
    i += 1;
    while (i < length) {
      const next = text.charCodeAt(i);
      if (next < 128) {
        const nextKind = ASCII[next]!;
        if (nextKind === 0) break;
        if (nextKind === 2) upperInside = true;
        else if (nextKind === 1 && next >= 97) lowerSeen = true;
      } else if (next === RIGHT_QUOTE) curly = true;
      else if (LETTER_OR_DIGIT.test(text[i]!)) {
        if (UPPER.test(text[i]!)) upperInside = true;
        else lowerSeen = true;
      } else break;
      i += 1;
    }
    let lower = sameLength ? lowered.slice(start, i) : text.slice(start, i).toLowerCase();
    if (curly) lower = lower.replace(/’/g, "'");
    const capitalised = kind === 2;
    tokens.push({ start, end: i, lower, capitalised, upperInside, allCaps: capitalised && i - start >= 2 && !lowerSeen });
  }
  return tokens;
}
