/**
 * The layout of a prompt: headings and labelled fields (and whether anything stands under them), lists,
 * delimiters around data, repeated example patterns, and whether the prompt ends with a cue that starts
 * the answer. Line-based and linear in the length of the text.
 */
import type { TextSpan } from '../types';
import { CODE_LEAD_WORDS, RUBRIC_HEADINGS } from '../text/lexicon';
import type { TokenList } from '../text/tokenize';
import { firstNonSpace, forEachLine } from '../text/tokens';

/** A heading (`## Task`, `Task:`, `<task>`) and what stands under it. */
export interface Section {
  /** The heading's name, lower-cased, without markup. */
  name: string;
  kind: 'markdown' | 'label' | 'xml';
  /** Offset of the heading line. */
  span: TextSpan;
  /** Whether the label has text after its colon on the same line. */
  inline: boolean;
  /** Whether any non-heading text follows before the next heading (or the label has inline text). */
  filled: boolean;
  /** Whether the name is one of the usual parts of a prompt (role, task, constraints …). */
  rubric: boolean;
}

/** How a prompt ends, when its last line invites the answer to continue from there. */
export type TrailingCue = 'label' | 'bullet' | 'code' | 'reasoning';

/** Layout facts about a prompt. */
export interface Layout {
  sections: Section[];
  /** Lines that start with a bullet or a number. */
  listItems: number;
  /** Numbered list items (1. 2. …), which read as ordered steps. */
  numberedItems: number;
  /** Data fenced by """ ''' ``` ### --- or an XML element. */
  delimiterPairs: number;
  /** Blocks separated by blank lines. */
  blocks: number;
  /** Words in the longest block that has no line breaks. */
  longestRunOnWords: number;
  /** Complete repetitions of a label pattern (Headline:/Topic: …), i.e. worked examples. */
  exampleRepetitions: number;
  trailingCue?: TrailingCue;
}

