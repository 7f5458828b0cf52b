/**
 * One pass over a text that finds its words, with offsets, the case facts the analysis needs, and which
 * word of a vocabulary each one is. The analysis reads this token list many times instead of re-scanning
 * the text with a regular expression for every question, which keeps the judge fast enough to run on
 * every keystroke.
 */
import { flattened } from './flatten';
import { Shape, TokenList } from './tokenList';
import type { Vocabulary } from './vocabulary';
import { HASH_START, foldAscii, hashStep } from './vocabulary';

export { Shape, TokenList } from './tokenList';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
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

function kindOf(text: string, i: number, code: number): number {
  if (code < 128) return ASCII[code]!;
  const char = text[i]!;
  return LETTER_OR_DIGIT.test(char) ? (UPPER.test(char) ? 2 : 1) : 0;
}

/** Splits a text into word tokens in one linear pass, each looked up in `vocabulary`. */
export function tokenize(text: string, vocabulary: Vocabulary): TokenList {
  flattened(text);
  // English averages about six characters a word with its space; the list grows if a text has more.
  const tokens = new TokenList(text, vocabulary, (text.length >> 2) + 16);
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const kind = kindOf(text, i, code);
    if (kind !== 1 && kind !== 2) {
      i += 1;
      continue;
    }
    const start = i;
    const isDigit = code >= 48 && code <= 57;
    let shape = kind === 2 ? Shape.capitalised : 0;
    if (code >= 128) shape |= Shape.nonAscii | (LETTER.test(text[i]!) ? Shape.letterStart : 0);
    else shape |= isDigit ? Shape.digitStart : Shape.letterStart;
    let lowerSeen = kind === 1 && !isDigit;
    let hash = hashStep(HASH_START, foldAscii(code));
    i += 1;
    while (i < length) {
      const next = text.charCodeAt(i);
      if (next < 128) {
        const nextKind = ASCII[next]!;
        if (nextKind === 0) break;
        if (nextKind === 2) shape |= Shape.upperInside;
        else if (nextKind === 1 && next >= 97) lowerSeen = true;
      } else if (next === RIGHT_QUOTE) shape |= Shape.curly;
      else if (LETTER_OR_DIGIT.test(text[i]!)) {
        shape |= Shape.nonAscii;
        if (UPPER.test(text[i]!)) shape |= Shape.upperInside;
        else lowerSeen = true;
      } else break;
      hash = hashStep(hash, foldAscii(next));
      i += 1;
    }
    if (kind === 2 && i - start >= 2 && !lowerSeen) shape |= Shape.allCaps;
    // Words outside ASCII are lower-cased as text (İ, final sigma, the Kelvin sign) before the lookup.
    const id = shape & Shape.nonAscii
      ? vocabulary.idOf(tokens.lowerOf(start, i, shape))
      : vocabulary.find(text, start, i, hash, (shape & (Shape.capitalised | Shape.upperInside | Shape.curly)) !== 0);
    tokens.push(start, i, shape, id);
  }
  return tokens;
}
