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

/** An XML element whose closing tag has not come yet. */
interface OpenTag {
  name: string;
  /** Whether its name says it holds material rather than a part of the instructions. */
  namesMaterial: boolean;
  /** What stands directly in it so far: nothing, only slots for material, or anything else. */
  body: 'empty' | 'slot' | 'other';
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
  /**
   * Data fenced by """ ''' ``` ### --- lines, or by an XML element that holds material or a slot for it
   * (`<email>…</email>`, `<input>{{text}}</input>`); an element that holds a part of the instructions
   * (`<task>…</task>`) is a section, not a fence.
   */
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
const XML_INLINE = /<([a-z_][a-z0-9_-]{0,30})>([^<]*)<\/\1>/gi;
// A slot for material and nothing else: {{x}}, ${x}, {x} or [paste it here], in the forms templateTokens
// reads as variables ("{"a": 1}" is JSON, "[1]" a citation). Bounded classes, so linear.
const SLOT = /^\s*(?:\{\{[^{}\n]{1,80}\}\}|\$\{[^{}\n]{1,80}\}|\{[\p{L}_][^{}\n"':;]{0,60}\}|\[\p{L}[^[\]\n]{0,59}\])\s*$/u;
const SLOT_LEADS = '{[$';
const NON_SPACE_ANYWHERE = /\S/;
// Rubric words that name the material itself rather than a part of the instructions ("notes" are most
// often meeting notes handed over to work on).
const MATERIAL_WORDS: ReadonlySet<string> = new Set(['input', 'inputs', 'data', 'notes']);
// The last word of a tag's name says what the element holds: "output_format" is a format, "user_input"
// an input. "reasoning" and "missing information" are parts of the instructions the engine itself writes.
const INSTRUCTION_HEADS: ReadonlySet<string> = new Set([...RUBRIC_HEADINGS, 'reasoning'].filter((word) => !MATERIAL_WORDS.has(word)));
const INSTRUCTION_NAMES: ReadonlySet<string> = new Set(['missing information']);
const LIST_LEADS = '-*•+0123456789';
const DELIMITER_LEADS = `"'\`~#-=<>`;
const LIST_ITEM = /^\s{0,8}(?:[-*•+]|\d{1,3}[.)])\s+\S/;
const NUMBERED_ITEM = /^\s{0,8}\d{1,3}[.)]\s+\S/;
const BARE_BULLET = /^\s*(?:[-*•+]|\d{1,3}[.)])\s*$/;
const DELIMITER_LINE = /^\s*(?:"""|'''|`{3,}|~{3,}|#{3,}|-{3,}|={3,}|<{3,}|>{3,})/;
const OPEN_ENDING = /\b(?:is|are|was|were|be|the|a|an|of|to|that|with|by|as)\s*$/i;

/** A tag's name as a section name: "Output_Format" → "output format". */
const tagName = (tag: string): string => tag.replace(/[_-]/g, ' ').trim().toLowerCase();

/** Whether a section of this name (a tag's, lower-cased) holds a part of the instructions, not material. */
export function holdsInstructions(name: string): boolean {
  return INSTRUCTION_HEADS.has(name.slice(name.lastIndexOf(' ') + 1)) || INSTRUCTION_NAMES.has(name);
}

/**
 * How many `<name>…</name>` pairs on one line fence material: something stands between the tags (an
 * empty pair names a tag in a sentence, "answer in <answer></answer> tags"), and either the tag does not
 * name a part of the instructions or what it holds is only a slot.
 */
function inlineDataPairs(line: string): number {
  let pairs = 0;
  XML_INLINE.lastIndex = 0;
  for (let match = XML_INLINE.exec(line); match; match = XML_INLINE.exec(line)) {
    const body = match[2]!;
    if (NON_SPACE_ANYWHERE.test(body) && (!holdsInstructions(tagName(match[1]!)) || SLOT.test(body))) pairs += 1;
  }
  return pairs;
}

function headingOf(text: string, start: number, lead: string): Section | undefined {
  const markdown = lead === '#' ? MARKDOWN_HEADING.exec(text) : null;
  if (markdown) return named(text, start, markdown[1]!, 'markdown', false);
  const xml = lead === '<' ? XML_OPEN.exec(text) : null;
  if (xml) return named(text, start, tagName(xml[1]!), 'xml', false);
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
  const openTags: OpenTag[] = [];
  // How many elements of each name are open, so a closing tag nothing opened is dismissed at once.
  const openCounts = new Map<string, number>();
  let xmlDataPairs = 0;
  let current: Section | undefined;
  let lastLine: string | undefined;
  let lastStart = -1;
  let nextToken = 0;

  forEachLine(prompt, (text, start) => {
    if (text.includes('</')) inlineXml += inlineDataPairs(text);
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

    const close = lead === '<' ? XML_CLOSE.exec(text) : null;
    if (close) {
      // Closes the innermost open element of its name; elements opened inside it and never closed
      // (a <notes> placeholder) close with it.
      const name = tagName(close[1]!);
      if ((openCounts.get(name) ?? 0) === 0) return;
      let tag: OpenTag;
      do {
        tag = openTags.pop()!;
        openCounts.set(tag.name, openCounts.get(tag.name)! - 1);
      } while (tag.name !== name);
      if (tag.namesMaterial || tag.body === 'slot') xmlDataPairs += 1;
      return;
    }
    // An element that holds nothing but a slot fences material whatever its name
    // ("<context>\n{{retrieved_documents}}\n</context>"); one that also holds instructions does not.
    const innermost = openTags.at(-1);
    if (innermost && innermost.body !== 'other') innermost.body = SLOT_LEADS.includes(lead) && SLOT.test(text) ? 'slot' : 'other';
    const heading = headingOf(text, start, lead);
    // "- Salary: 80k" under "Offer:" is content of the heading above it, as well as a field of its own.
    if (heading?.inline && current) current.filled = true;
    if (heading) {
      current = heading;
      sections.push(current);
      if (heading.kind === 'label') labelSequence.push(heading.name);
      if (heading.kind === 'xml') {
        openTags.push({ name: heading.name, namesMaterial: !holdsInstructions(heading.name), body: 'empty' });
        openCounts.set(heading.name, (openCounts.get(heading.name) ?? 0) + 1);
      }
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
    delimiterPairs: Math.floor(delimiterLines / 2) + xmlDataPairs + inlineXml,
    blocks,
    longestRunOnWords,
    exampleRepetitions: exampleRepetitions(labelSequence),
    trailingCue: trailingCueOf(lastLine, lastStart, sections),
  };
}
