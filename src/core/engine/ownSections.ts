/**
 * The sections of a person's already structured prompt that a rewrite can carry into another style: the
 * top-level headings of the style the prompt is written in, where each one's body ends, and (for XML) its
 * closing tag. Built from the sections the analysis already found, in one pass over the lines.
 *
 * Left alone (kept as the person wrote them): headings inside code fences, nested ones, labels that are
 * indented or bulleted (fields of a section, not sections), names that repeat (Input:/Output: pairs are
 * worked examples), an XML tag nothing closes (it reads as a template variable) and a closing cue.
 */
import type { Section } from '../analysis/sections';
import type { RenderStyle } from './render';
import type { SectionKey } from './strategies';

/** One top-level section of the person's prompt. */
export interface OwnSection {
  /** The analysis's view of it (name, whether anything stands under it). */
  section: Section;
  /** Line index of its heading (the opening tag, for XML). */
  heading: number;
  /** One past its last line with text; heading + 1 when nothing stands under it. */
  bodyEnd: number;
  /** XML only: line index of its closing tag. */
  close?: number;
  /** Its name as the person wrote it, without markup ("Output Format"); from a tag, "Output format". */
  title: string;
  /** Markdown only: how many # the heading has. */
  level?: number;
  /** A label's text after its colon ("Task: Write X" → "Write X"), which belongs to the body. */
  inlineBody?: string;
}

/** Names under which a person may already have a heading for a section. */
export const HEADING_NAMES: Record<SectionKey, readonly string[]> = {
  role: ['role', 'persona'],
  context: ['context', 'background'],
  audience: ['audience', 'audience and tone', 'tone'],
  task: ['task'],
  input: ['input', 'data'],
  reasoning: ['reasoning'],
  steps: ['steps', 'approach', 'plan'],
  deliverables: ['deliverables', 'deliverable'],
  outputFormat: ['output format', 'format', 'output'],
  constraints: ['constraints', 'requirements', 'rules'],
  successCriteria: ['success criteria'],
  questions: ['missing information', 'questions'],
};

// The names the engine itself gives sections ("Missing information") count as sections like rubric ones.
const SECTION_NAMES = new Set(Object.values(HEADING_NAMES).flat());

/** The analysis's kind of heading for each style. */
const HEADING_KIND: Record<RenderStyle, Section['kind']> = { markdown: 'markdown', xml: 'xml', compact: 'label' };

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;

/** The index of the line starting at `offset` (binary search over sorted line starts), or -1. */
export function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = lineStarts[mid]!;
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** Strips bold or underline markers around a name and a colon after it ("**Task:**" → "Task"). */
function bareName(raw: string): string {
  let name = raw.trim();
  for (const marker of ['**', '__']) if (name.startsWith(marker) && name.endsWith(marker) && name.length > 4) name = name.slice(2, -2).trim();
  return name.endsWith(':') ? name.slice(0, -1).trimEnd() : name;
}

function markdownHeading(line: string): { level: number; title: string } {
  const text = withoutCr(line).trimStart();
  let level = 0;
  while (text[level] === '#') level += 1;
  let rest = text.slice(level).trim();
  // An ATX heading may close with its own run of # ("## Task ##").
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end -= 1;
  if (end < rest.length && (end === 0 || rest[end - 1] === ' ')) rest = rest.slice(0, end).trimEnd();
  return { level, title: bareName(rest) };
}

/** A label at the start of its line ("Task:", "**Task:** Write X"), or undefined when indented or bulleted. */
function columnZeroLabel(line: string): { title: string; inlineBody?: string } | undefined {
  const text = withoutCr(line);
  const first = text[0] ?? ' ';
  if (first !== '*' && !/[\p{L}\p{N}]/u.test(first)) return undefined;
  if (first === '*' && !text.startsWith('**')) return undefined;
  const colon = text.indexOf(':');
  if (colon === -1) return undefined;
  let head = text.slice(0, colon);
  let tail = text.slice(colon + 1);
  if (tail.startsWith('**')) {
    tail = tail.slice(2);
    head += '**';
  }
  const inlineBody = tail.trimStart();
  return inlineBody ? { title: bareName(head), inlineBody } : { title: bareName(head) };
}

/** A tag's name as a title: "output_format" → "Output format". */
function tagTitle(tag: string): string {
  const words = tag.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const tagOfLine = (line: string): string => withoutCr(line).trim().slice(1, -1);

function isCloseTag(line: string): boolean {
  const text = withoutCr(line).trim();
  return text.startsWith('</') && text.endsWith('>');
}

const isBlank = (line: string): boolean => line.trim() === '';

/** One past the last line with text in lines [from, to), or `from` when there is none. */
function lastTextEnd(lines: readonly string[], from: number, to: number): number {
  let end = to;
  while (end > from && isBlank(lines[end - 1]!)) end -= 1;
  return end;
}

// A list item or an indented line goes on with the field above it.
const CONTINUATION = /^(?:[ \t]+\S|[-*•+][ \t]|\d{1,3}[.)][ \t])/;

