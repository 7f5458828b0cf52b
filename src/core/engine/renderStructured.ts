/**
 * Renders a prompt that already has sections: in its own layout, with the new parts added in its style,
 * or restyled, with the person's headings rewritten in another style (`## Constraints` ↔
 * `<constraints>…</constraints>` ↔ `Constraints:`) and everything under them kept verbatim.
 *
 * NOTE: kept apart from render.ts, which builds a rewrite from scratch around the original as the task;
 * here the person's text is the frame, and only their heading syntax may change. The layout is read once
 * (readOwnLayout) and where each new part goes is decided once (placeAdditions), then each style is one
 * pass over the lines.
 */
import type { Section } from '../analysis/sections';
import type { StrategyId } from '../types';
import type { OwnSection } from './ownSections';
import { HEADING_NAMES, lineIndexAt, ownSections } from './ownSections';
import type { AttributedAddition, RenderedLine, RenderStyle, SectionBody } from './render';
import { renderBodies, sectionBodies } from './render';

/**
 * The id credited with a restyle: the explanation bullet and every hunk that rewrites a heading, adds or
 * removes a closing tag or a separator. It is not one of STRATEGIES (it adds nothing and the learning
 * loop's selector never sees it), but it is counted like one, so the workspace's statistics show how
 * often people keep a restyle.
 */
export const RESTYLE_STRATEGY: StrategyId = 'restyle-headings';

/** A structured prompt read once for all its renderings. */
export interface OwnLayout {
  /** The prompt's lines, without its trailing newlines. */
  lines: string[];
  lineStarts: number[];
  sections: readonly Section[];
  /** The style the prompt is written in. */
  style: RenderStyle;
  /** The top-level sections a restyle rewrites. */
  own: OwnSection[];
  /** The prompt ends in a cue: new parts go before it and nothing may follow it. */
  taskLast: boolean;
}

/** Where the new parts go: into the person's sections where they have one, after (or before) the rest. */
export interface Placement {
  /** Lines for an empty heading the person left, by the heading's line index. */
  fills: Map<number, RenderedLine[]>;
  /** Lines added at the end of a person's section of the same kind, by the index they go before. */
  merges: Map<number, RenderedLine[]>;
  /** Sections the prompt has no heading for, rendered in the chosen style. */
  remaining: SectionBody[];
}

/** One rendering of a structured prompt. */
export interface StructuredRendering {
  lines: RenderedLine[];
  /** Line indexes of the original whose heading syntax the rendering rewrote or removed. */
  restyledLines: Set<number>;
}

/** Reads a structured prompt's lines and top-level sections. */
export function readOwnLayout(original: string, sections: readonly Section[], style: RenderStyle, taskLast: boolean): OwnLayout {
  const lines = original.replace(/\n+$/, '').split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  let cueLine = taskLast ? lines.length - 1 : -1;
  while (cueLine > 0 && lines[cueLine]!.trim() === '') cueLine -= 1;
  return { lines, lineStarts, sections, style, own: ownSections(lines, lineStarts, sections, style, cueLine), taskLast };
}

const pushAt = (map: Map<number, RenderedLine[]>, at: number, lines: readonly RenderedLine[]): void => {
  const list = map.get(at);
  if (list) list.push(...lines);
  else map.set(at, [...lines]);
};

/**
 * Decides where each addition goes. An empty heading the person left ("Constraints:") is filled in place;
 * a part the person already has a section for (a length rule when they have "## Constraints") goes at the
 * end of that section, so no section appears twice; anything else is a new section.
 */
export function placeAdditions(layout: OwnLayout, additions: AttributedAddition[]): Placement {
  const placement: Placement = { fills: new Map(), merges: new Map(), remaining: [] };
  for (const body of sectionBodies('', additions, false).filter((b) => b.key !== 'task')) {
    const names = HEADING_NAMES[body.key];
    const empty = layout.sections.find((s) => !s.filled && names.includes(s.name));
    const line = empty ? lineIndexAt(layout.lineStarts, empty.span.start) : -1;
    const theirs = layout.own.find((own) => own.section.filled && names.includes(own.section.name));
    if (line >= 0 && !placement.fills.has(line)) placement.fills.set(line, body.lines);
    else if (theirs) pushAt(placement.merges, theirs.bodyEnd, body.lines);
    else placement.remaining.push(body);
  }
  return placement;
}

