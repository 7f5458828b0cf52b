/** A place in the text where the analysis found something, and patterns several analysers share. */
import type { TextSpan } from '../types';

/** A word or phrase found at a place in the text. */
export interface Finding {
  text: string;
  span: TextSpan;
}

/** "Label: " (Task:, Q:, Desired format:), sticky: it matches where `lastIndex` points, not anywhere. */
export const LABEL_PREFIX = /[\p{L}][\p{L} ]{0,24}:\s+/uy;

const isAsciiLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;

/**
 * Whether the characters around a sentence's first colon could make a label: letters (and inner spaces)
 * before it, white space after. Only ASCII is judged here; the pattern decides the rest. Most colons
 * ("9:40", "e.g.: x", "http://") fail this without running the pattern.
 */
function mayBeLabel(sentence: string, colon: number): boolean {
  const after = sentence.charCodeAt(colon + 1);
  if (Number.isNaN(after) || (after < 128 && after !== 32 && (after < 9 || after > 13))) return false;
  for (let i = 0; i < colon; i += 1) {
    const code = sentence.charCodeAt(i);
    if (code < 128 && !isAsciiLetter(code) && !(code === 32 && i > 0)) return false;
  }
  return true;
}

/** The length of a sentence's "Label: " prefix, or 0. */
export function labelPrefixLength(sentence: string): number {
  const colon = sentence.indexOf(':');
  if (colon < 1 || colon > 25 || !mayBeLabel(sentence, colon)) return 0;
  LABEL_PREFIX.lastIndex = 0;
  return LABEL_PREFIX.test(sentence) ? LABEL_PREFIX.lastIndex : 0;
}
