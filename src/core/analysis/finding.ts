/** A place in the text where the analysis found something, and patterns several analysers share. */
import type { TextSpan } from '../types';

/** A word or phrase found at a place in the text. */
export interface Finding {
  text: string;
  span: TextSpan;
}

/** "Label: " at the start of a sentence (Task:, Q:, Desired format:). */
export const LABEL_PREFIX = /^[\p{L}][\p{L} ]{0,24}:\s+/u;

/** The length of a sentence's "Label: " prefix, or 0; a cheap colon check spares the pattern most sentences. */
export function labelPrefixLength(sentence: string): number {
  const colon = sentence.indexOf(':');
  if (colon < 1 || colon > 25) return 0;
  return LABEL_PREFIX.exec(sentence)?.[0].length ?? 0;
}
