/**
 * Turns raw bytes or editor text into a prompt the engine accepts, or a clear reason it cannot: empty,
 * too large, binary, not UTF-8. Shared by the CLI (files, stdin) and the extension (selections) so both
 * refuse the same inputs with the same words.
 */

/** Why an input was refused (`unreadable`: the caller could not read it at all, e.g. a missing file). */
export type InputProblem = 'empty' | 'too-large' | 'binary' | 'invalid-utf8' | 'unreadable';

/** An accepted prompt, or the reason it was refused with a message for people. */
export type PromptInput = { ok: true; text: string } | { ok: false; problem: InputProblem; message: string };

/** The default size limit in characters (about 200 KB of text). */
export const DEFAULT_MAX_CHARS = 200_000;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Checks text that is already decoded (an editor selection, a string from an API caller). With
 * `afterFrontMatter`, `text` is what follows a file's front matter, and an empty one says so.
 */
export function checkPromptText(text: string, maxChars = DEFAULT_MAX_CHARS, afterFrontMatter = false): PromptInput {
  if (text.includes('\u0000')) {
    return { ok: false, problem: 'binary', message: 'The input contains NUL bytes, so it looks like a binary file, not a prompt.' };
  }
  if (looksBinary(text)) {
    return { ok: false, problem: 'binary', message: 'The text is mostly control characters, so it looks like binary data, not a prompt. Select the prompt text itself.' };
  }
  if (text.trim() === '') {
    return afterFrontMatter
      ? { ok: false, problem: 'empty', message: 'The prompt is empty: the file has only front matter (the --- block of settings at the top) and no prompt text after it. Write the prompt below the closing ---.' }
      : { ok: false, problem: 'empty', message: 'The prompt is empty (or only white space): write or select some text first.' };
  }
  if (text.length > maxChars) return tooLarge(`${text.length.toLocaleString('en-US')} characters`, maxChars);
  return { ok: true, text };
}

/**
 * Whether text is mostly control characters (C0 and C1 controls other than tab and line breaks, DEL, and
 * U+FFFD, which a decoder puts where bytes were not text): a binary file opened as text, or pasted garbage.
 * NOTE: a share, not any: a prompt may hold a stray control character or a few terminal colour codes.
 */
function looksBinary(text: string): boolean {
  let control = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 10 || code === 13 || code === 32) continue;
    visible += 1;
    if (code < 32 || (code >= 127 && code <= 159) || code === 0xfffd) control += 1;
  }
  return control >= 4 && control * 4 >= visible;
}

function tooLarge(size: string, maxChars: number): PromptInput {
  return {
    ok: false,
    problem: 'too-large',
    message: `The prompt has ${size}, more than the limit of ${maxChars.toLocaleString('en-US')} characters. Use a smaller part, or raise the limit (the prompter.maxPromptCharacters setting in VS Code, --max-chars on the command line).`,
  };
}

/** Decodes bytes as UTF-8 (a leading BOM is dropped) and checks the text. */
export function decodePromptBytes(bytes: Uint8Array, maxChars = DEFAULT_MAX_CHARS): PromptInput {
  if (bytes.includes(0)) {
    return { ok: false, problem: 'binary', message: 'The input contains NUL bytes, so it looks like a binary file, not a prompt.' };
  }
  // A character takes at most 4 bytes in UTF-8: far larger inputs are refused without decoding them.
  if (bytes.length > maxChars * 4) return tooLarge(`${bytes.length.toLocaleString('en-US')} bytes`, maxChars);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, problem: 'invalid-utf8', message: 'The input is not valid UTF-8 text. Save it as UTF-8 and try again.' };
  }
  return checkPromptText(text, maxChars);
}
