/** Strings built by concatenation, made flat before they are read many times. */

const ANYWHERE = /^/;

/**
 * Returns `text` after making V8 store it as one flat string. A string built with `+` is a tree of
 * pieces, and every indexOf, slice or charCodeAt on it walks the tree; running any regular expression
 * flattens it once, in place.
 *
 * NOTE: measured on prompts of 1 to 16 KB with filler blanked out (a concatenated string): splitting
 * their lines took 5 times longer, and finding their template variables 10 times longer, unflattened.
 */
export function flattened(text: string): string {
  ANYWHERE.test(text);
  return text;
}
