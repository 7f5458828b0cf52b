/**
 * Renders a prompt's sections as text in one of three styles, remembering which strategy wrote each line
 * so that every diff hunk can name the strategy that made it. The user's text is embedded verbatim.
 */
import type { Section } from '../analysis/sections';
import type { StrategyId } from '../types';
import type { Addition, SectionKey } from './strategies';
import { SECTION_ORDER } from './strategies';

/** The renderings the engine offers as candidates. */
export const RENDER_STYLES = ['markdown', 'xml', 'compact'] as const;

/** One rendering style. */
export type RenderStyle = (typeof RENDER_STYLES)[number];

/** A line of a rendered prompt and the strategy that wrote it (none for the user's own lines). */
export interface RenderedLine {
  text: string;
  strategy?: StrategyId;
  /** The section the line belongs to (headings, tags and separators included), for grouping hunks. */
  section?: SectionKey;
}

/** An addition together with the strategy that made it. */
export interface AttributedAddition extends Addition {
  strategy: StrategyId;
}

const TITLES: Record<SectionKey, string> = {
  role: 'Role',
  context: 'Context',
  audience: 'Audience and tone',
  task: 'Task',
  input: 'Input',
  reasoning: 'Reasoning',
  steps: 'Steps',
  deliverables: 'Deliverables',
  outputFormat: 'Output format',
  constraints: 'Constraints',
  successCriteria: 'Success criteria',
  questions: 'Missing information',
};

const tagOf = (key: SectionKey): string => TITLES[key].toLowerCase().replace(/ /g, '_');

interface SectionBody {
  key: SectionKey;
  lines: RenderedLine[];
  strategy?: StrategyId;
}

function sectionBodies(original: string, additions: AttributedAddition[], taskLast: boolean): SectionBody[] {
  const bodies = new Map<SectionKey, SectionBody>();
  bodies.set('task', { key: 'task', lines: original.split('\n').map((text) => ({ text, section: 'task' as const })) });
  for (const addition of additions) {
    const body = bodies.get(addition.section) ?? { key: addition.section, lines: [], strategy: addition.strategy };
    body.lines.push(...addition.lines.map((text) => ({ text, strategy: addition.strategy, section: addition.section })));
    bodies.set(addition.section, body);
  }
  const order = taskLast ? [...SECTION_ORDER.filter((k) => k !== 'task'), 'task' as const] : SECTION_ORDER;
  return order.flatMap((key) => bodies.get(key) ?? []);
}

function renderMarkdown(bodies: SectionBody[]): RenderedLine[] {
  return bodies.flatMap((body, index) => [
    ...(index > 0 ? [{ text: '', strategy: body.strategy, section: body.key }] : []),
    { text: `## ${TITLES[body.key]}`, strategy: body.strategy, section: body.key },
    ...body.lines,
  ]);
}

function renderXml(bodies: SectionBody[], taskLast: boolean): RenderedLine[] {
  // A prompt that ends in a cue must end with it: no closing tag may follow the user's last line.
  const task = taskLast ? bodies.find((body) => body.key === 'task') : undefined;
  const tagged = bodies.filter((body) => body !== task);
  const lines = tagged.flatMap((body, index) => [
    ...(index > 0 ? [{ text: '', strategy: body.strategy, section: body.key }] : []),
    { text: `<${tagOf(body.key)}>`, strategy: body.strategy, section: body.key },
    ...body.lines,
    { text: `</${tagOf(body.key)}>`, strategy: body.strategy, section: body.key },
  ]);
  return task ? [...lines, { text: '', section: 'task' }, ...task.lines] : lines;
}

function renderCompact(bodies: SectionBody[]): RenderedLine[] {
  return bodies.flatMap((body) => {
    // The role and the missing-information policy read as sentences, and audience lines carry their own
    // labels; everything else gets a label.
    if (body.key === 'role' || body.key === 'questions' || body.key === 'audience') return body.lines;
    const title = TITLES[body.key];
    if (body.lines.length === 1 && body.key !== 'input') {
      return [{ ...body.lines[0]!, text: `${title}: ${body.lines[0]!.text.replace(/^- /, '')}` }];
    }
    return [{ text: `${title}:`, strategy: body.strategy, section: body.key }, ...body.lines];
  });
}

/** Renders the whole prompt in one style; the original becomes the task section. */
export function renderPrompt(
  original: string,
  additions: AttributedAddition[],
  style: RenderStyle,
  taskLast: boolean,
): RenderedLine[] {
  const bodies = sectionBodies(original, additions, taskLast);
  switch (style) {
    case 'markdown':
      return renderMarkdown(bodies);
    case 'xml':
      return renderXml(bodies, taskLast);
    case 'compact':
      return renderCompact(bodies);
  }
}

/** The style an already structured prompt is written in, or undefined when it has no rubric sections. */
export function existingStyle(sections: Section[]): RenderStyle | undefined {
  const rubric = sections.filter((s) => s.rubric);
  if (rubric.length < 2) return undefined;
  const count = (kind: Section['kind']): number => rubric.filter((s) => s.kind === kind).length;
  const markdown = count('markdown');
  const xml = count('xml');
  const labels = count('label');
  if (markdown >= xml && markdown >= labels) return 'markdown';
  return xml >= labels ? 'xml' : 'compact';
}

/** The index of the line starting at `offset` (binary search over sorted line starts), or -1. */
function lineIndexAt(lineStarts: readonly number[], offset: number): number {
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

/** Names under which a person may already have an (empty) heading for a section. */
const HEADING_NAMES: Record<SectionKey, readonly string[]> = {
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

/**
 * Adds sections to a prompt that is already structured, in its own style, without re-rendering it:
 * the person's layout is theirs. An empty heading the person left ("Constraints:") is filled in place;
 * other new sections go after the prompt (before it when the prompt ends in a cue).
 */
export function appendSections(
  original: string,
  additions: AttributedAddition[],
  style: RenderStyle,
  taskLast: boolean,
  sections: readonly Section[] = [],
): RenderedLine[] {
  const own: RenderedLine[] = original.replace(/\n+$/, '').split('\n').map((text) => ({ text }));
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of own) {
    lineStarts.push(offset);
    offset += line.text.length + 1;
  }
  const remaining: SectionBody[] = [];
  const fills = new Map<number, RenderedLine[]>();
  for (const body of sectionBodies('', additions, false).filter((b) => b.key !== 'task')) {
    const empty = sections.find((s) => !s.filled && HEADING_NAMES[body.key].includes(s.name));
    const line = empty ? lineIndexAt(lineStarts, empty.span.start) : -1;
    if (line >= 0 && !fills.has(line)) fills.set(line, body.lines);
    else remaining.push(body);
  }
  const filled = own.flatMap((line, i) => [line, ...(fills.get(i) ?? [])]);
  if (remaining.length === 0) return filled;
  const rendered = style === 'compact' ? renderCompact(remaining) : style === 'xml' ? renderXml(remaining, false) : renderMarkdown(remaining);
  const gap = { text: '', strategy: remaining[0]!.strategy, section: remaining[0]!.key };
  return taskLast ? [...rendered, { ...gap }, ...filled] : [...filled, gap, ...rendered];
}
