/**
 * A fixed set of lower-case words, each with flags, that the tokenizer looks up straight from the
 * characters of a text. Most words of a prompt are looked up (stop words, instruction verbs, filler), and
 * doing it from the characters spares a lower-cased copy, a string hash and a map lookup for every word.
 */

const FNV_PRIME = 0x01000193;
const RIGHT_QUOTE = 0x2019; // ’, read as '

/** The hash a word starts from. */
export const HASH_START = 0x811c9dc5 | 0;

/** One step of the word hash, on a character code already folded by `foldAscii`. */
export function hashStep(hash: number, folded: number): number {
  return Math.imul(hash ^ folded, FNV_PRIME);
}

/** A character code as it is looked up: ASCII capitals lower-cased, a curly apostrophe made straight. */
export function foldAscii(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code === RIGHT_QUOTE ? 39 : code;
}

function spells(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i += 1) if (foldAscii(text.charCodeAt(start + i)) !== word.charCodeAt(i)) return false;
  return true;
}

/** Words with flags, found by their characters (ASCII words) or by their lower-cased text (any word). */
export class Vocabulary {
  /** The words, indexed by id. */
  readonly words: readonly string[];
  /** The flags of each word, indexed by id. */
  readonly flags: Int32Array;
  private readonly hashes: Int32Array;
  private readonly ids = new Map<string, number>();
  // Open addressing with linear probing; each slot holds id + 1, or 0 when empty. At most half full, so a
  // word that is not there is usually ruled out by the first or second slot.
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<string, number>) {
    this.words = [...entries.keys()];
    this.flags = Int32Array.from(entries.values());
    this.hashes = new Int32Array(this.words.length);
    let size = 16;
    while (size < this.words.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.words.forEach((word, id) => {
      this.ids.set(word, id);
      let hash = HASH_START;
      for (let i = 0; i < word.length; i += 1) hash = hashStep(hash, foldAscii(word.charCodeAt(i)));
      this.hashes[id] = hash;
      let slot = hash & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    });
  }

  /** The id of a word given in lower case, or -1. */
  idOf(lower: string): number {
    return this.ids.get(lower) ?? -1;
  }

  /**
   * The id of `text[start, end)` read through `foldAscii`, given the hash of those folded codes, or -1.
   * Only for spans of ASCII characters (and ’): other characters can lower-case differently in context.
   * `folded` says whether folding changes any character (a capital, a curly apostrophe).
   */
  find(text: string, start: number, end: number, hash: number, folded: boolean): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.hashes[id] !== hash) continue;
      const word = this.words[id]!;
      // NOTE: startsWith compares natively; a word already in lower case needs nothing more.
      if (word.length === length && (folded ? spells(word, text, start) : text.startsWith(word, start))) return id;
    }
  }
}