const LABEL_TITLE = /^[\p{Lu}\p{Lt}][\p{L}\p{N} /&'’()-]{0,38}$/u;
const TAG_TITLE = /^[a-z][a-z '’&()/-]{0,38}$/;

/** The heading line(s) for a section in `style`, or undefined when its name cannot be written that way. */
function headingIn(own: OwnSection, style: RenderStyle): { open: string; close?: string } | undefined {
  const { title } = own;
  if (title === '') return undefined;
  switch (style) {
    case 'markdown':
      return { open: `${'#'.repeat(own.level ?? 2)} ${title}` };
    case 'xml': {
      // A tag holds only letters and _: a name with a digit or a quote would lose it.
      const lower = title.toLowerCase();
      if (!TAG_TITLE.test(lower)) return undefined;
      const tag = lower.replace(/[^a-z]+/g, '_').replace(/^_|_$/g, '');
      return tag === '' || tag.length > 31 ? undefined : { open: `<${tag}>`, close: `</${tag}>` };
    }
    case 'compact': {
      const label = title.charAt(0).toUpperCase() + title.slice(1);
      return LABEL_TITLE.test(label) && label.split(' ').length <= 4 ? { open: `${label}:` } : undefined;
    }
  }
}

/**
 * Renders the prompt in `style`: its own layout when that is the prompt's style, otherwise restyled.
 * The person's lines carry no strategy; new parts carry theirs; rewritten headings, the closing tags and
 * separators a restyle adds carry RESTYLE_STRATEGY.
 */
export function renderStructured(layout: OwnLayout, placement: Placement, style: RenderStyle): StructuredRendering {
  const { lines } = layout;
  const headings = new Map<number, { own: OwnSection; open: string }>();
  const closes = new Map<number, RenderedLine[]>();
  const restyledLines = new Set<number>();
  if (style !== layout.style) {
    for (const own of layout.own) {
      const heading = headingIn(own, style);
      if (!heading) continue;
      const cr = lines[own.heading]!.endsWith('\r') ? '\r' : '';
      headings.set(own.heading, { own, open: heading.open + cr });
      restyledLines.add(own.heading);
      if (heading.close) pushAt(closes, own.bodyEnd, [{ text: heading.close + cr, strategy: RESTYLE_STRATEGY }]);
      if (own.close !== undefined && !heading.close) restyledLines.add(own.close);
    }
  }
  const separated = style !== 'compact';
  const out: RenderedLine[] = [];
  lines.forEach((text, index) => {
    const heading = headings.get(index);
    if (heading) {
      const cr = text.endsWith('\r') ? '\r' : '';
      if (separated && out.length > 0 && out.at(-1)!.text.trim() !== '') out.push({ text: cr, strategy: RESTYLE_STRATEGY });
      out.push({ text: heading.open, strategy: RESTYLE_STRATEGY });
      if (heading.own.inlineBody !== undefined) out.push({ text: heading.own.inlineBody + cr });
    } else if (!restyledLines.has(index)) {
      // The person's text right after an added closing tag is set off from the element by a blank line.
      const previous = out.at(-1);
      if (previous?.strategy === RESTYLE_STRATEGY && previous.text.startsWith('</') && text.trim() !== '') out.push({ text: '', strategy: RESTYLE_STRATEGY });
      out.push({ text });
    }
    out.push(...(placement.fills.get(index) ?? []), ...(placement.merges.get(index + 1) ?? []), ...(closes.get(index + 1) ?? []));
  });
  const { remaining } = placement;
  if (remaining.length === 0) return { lines: out, restyledLines };
  const added = renderBodies(remaining, style, false);
  const gap = { text: '', strategy: remaining[0]!.strategy, section: remaining[0]!.key };
  return { lines: layout.taskLast ? [...added, gap, ...out] : [...out, gap, ...added], restyledLines };
}

const STYLE_NAMES: Record<RenderStyle, string> = {
  markdown: 'markdown headings (## Name)',
  xml: 'XML tags (<name>…</name>)',
  compact: 'labels (Name:)',
};

/** The explanation bullet for a restyle, with the score of the person's own layout when it was judged. */
export function restyleBullet(from: RenderStyle, to: RenderStyle, total: number, ownLayoutTotal: number | undefined): string {
  const scores = ownLayoutTotal === undefined ? '' : ` This rendering scored ${total}/50, your own layout ${ownLayoutTotal}/50.`;
  return `Rewrote your section headings as ${STYLE_NAMES[to]} instead of ${STYLE_NAMES[from]}; the text under them is unchanged.${scores}`;
}
