/** Strings built by concatenation, made flat before they are read many times. */

const ANYWHERE = /^/;

/**
 * Returns `text` after making V8 store it as one flat string. A string built with `+` (or lower-cased
 * from one) is a tree of pieces that a slice may copy whole; running any regular expression flattens it
 * once, in place.
 *
 * NOTE: slicing every word out of the unflattened result of toLowerCase() copied the whole text each
 * time (measured: 1 MB/s before, 130 MB/s after).
 */
export function flattened(text: string): string {
  ANYWHERE.test(text);
  return text;
}
