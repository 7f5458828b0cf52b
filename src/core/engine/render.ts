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

/** The lines of one section and the strategy that wrote it (none for the user's task). */
export interface SectionBody {
  key: SectionKey;
  lines: RenderedLine[];
  strategy?: StrategyId;
}

/** The sections of a rewrite, in SECTION_ORDER: the original as the task, then each addition's lines. */
export function sectionBodies(original: string, additions: AttributedAddition[], taskLast: boolean): SectionBody[] {
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

/** Renders sections in one style, each with its heading, tag or label. */
export function renderBodies(bodies: SectionBody[], style: RenderStyle, taskLast: boolean): RenderedLine[] {
  switch (style) {
    case 'markdown':
      return renderMarkdown(bodies);
    case 'xml':
      return renderXml(bodies, taskLast);
    case 'compact':
      return renderCompact(bodies);
  }
}

/** Renders the whole prompt in one style; the original becomes the task section. */
export function renderPrompt(
  original: string,
  additions: AttributedAddition[],
  style: RenderStyle,
  taskLast: boolean,
): RenderedLine[] {
  return renderBodies(sectionBodies(original, additions, taskLast), style, taskLast);
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
