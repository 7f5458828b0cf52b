/**
 * Linear-time splitting of prompt text into lines, sentences and words. Every pattern here is free of
 * nested quantifiers so that no input (10,000 lines, one character repeated, deep brackets) can make a
 * regular expression backtrack catastrophically.
 */

/** A piece of text with its offset in the whole. */
export interface Piece {
  text: string;
  start: number;
}

/** Lines with their offsets (a trailing `\r` is kept out of the text). */
export function splitLines(text: string): Piece[] {
  const lines: Piece[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start });
    start = end + 1;
  }
  return lines;
}

// A sentence ends at . ! ? (or their CJK forms) followed by white space, or at a line break.
const SENTENCE_END = /[.!?。！？]+(?=\s|$)|\n/g;

/** Sentences (trimmed, non-empty) with their offsets. A line break always ends a sentence. */
export function splitSentences(text: string): Piece[] {
  const sentences: Piece[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ text: trimmed, start: start + raw.indexOf(trimmed) });
  };
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}_'’-]*/gu;

/** Words (letters and digits, with inner apostrophes, hyphens and underscores), as written. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Words in lower case, with a curly apostrophe folded to a straight one. */
export function lowerWords(text: string): string[] {
  return wordsOf(text.toLowerCase().replace(/’/g, "'"));
}

/** Whether a line is empty or white space only. */
export function isBlank(line: string): boolean {
  return firstNonSpace(line) === -1;
}

/** Index of the first character that is not a space or tab (or other white space), or -1. */
export function firstNonSpace(line: string): number {
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13 && !(code > 127 && /\s/.test(line[i]!))) return i;
  }
  return -1;
}
