/**
 * Finds multi-word phrases in a token list without a regular expression: phrases are indexed by their
 * first word, so each token is looked at once.
 */
import type { Token } from '../text/tokenize';

/** Matches a fixed set of phrases (lower case, words separated by spaces) against tokens. */
export class PhraseMatcher {
  private readonly byFirstWord = new Map<string, string[][]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const words = phrase.trim().toLowerCase().split(/\s+/);
      const list = this.byFirstWord.get(words[0]!) ?? [];
      list.push(words);
      // Longest first, so "no more than" wins over "no".
      list.sort((a, b) => b.length - a.length);
      this.byFirstWord.set(words[0]!, list);
    }
  }

  /** The words some phrase starts with. */
  firstWords(): string[] {
    return [...this.byFirstWord.keys()];
  }

  /** The number of words of the longest phrase starting at token `index`, or 0. */
  matchAt(tokens: readonly Token[], index: number): number {
    const candidates = this.byFirstWord.get(tokens[index]!.lower);
    if (!candidates) return 0;
    for (const words of candidates) {
      let ok = true;
      for (let k = 1; k < words.length && ok; k += 1) ok = tokens[index + k]?.lower === words[k];
      if (ok) return words.length;
    }
    return 0;
  }
}
