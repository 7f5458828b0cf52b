/**
 * Filler: sentences that carry only politeness or enthusiasm, and politeness phrases inside other
 * sentences. The analysis blanks them out before measuring anything, so padding can never add a point.
 */
import { WordClass } from '../text/lexicon';
import type { TokenList } from '../text/tokenize';
import type { Piece } from '../text/tokens';
import type { Finding } from './finding';
import { labelPrefixLength } from './finding';

const POLITENESS = /\b(?:and\s+)?(?:please|kindly|thank you(?: so much| very much)?(?: in advance)?|thanks(?: a lot| so much)?(?: in advance)?(?: for your (?:help|time|patience|assistance))?|(?:i would|i'd) (?:really )?appreciate (?:it|your help|this))\b[!.,]*/gi;

/** Filler sentences (after any "Label:"), and politeness phrases inside other sentences. */
export function fillerFindings(text: string, sentences: readonly Piece[], tokens: TokenList): Finding[] {
  const found: Finding[] = [];
  let next = 0;
  for (const sentence of sentences) {
    // A filler sentence typed after a label ("Topic: Thanks!") leaves the label in place.
    const label = labelPrefixLength(sentence.text);
    const start = sentence.start + label;
    const end = sentence.start + sentence.text.length;
    while (next < tokens.length && tokens.start(next) < start) next += 1;
    let words = 0;
    let fillerWords = 0;
    let onlyFiller = true;
    for (let i = next; i < tokens.length && tokens.start(i) < end; i += 1) {
      const classes = tokens.classes(i);
      words += 1;
      if (classes & WordClass.filler) fillerWords += 1;
      else if (!(classes & WordClass.stop)) {
        onlyFiller = false;
        break;
      }
    }
    if (words > 0 && onlyFiller && fillerWords > 0) found.push({ text: text.slice(start, end), span: { start, end } });
  }
  if (!/please|kindly|thank|appreciate/i.test(text)) return found;
  for (const match of text.matchAll(POLITENESS)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (!found.some((f) => span.start >= f.span.start && span.end <= f.span.end)) found.push({ text: match[0], span });
  }
  return found;
}

/** Every character but a line break made a space (a run at a time: a 100 KB filler sentence is one run). */
function blank(text: string): string {
  return text.replace(/[^\n]+/g, (run) => ' '.repeat(run.length));
}

/** The text with filler blanked out by spaces, so every offset still points into the original. */
export function withoutFiller(text: string, filler: readonly Finding[]): string {
  if (filler.length === 0) return text;
  let result = '';
  let at = 0;
  for (const { span } of [...filler].sort((a, b) => a.span.start - b.span.start)) {
    if (span.start < at) continue;
    result += text.slice(at, span.start) + blank(text.slice(span.start, span.end));
    at = span.end;
  }
  return result + text.slice(at);
}

/** The tokens that start outside every filler span. */
export function tokensOutside(tokens: TokenList, filler: readonly Finding[]): TokenList {
  if (filler.length === 0) return tokens;
  const ranges: [number, number][] = [];
  for (const { span } of [...filler].sort((a, b) => a.span.start - b.span.start)) {
    const from = tokens.firstAtOrAfter(span.start);
    const to = Math.max(from, tokens.firstAtOrAfter(span.end));
    const last = ranges.at(-1);
    // Overlapping spans drop the union of their tokens.
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return tokens.without(ranges);
}
