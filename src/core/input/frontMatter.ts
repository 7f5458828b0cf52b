/**
 * Prompt files often start with YAML front matter (VS Code's *.prompt.md, Prompty's *.prompty) that
 * configures a tool rather than instructing a model. The judge reads only the body after it, and Improve
 * and Score set it aside and leave it exactly as it is.
 */
import type { TextSpan } from '../types';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;
// Empty lines between the front matter and the prompt separate the two: they stay with the front matter.
const EMPTY_LINES = /(?:\r?\n)*/y;

/** The body of a prompt file and where it starts, with any leading YAML front matter set aside. */
export function splitFrontMatter(text: string): { body: string; bodyOffset: number } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text, bodyOffset: 0 };
  return { body: text.slice(match[0].length), bodyOffset: match[0].length };
}

/**
 * Where the prompt starts in a file's text: after the front matter and the empty lines that follow it,
 * or 0 when the text has no front matter. Everything before it is kept byte for byte by Improve.
 * NOTE: the empty lines are left out so that a rewrite starts where the prompt does; the judge scores a
 * text the same with or without leading empty lines, so this agrees with `splitFrontMatter`'s body.
 */
export function promptStart(text: string): number {
  const match = FRONT_MATTER.exec(text);
  if (!match) return 0;
  EMPTY_LINES.lastIndex = match[0].length;
  return match[0].length + (EMPTY_LINES.exec(text)?.[0].length ?? 0);
}

/**
 * The prompt within `span` of a file's `text` (a selection, or the whole text): the span with any front
 * matter cut off its start. `afterFrontMatter` says it was cut; the span then starts where the prompt
 * does, and is empty when it held nothing but front matter.
 */
export function promptSpan(text: string, span: TextSpan): { span: TextSpan; afterFrontMatter: boolean } {
  const start = promptStart(text);
  if (span.start >= start) return { span, afterFrontMatter: false };
  return { span: { start, end: Math.max(start, span.end) }, afterFrontMatter: true };
}
