/**
 * What each sentence asks: an instruction (and with which verb), a question, or a rule that only forbids.
 * A sentence's verb may stand after a list marker, a label, a sequencing word, a condition or "You will".
 */
import { IMPERATIVE_VERBS, WordClass } from '../text/lexicon';
import type { TokenList } from '../text/tokenize';
import { Shape } from '../text/tokenize';
import type { Piece } from '../text/tokens';
import { LABEL_PREFIX, labelPrefixLength } from './finding';
import { AnalysisFlag } from './promptVocabulary';

// Sticky, tried where a sentence's "Label: " prefix ends.
const NEGATIVE_RULE = /[\s\-*•\d.)]*(?:do not|don't|dont|never|avoid|no more|refrain)\b/iy;
const LEADING_CONDITION = /(?:when|whenever|if|once|after|before|for|in case|unless)\b[^,;\n]{1,80},\s*/iy;
const SECOND_PERSON = /(?:you|the (?:agent|assistant|model))\s+(?:will|should|must|need to|are to|can|always)?\s*/iy;
const LEAD_IN = /(?:please|kindly|now|then|also|next|finally|first(?:ly)?|second(?:ly)?|lastly)[,\s]+/iy;
// What may open a sentence before its verb: a list marker, then the four openers above (all sticky).
const LIST_MARKER = /[\s\-*•#>\d.)]+/y;
const OPENERS = [LABEL_PREFIX, LEAD_IN, LEADING_CONDITION, SECOND_PERSON];
const FIRST_WORD = /[\p{L}]+/uy;

/**
 * The verb a sentence instructs with, if any: its first word once list markers, labels and sequencing
 * words are stripped, the verb after a leading condition ("When asked about prices, point …"), or the
 * verb a second-person directive uses ("You will review …"). `first` is the sentence's first word made
 * of letters, with its vocabulary flags.
 */
function instructionVerbOf(sentence: string, first: string, firstClasses: number): string | undefined {
  if (firstClasses & WordClass.imperative) return first;
  // Most sentences open with neither a marker nor a lead-in; only the rest are worth stripping.
  if (!(firstClasses & AnalysisFlag.leadIn) && !sentence.includes(':')) return undefined;
  // NOTE: each opener is skipped by moving an offset, not by cutting it off with replace(): no new strings.
  let at = skip(LIST_MARKER, sentence, 0);
  for (const opener of OPENERS) at = skip(opener, sentence, at);
  FIRST_WORD.lastIndex = at;
  const verb = FIRST_WORD.exec(sentence)?.[0].toLowerCase() ?? '';
  return IMPERATIVE_VERBS.has(verb) ? verb : undefined;
}

/** The offset just past a match of a sticky pattern at `at`, or `at` when it does not match there. */
function skip(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.test(text) ? sticky.lastIndex : at;
}

/** Whether a sentence (after any "Label: ") opens with a prohibition. */
export function startsNegative(sentence: string): boolean {
  NEGATIVE_RULE.lastIndex = labelPrefixLength(sentence);
  return NEGATIVE_RULE.test(sentence);
}

/** Whether a sentence ends with a question mark (ASCII or full-width), trailing white space aside. */
function endsWithQuestion(sentence: string): boolean {
  for (let i = sentence.length - 1; i >= 0; i -= 1) {
    const code = sentence.charCodeAt(i);
    if (code === 63 || code === 0xff1f) return true;
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return false;
}

/** Counts instructions (with their distinct verbs) and questions; each sentence's first word comes from the tokens. */
export function sentenceAsks(sentences: readonly Piece[], tokens: TokenList): { instructions: number; verbs: Set<string>; questions: number } {
  const verbs = new Set<string>();
  let instructions = 0;
  let questions = 0;
  let next = 0;
  for (const sentence of sentences) {
    while (next < tokens.length && tokens.start(next) < sentence.start) next += 1;
    const end = sentence.start + sentence.text.length;
    // The first word made of letters: a list number ("1.") does not count.
    let index = next;
    while (index < tokens.length && tokens.start(index) < end && !(tokens.shape(index) & Shape.letterStart)) index += 1;
    const found = index < tokens.length && tokens.start(index) < end;
    const firstClasses = found ? tokens.classes(index) : 0;
    // Only a word of the vocabulary can be an instruction verb or a lead-in, so no other is lower-cased.
    const verb = instructionVerbOf(sentence.text, firstClasses ? tokens.lower(index) : '', firstClasses);
    if (verb) {
      instructions += 1;
      verbs.add(verb);
    }
    if (endsWithQuestion(sentence.text)) questions += 1;
  }
  return { instructions, verbs, questions };
}
