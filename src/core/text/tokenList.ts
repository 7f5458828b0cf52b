/**
 * The words of a text as the analysis reads them: offsets, case facts and vocabulary ids, kept as numbers.
 * `tokenize` builds one.
 */
import { flattened } from './flatten';
import type { Vocabulary } from './vocabulary';

/** Case facts of a token, as bits of `TokenList.shape(i)`. */
export const Shape = {
  /** First character is an upper-case letter. */
  capitalised: 1,
  /** An upper-case letter appears after the first character (camelCase, ACRONYM). */
  upperInside: 2,
  /** Every letter is upper case (and there are at least two characters). */
  allCaps: 4,
  /** First character is a letter (not a digit). */
  letterStart: 8,
  /** Holds a character outside ASCII other than ’. */
  nonAscii: 16,
  /** Holds a curly apostrophe, read as a straight one. */
  curly: 32,
  /** First character is an ASCII digit. */
  digitStart: 64,
} as const;

// Each token is four numbers in one Int32Array: where it starts and ends, its Shape bits, its vocabulary id.
const STRIDE = 4;

/**
 * Words (letters and digits, with inner apostrophes, hyphens and underscores), stored as numbers in one
 * typed array rather than as an object per word.
 *
 * NOTE: a long prompt has thousands of words; an object and a lower-cased string for each were a third
 * of the judge's time (allocation, hashing and garbage collection). Lower-cased text is made only when
 * asked for, and never for a word of the vocabulary.
 */
export class TokenList {
  private data: Int32Array;
  private count = 0;
  private lowered: string | undefined;

  constructor(
    /** The text the offsets point into. */
    readonly text: string,
    readonly vocabulary: Vocabulary,
    capacity: number,
  ) {
    this.data = new Int32Array(Math.max(capacity, 1) * STRIDE);
  }

  get length(): number {
    return this.count;
  }

  start(i: number): number {
    return this.data[i * STRIDE]!;
  }

  end(i: number): number {
    return this.data[i * STRIDE + 1]!;
  }

  /** `Shape` bits. */
  shape(i: number): number {
    return this.data[i * STRIDE + 2]!;
  }

  /** The word's id in the vocabulary, or -1. */
  id(i: number): number {
    return this.data[i * STRIDE + 3]!;
  }

  /** The vocabulary flags of token `i` (0 for a word the vocabulary does not hold). */
  classes(i: number): number {
    const id = this.data[i * STRIDE + 3]!;
    return id < 0 ? 0 : this.vocabulary.flags[id]!;
  }

  /** Token `i` lower-cased, with a curly apostrophe folded to a straight one. */
  lower(i: number): string {
    const id = this.id(i);
    return id >= 0 ? this.vocabulary.words[id]! : this.lowerOf(this.start(i), this.end(i), this.shape(i));
  }

  /** The index of the first token that starts at or after `offset` (binary search). */
  firstAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.data[mid * STRIDE]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The tokens outside the given ranges of token indices [from, to), which are sorted and disjoint. */
  without(ranges: readonly (readonly [number, number])[]): TokenList {
    const kept = new TokenList(this.text, this.vocabulary, this.count);
    kept.lowered = this.lowered;
    let at = 0;
    for (const [from, to] of ranges) {
      kept.append(this, at, from);
      at = to;
    }
    kept.append(this, at, this.count);
    return kept;
  }

  private append(other: TokenList, from: number, to: number): void {
    this.data.set(other.data.subarray(from * STRIDE, to * STRIDE), this.count * STRIDE);
    this.count += to - from;
  }

  push(start: number, end: number, shape: number, id: number): void {
    if ((this.count + 1) * STRIDE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.count * STRIDE;
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = shape;
    this.data[at + 3] = id;
    this.count += 1;
  }

  /** Lower-cases `text[start, end)` as lower-casing the whole text would (Greek final sigma depends on context). */
  lowerOf(start: number, end: number, shape: number): string {
    let lower: string;
    if (shape & Shape.nonAscii) {
      this.lowered ??= flattened(this.text.toLowerCase());
      // Lower-casing can change the length of a few characters (İ); then each word is lowered on its own.
      lower = this.lowered.length === this.text.length ? this.lowered.slice(start, end) : this.text.slice(start, end).toLowerCase();
    } else lower = this.text.slice(start, end).toLowerCase();
    return shape & Shape.curly ? lower.replace(/’/g, "'") : lower;
  }
}
