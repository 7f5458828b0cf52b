/**
 * Prompt files often start with YAML front matter (VS Code's *.prompt.md, Prompty's *.prompty) that
 * configures a tool rather than instructing a model. The judge reads only the body after it.
 */

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** The body of a prompt file and where it starts, with any leading YAML front matter set aside. */
export function splitFrontMatter(text: string): { body: string; bodyOffset: number } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text, bodyOffset: 0 };
  return { body: text.slice(match[0].length), bodyOffset: match[0].length };
}
