/**
 * Finds multi-word phrases in a token list without a regular expression: phrases are indexed by their
 * first word, so each token is looked at once, and words are compared by their vocabulary ids.
 */
import type { TokenList } from '../text/tokenize';
import type { Vocabulary } from '../text/vocabulary';

/** Splits a phrase (lower case, words separated by spaces) into its words. */
export function phraseWords(phrase: string): string[] {
  return phrase.trim().toLowerCase().split(/\s+/);
}

/** Matches a fixed set of phrases against tokens; every word of every phrase must be in the vocabulary. */
export class PhraseMatcher {
  /** Each phrase as the vocabulary ids of its words. */
  private readonly phrases: number[][];
  /** For each vocabulary id, the phrases that start with it, longest first (so "no more than" wins over "no"). */
  private readonly byFirstWord: (number[] | undefined)[] = [];

  constructor(
    phrases: readonly string[],
    vocabulary: Vocabulary,
    /** The vocabulary flag that marks the first words of these phrases. */
    readonly startFlag: number,
  ) {
    this.phrases = phrases.map((phrase) =>
      phraseWords(phrase).map((word) => {
        const id = vocabulary.idOf(word);
        if (id < 0) throw new Error(`phrase word "${word}" is not in the vocabulary`);
        return id;
      }),
    );
    this.phrases.forEach((ids, phrase) => {
      const list = (this.byFirstWord[ids[0]!] ??= []);
      list.push(phrase);
      list.sort((a, b) => this.phrases[b]!.length - this.phrases[a]!.length);
    });
  }

  /** The longest phrase starting at token `index` (its index in the list this matcher was made with), or -1. */
  match(tokens: TokenList, index: number): number {
    const candidates = this.byFirstWord[tokens.id(index)];
    if (!candidates) return -1;
    for (const phrase of candidates) {
      const ids = this.phrases[phrase]!;
      let ok = index + ids.length <= tokens.length;
      for (let k = 1; k < ids.length && ok; k += 1) ok = tokens.id(index + k) === ids[k];
      if (ok) return phrase;
    }
    return -1;
  }

  /** The number of words of a phrase. */
  length(phrase: number): number {
    return this.phrases[phrase]!.length;
  }
}
