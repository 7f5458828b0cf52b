/**
 * Everything the analysis counts word by word, gathered in a single walk over the tokens: content words,
 * vague wording, requirements, prohibitions, sequencing words, statements of context, vocabulary that
 * names a format, an audience or a tone, and proper names.
 */
import { WordClass } from '../text/lexicon';
import type { TokenList } from '../text/tokenize';
import { Shape } from '../text/tokenize';
import type { Piece } from '../text/tokens';
import type { Finding } from './finding';
import { labelPrefixLength } from './finding';
import { namesAnswerFormat } from './namesAnswerFormat';
import type { PhraseMatcher } from './phraseMatcher';
import { ANY_PHRASE_START, AnalysisFlag, CONTEXT, NEGATIVES, REQUIREMENTS, VAGUE } from './promptVocabulary';

/** Word-level facts about a prompt. */
export interface WordStats {
  words: number;
  distinctContentWords: number;
  vague: Finding[];
  requirements: number;
  negatives: number;
  stepWords: number;
  contextOpeners: number;
  /** A format word names the answer's shape somewhere (not only material: "this bug report"). */
  formatWord: boolean;
  audienceWord: boolean;
  toneWord: boolean;
  /** Distinct proper names, acronyms, years, identifiers and file names. */
  names: Set<string>;
}

