/**
 * Deterministic randomness for the learning loop: a 32-bit string hash, a seed mixer and the mulberry32
 * generator. The same inputs always give the same draws, on every platform, so a selection can be
 * reproduced from the stored state and the seed alone (Math.random never appears in core).
 */

/** FNV-1a 32-bit hash of a string (UTF-16 code units): a stable seed from a prompt text or a strategy id. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// MurmurHash3's finalizer: every input bit flips about half the output bits, so nearby seeds (round 7,
// round 8) give unrelated streams.
function avalanche(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines several integers into one well-mixed 32-bit seed; order matters. */
export function mixSeeds(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = avalanche(h ^ avalanche(Math.trunc(part) >>> 0));
  return h;
}

/** A mulberry32 generator: returns a function that yields uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
