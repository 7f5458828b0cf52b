/**
 * Reading and writing prompt text inside string literals, so an accepted rewrite keeps the code parsing:
 * escapes are decoded before the engine sees the text and written again for the text that goes back.
 * Pure (no vscode).
 */

/** Turns literal source text into the string's value and back. */
export interface LiteralCodec {
  decode(source: string): string;
  encode(value: string): string;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes backslash escapes shared by JavaScript and Python (\n, \t, \xHH, \uHHHH, \u{…}, line continuations). */
function decodeEscapes(source: string): string {
  return source.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_match, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if ((escape.startsWith('u') || escape.startsWith('x')) && escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape === '\n' || escape === '\r\n' || escape === '\r') return ''; // a line continuation
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/** A quoted string on one line ('…' or "…" in JavaScript or Python): line breaks become \n. */
export function quotedCodec(quote: string): LiteralCodec {
  return {
    decode: decodeEscapes,
    encode: (value) =>
      value
        .replace(/\\/g, '\\\\')
        .split(quote)
        .join(`\\${quote}`)
        .replace(/\r/g, '\\r')
        .replace(/\n/g, '\\n')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029'),
  };
}

/** A JavaScript template literal (`…`): line breaks stay, backticks and `${` are escaped. */
export const templateCodec: LiteralCodec = {
  decode: decodeEscapes,
  encode: (value) => value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${'),
};

/** A Python triple-quoted string: line breaks stay, backslashes and the quote character are escaped. */
export function tripleCodec(quote: string): LiteralCodec {
  return {
    decode: decodeEscapes,
    encode: (value) => value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`),
  };
}

/**
 * A Python raw triple-quoted string (r"""…"""): no escapes exist, so the text goes in as is; only a run
 * of the closing quotes is broken up with a space, the one change that keeps such a string valid.
 */
export function rawTripleCodec(quote: string): LiteralCodec {
  const triple = quote.repeat(3);
  return {
    decode: (source) => source,
    encode: (value) => value.split(triple).join(`${quote}${quote} ${quote}`).replace(/\\$/, '\\ '),
  };
}