// The judge's reward for distinct content words stops growing at 31 (0.45·√n reaches its cap of 2.5), so
// counting stops a little past that instead of hashing every word of a long prompt into a set.
const CONTENT_WORDS_COUNTED = 64;
const YEAR = /^(?:1[5-9]|20)\d{2}$/;
// Only a token with a capital or a digit first can be a name; the rest skip the checks.
const NAME_SHAPES = Shape.capitalised | Shape.upperInside | Shape.allCaps | Shape.digitStart;
const QUOTED_OR_LINK = /`[^`\n]{1,80}`|"[^"\n]{2,80}"|“[^”\n]{2,80}”|\bhttps?:\/\/\S+|\bwww\.\S+/g;

/** Marks the tokens capitalised by grammar rather than as names: sentence starts and words after "Label:". */
function grammarCapitals(sentences: readonly Piece[], tokens: TokenList): Uint8Array {
  const marked = new Uint8Array(tokens.length);
  let next = 0;
  for (const sentence of sentences) {
    while (next < tokens.length && tokens.start(next) < sentence.start) next += 1;
    if (next < tokens.length) marked[next] = 1;
    const label = labelPrefixLength(sentence.text);
    if (label === 0) continue;
    const after = sentence.start + label;
    let index = next;
    while (index < tokens.length && tokens.start(index) < after) index += 1;
    if (index < tokens.length) marked[index] = 1;
  }
  return marked;
}

/** Phrase matches without overlap, found while the tokens are walked in order. */
class PhraseScan {
  /** The phrase each match is (its index in the matcher's list). */
  readonly found: number[] = [];
  private next = 0;

  constructor(private readonly matcher: PhraseMatcher) {}

  /** Looks for a phrase at token `i`, whose vocabulary flags are `classes`; returns its length in tokens, or 0. */
  visit(tokens: TokenList, i: number, classes: number): number {
    if (i < this.next || (classes & this.matcher.startFlag) === 0) return 0;
    const phrase = this.matcher.match(tokens, i);
    if (phrase < 0) return 0;
    this.found.push(phrase);
    const length = this.matcher.length(phrase);
    this.next = i + length;
    return length;
  }
}

/** The name a token stands for (a proper name, an acronym, a year, an identifier), if any. */
function nameOf(text: string, tokens: TokenList, i: number, grammar: Uint8Array, shouting: readonly Finding[]): string | undefined {
  const start = tokens.start(i);
  const end = tokens.end(i);
  const shape = tokens.shape(i);
  if (shape & Shape.digitStart) {
    // A year is four ASCII digits, so the lower-cased word is the text itself.
    return end - start === 4 && YEAR.test(text.slice(start, end)) ? text.slice(start, end) : undefined;
  }
  if (shape & Shape.allCaps) {
    // Acronyms count as names, but not the words of a shouted rule (NEVER TALK ABOUT PRICES).
    const shouted = shouting.some((s) => start >= s.span.start && end <= s.span.end);
    return end - start <= 5 && !grammar[i] && !shouted ? text.slice(start, end) : undefined;
  }
  if (shape & Shape.capitalised) return !grammar[i] && (tokens.classes(i) & WordClass.stop) === 0 ? text.slice(start, end) : undefined;
  return shape & Shape.upperInside ? text.slice(start, end) : undefined;
}

/** "name.ext" when token `i` and the next one spell a file name. */
function fileNameAt(text: string, tokens: TokenList, i: number): string | undefined {
  const end = tokens.end(i);
  if (i + 1 >= tokens.length || tokens.start(i + 1) !== end + 1 || text.charCodeAt(end) !== 46) return undefined;
  return tokens.classes(i + 1) & AnalysisFlag.fileExtension ? `${tokens.lower(i)}.${tokens.lower(i + 1)}` : undefined;
}

/** Walks the tokens once and returns the word-level facts. */
export function wordStats(
  text: string,
  tokens: TokenList,
  sentences: readonly Piece[],
  shouting: readonly Finding[],
): WordStats {
  const grammar = grammarCapitals(sentences, tokens);
  const content = new Set<string>();
  const names = new Set<string>();
  const vague: Finding[] = [];
  const [vaguePhrases, requirements, negatives, context] = [VAGUE, REQUIREMENTS, NEGATIVES, CONTEXT].map((m) => new PhraseScan(m));
  let vagueUntil = 0;
  let stepWords = 0;
  let anyClasses = 0;
  let formatWord = false;
  const noContent = WordClass.stop | WordClass.filler;
  for (let i = 0; i < tokens.length; i += 1) {
    const classes = tokens.classes(i);
    anyClasses |= classes;
    if ((classes & noContent) === 0 && content.size < CONTENT_WORDS_COUNTED) content.add(tokens.lower(i));
    if (classes & WordClass.step) stepWords += 1;
    if (classes & WordClass.format && !formatWord) formatWord = namesAnswerFormat(text, tokens, i);
    if (classes & ANY_PHRASE_START) {
      requirements!.visit(tokens, i, classes);
      negatives!.visit(tokens, i, classes);
      context!.visit(tokens, i, classes);
    }
    if (i >= vagueUntil) {
      // A vague phrase ("a bit") is one finding; a vague word inside it is not another.
      const phrase = vaguePhrases!.visit(tokens, i, classes);
      if (phrase > 0 || (classes & WordClass.vague) !== 0) {
        const span = { start: tokens.start(i), end: tokens.end(i + Math.max(phrase, 1) - 1) };
        vague.push({ text: text.slice(span.start, span.end), span });
        vagueUntil = i + Math.max(phrase, 1);
      }
    }
    if (tokens.shape(i) & NAME_SHAPES) {
      const name = nameOf(text, tokens, i, grammar, shouting);
      if (name !== undefined) names.add(name);
    }
    const fileName = fileNameAt(text, tokens, i);
    if (fileName !== undefined) names.add(fileName);
  }
  if (/[`"“]|http|www\./.test(text)) for (const match of text.matchAll(QUOTED_OR_LINK)) names.add(match[0]);
  return {
    words: tokens.length,
    distinctContentWords: content.size,
    vague,
    requirements: requirements!.found.length,
    negatives: negatives!.found.length,
    stepWords,
    contextOpeners: new Set(context!.found).size,
    formatWord,
    audienceWord: (anyClasses & WordClass.audience) !== 0,
    toneWord: (anyClasses & WordClass.tone) !== 0,
    names,
  };
}
