/**
 * The person's text with heading syntax set aside, so a restyle can be compared with the original:
 * headings become "§name", closing tags and blank lines go, a label's inline text gets a line of its own.
 */
export function withoutHeadingSyntax(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const markdown = /^#{1,6} +(.+)$/.exec(line);
    if (markdown) return [`§${markdown[1]!.toLowerCase()}`];
    const open = /^<([a-z_]+)>$/.exec(line);
    if (open) return [`§${open[1]!.replace(/_/g, ' ')}`];
    if (/^<\/[a-z_]+>$/.test(line)) return [];
    const label = /^([A-Z][A-Za-z ]{0,30}):(?: (.*))?$/.exec(line);
    if (label) return [`§${label[1]!.toLowerCase()}`, ...(label[2] ? [label[2]] : [])];
    return line.trim() === '' ? [] : [line];
  });
}