/**
 * Where a label's body ends. A label is a field, not a chapter: "Constraints: a, b" owns its line and the
 * list under it, and "Deliverables:" the paragraph under it (a code fence counts as part of it), but a
 * sentence after them is the person's own and stays outside.
 */
function labelBodyEnd(lines: readonly string[], own: OwnSection, regionEnd: number): number {
  let end = own.heading + 1;
  if (own.inlineBody !== undefined) {
    while (end < regionEnd && CONTINUATION.test(lines[end]!)) end += 1;
    return end;
  }
  while (end < regionEnd && isBlank(lines[end]!)) end += 1;
  if (end === regionEnd) return own.heading + 1;
  let inFence = false;
  for (; end < regionEnd && (inFence || !isBlank(lines[end]!)); end += 1) if (FENCE.test(lines[end]!)) inFence = !inFence;
  return lastTextEnd(lines, own.heading + 1, end);
}

/**
 * The top-level sections of a prompt written in `style`, in order. `lines` are the prompt's lines (split
 * on \n), `lineStarts` their offsets, `sections` the analysis's sections; `cueLine` is the index of a
 * closing cue that must stay as it is, or -1.
 */
export function ownSections(lines: readonly string[], lineStarts: readonly number[], sections: readonly Section[], style: RenderStyle, cueLine: number): OwnSection[] {
  const kind = HEADING_KIND[style];
  const byLine = new Map<number, Section>();
  for (const section of sections) {
    if (section.kind !== kind) continue;
    const line = lineIndexAt(lineStarts, section.span.start);
    if (line >= 0 && line !== cueLine) byLine.set(line, section);
  }
  if (byLine.size === 0) return [];

  // Boundaries end the section above them; only those that qualify become sections of their own.
  const boundaries: { line: number; own?: OwnSection }[] = [];
  let inFence = false;
  let minLevel = Infinity;
  const openTags: { tag: string; line: number }[] = [];
  lines.forEach((line, index) => {
    if (FENCE.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    if (index === cueLine) {
      boundaries.push({ line: index });
      return;
    }
    const section = byLine.get(index);
    if (kind === 'xml') {
      if (section) openTags.push({ tag: tagOfLine(line), line: index });
      else if (openTags.length > 0 && isCloseTag(line)) closeTag(tagOfLine(line).slice(1), index);
      return;
    }
    if (!section) return;
    if (kind === 'markdown') {
      const { level, title } = markdownHeading(line);
      if (section.rubric) minLevel = Math.min(minLevel, level);
      boundaries.push({ line: index, own: { section, heading: index, bodyEnd: index + 1, title, level } });
      return;
    }
    const label = columnZeroLabel(line);
    if (label) boundaries.push({ line: index, own: { section, heading: index, bodyEnd: index + 1, ...label } });
  });

  function closeTag(tag: string, index: number): void {
    let at = openTags.length - 1;
    while (at >= 0 && openTags[at]!.tag !== tag) at -= 1;
    if (at === -1) return;
    const open = openTags[at]!;
    openTags.length = at;
    if (at === 0) boundaries.push({ line: open.line, own: { section: byLine.get(open.line)!, heading: open.line, bodyEnd: open.line + 1, close: index, title: tagTitle(open.tag) } });
  }

  // Markdown: every heading at the top level ends the section above, whatever its name. Labels: only
  // those that become sections, since "Name: Bob" under "Input:" is a field of the input.
  const nameCounts = new Map<string, number>();
  for (const { own } of boundaries) if (own && (kind !== 'markdown' || own.level === minLevel)) nameCounts.set(own.section.name, (nameCounts.get(own.section.name) ?? 0) + 1);
  const qualifies = (own: OwnSection): boolean =>
    nameCounts.get(own.section.name) === 1 && (kind === 'markdown' ? own.level === minLevel : own.section.rubric || SECTION_NAMES.has(own.section.name));
  const topLevel = boundaries.filter(({ own }) => !own || (kind === 'markdown' ? own.level! <= minLevel : qualifies(own)));

  const result: OwnSection[] = [];
  topLevel.forEach((boundary, i) => {
    const own = boundary.own;
    if (!own || !qualifies(own)) return;
    const regionEnd = own.close ?? topLevel[i + 1]?.line ?? lines.length;
    result.push({ ...own, bodyEnd: kind === 'label' ? labelBodyEnd(lines, own, regionEnd) : lastTextEnd(lines, own.heading + 1, regionEnd) });
  });
  return result;
}