const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]+(\S.{0,80})$/;
// The part before a label's colon, once white space, a bullet and bold markers are stripped.
const MARKUP = /[*_`#:]/;
const MARKUP_ALL = /[*_`#:]/g;
const LABEL_NAME = /^[\p{Lu}\p{Lt}][\p{L}\p{N} /&'’()-]{0,38}$/u;
const LABEL_LEAD = /\s{0,8}(?:[-*•]\s+)?(?:\*\*)?/y;
const AFTER_LABEL = /(?:\*\*)?\s/y;
const NON_SPACE = /\S/g;
const XML_OPEN = /^\s*<([a-z_][a-z0-9_-]{0,30})>\s*$/i;
const XML_CLOSE = /^\s*<\/([a-z_][a-z0-9_-]{0,30})>\s*$/i;
const XML_INLINE = /<([a-z_][a-z0-9_-]{0,30})>[^<]*<\/\1>/gi;
const LIST_LEADS = '-*•+0123456789';
const DELIMITER_LEADS = `"'\`~#-=<>`;
const LIST_ITEM = /^\s{0,8}(?:[-*•+]|\d{1,3}[.)])\s+\S/;
const NUMBERED_ITEM = /^\s{0,8}\d{1,3}[.)]\s+\S/;
const BARE_BULLET = /^\s*(?:[-*•+]|\d{1,3}[.)])\s*$/;
const DELIMITER_LINE = /^\s*(?:"""|'''|`{3,}|~{3,}|#{3,}|-{3,}|={3,}|<{3,}|>{3,})/;
const OPEN_ENDING = /\b(?:is|are|was|were|be|the|a|an|of|to|that|with|by|as)\s*$/i;

function headingOf(text: string, start: number, lead: string): Section | undefined {
  const markdown = lead === '#' ? MARKDOWN_HEADING.exec(text) : null;
  if (markdown) return named(text, start, markdown[1]!, 'markdown', false);
  const xml = lead === '<' ? XML_OPEN.exec(text) : null;
  if (xml) return named(text, start, xml[1]!.replace(/[_-]/g, ' '), 'xml', false);
  // A label's colon comes within its first few words; most lines have none there.
  const colon = text.indexOf(':');
  if (colon === -1 || colon > 64) return undefined;
  // "Label:" must be followed by white space or nothing ("http://x" and "12:30" are not labels).
  if (colon + 1 < text.length && !matchesAt(AFTER_LABEL, text, colon + 1)) return undefined;
  const name = labelName(text, colon);
  // A label names a field in at most four words; a longer phrase before a colon is an instruction.
  if (!LABEL_NAME.test(name) || /^https?$/i.test(name) || wordCount(name) > 4) return undefined;
  // Text after the colon (past any closing "**") makes the label a filled, inline field.
  return named(text, start, name, 'label', matchesAt(NON_SPACE, text, text.startsWith('**', colon + 1) ? colon + 3 : colon + 1));
}

/** The part of a label line before its colon, without the white space, bullet and bold markers around it. */
function labelName(text: string, colon: number): string {
  LABEL_LEAD.lastIndex = 0;
  const start = LABEL_LEAD.test(text) ? LABEL_LEAD.lastIndex : 0;
  let end = colon;
  if (end - start >= 2 && text.startsWith('**', end - 2)) end -= 2;
  if (end > start && text.charCodeAt(end - 1) === 32) end -= 1;
  return text.slice(start, end);
}

/** Whether a sticky pattern matches at `at` (for a global one: anywhere from `at` on). */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** The number of words in a name, separated by spaces. */
function wordCount(name: string): number {
  let words = 0;
  for (let i = 0; i < name.length; i += 1) if (name.charCodeAt(i) !== 32 && (i === 0 || name.charCodeAt(i - 1) === 32)) words += 1;
  return words;
}

function named(line: string, start: number, raw: string, kind: Section['kind'], inline: boolean): Section {
  const name = (MARKUP.test(raw) ? raw.replace(MARKUP_ALL, '') : raw).trim().toLowerCase();
  const rubric = RUBRIC_HEADINGS.has(name) || (name.includes(' ') && name.split(' ').some((word) => RUBRIC_HEADINGS.has(word)));
  return { name, kind, inline, rubric, span: { start, end: start + line.length }, filled: inline };
}

/** Counts complete repetitions of a sequence of labels, e.g. Headline:/Topic: pairs given as examples. */
function exampleRepetitions(labels: string[]): number {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count >= 2);
  if (repeated.length === 0) return 0;
  // The pattern repeats as often as its least frequent label; the last, open instance is the query.
  return Math.min(...repeated) - 1;
}

/** How the prompt ends, from its last line that is not blank (and where that line starts). */
function trailingCueOf(lastLine: string | undefined, lastStart: number, sections: Section[]): TrailingCue | undefined {
  if (lastLine === undefined) return undefined;
  const text = lastLine.trim();
  if (BARE_BULLET.test(text)) return 'bullet';
  if (CODE_LEAD_WORDS.has(text.toLowerCase())) return 'code';
  const lastSection = sections.at(-1);
  if (lastSection?.span.start === lastStart && lastSection.kind === 'label') {
    if (!lastSection.inline) return lastSection.rubric && sections.length > 2 ? undefined : 'label';
    if (/step[- ]by[- ]step|think|reason/i.test(text)) return 'reasoning';
    // "A: The answer is" stops mid-sentence: the answer is meant to continue it.
    if (OPEN_ENDING.test(text)) return 'label';
  }
  return undefined;
}

/** Reads the layout of a prompt from its lines, one at a time, and its word tokens. */
export function analyzeLayout(prompt: string, tokens: TokenList): Layout {
  const sections: Section[] = [];
  const labelSequence: string[] = [];
  let listItems = 0;
  let numberedItems = 0;
  let delimiterLines = 0;
  let inlineXml = 0;
  let blocks = 0;
  let inBlock = false;
  let longestRunOnWords = 0;
  let openXml = 0;
  let xmlPairs = 0;
  let current: Section | undefined;
  let lastLine: string | undefined;
  let lastStart = -1;
  let nextToken = 0;

  forEachLine(prompt, (text, start) => {
    if (text.includes('</')) inlineXml += text.match(XML_INLINE)?.length ?? 0;
    const leadAt = firstNonSpace(text);
    if (leadAt === -1) {
      inBlock = false;
      return;
    }
    lastLine = text;
    lastStart = start;
    const lead = text[leadAt]!;
    if (!inBlock) blocks += 1;
    inBlock = true;

    if (lead === '<' && XML_CLOSE.test(text)) {
      if (openXml > 0) {
        openXml -= 1;
        xmlPairs += 1;
      }
      return;
    }
    const heading = headingOf(text, start, lead);
    // "- Salary: 80k" under "Offer:" is content of the heading above it, as well as a field of its own.
    if (heading?.inline && current) current.filled = true;
    if (heading) {
      current = heading;
      sections.push(current);
      if (heading.kind === 'label') labelSequence.push(heading.name);
      if (heading.kind === 'xml') openXml += 1;
      return;
    }
    if (current) current.filled = true;
    if (LIST_LEADS.includes(lead) && LIST_ITEM.test(text)) {
      listItems += 1;
      if (NUMBERED_ITEM.test(text)) numberedItems += 1;
    }
    if (DELIMITER_LEADS.includes(lead) && DELIMITER_LINE.test(text)) delimiterLines += 1;
    const end = start + text.length;
    while (nextToken < tokens.length && tokens.start(nextToken) < start) nextToken += 1;
    let words = 0;
    while (nextToken < tokens.length && tokens.start(nextToken) < end) {
      words += 1;
      nextToken += 1;
    }
    longestRunOnWords = Math.max(longestRunOnWords, words);
  });

  return {
    sections,
    listItems,
    numberedItems,
    delimiterPairs: Math.floor(delimiterLines / 2) + xmlPairs + inlineXml,
    blocks,
    longestRunOnWords,
    exampleRepetitions: exampleRepetitions(labelSequence),
    trailingCue: trailingCueOf(lastLine, lastStart, sections),
  };
}
