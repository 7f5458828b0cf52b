/**
 * Rewrite strategies: small pure functions that each add one missing part of a strong prompt. A strategy
 * applies only when the part is missing, so improving an improved prompt adds nothing twice, and none of
 * them touches the user's own words.
 */
import type { PromptFeatures } from '../analysis/promptFeatures';
import type { StrategyId } from '../types';
import type { DomainProfile } from './domain';

/** Parts of a prompt, in the order they are rendered. */
export const SECTION_ORDER = [
  'role',
  'context',
  'audience',
  'task',
  'input',
  'reasoning',
  'steps',
  'deliverables',
  'outputFormat',
  'constraints',
  'successCriteria',
  'questions',
] as const;

/** One part of a prompt. */
export type SectionKey = (typeof SECTION_ORDER)[number];

/** What a strategy reads. */
export interface StrategyContext {
  original: string;
  features: PromptFeatures;
  profile: DomainProfile;
  /** True when the prompt ends with a cue the answer continues from (the original must stay last). */
  completionStyle: boolean;
}

/** What a strategy adds: lines for one section. */
export interface Addition {
  section: SectionKey;
  lines: string[];
}

/** A rewrite strategy. */
export interface Strategy {
  id: StrategyId;
  applies(context: StrategyContext): boolean;
  apply(context: StrategyContext): Addition;
  /** The explanation bullet a person reads: what was added and why it helps. */
  bullet(context: StrategyContext): string;
}

/** Whether a filled section is named `name` or starts with `name` and a space ("context and goal"). */
function hasSection(f: PromptFeatures, ...names: string[]): boolean {
  // NOTE: the prefixes are made once per call, not once per section: a 100 KB prompt of 12,500 "Role:"
  // lines made a string per line per name, for each strategy.
  const prefixes = names.map((name) => `${name} `);
  return f.layout.sections.some((s) => s.filled && names.some((name, k) => s.name === name || s.name.startsWith(prefixes[k]!)));
}

const TEXT_VERBS = /\b(?:summari[sz]e|translate|proofread|extract|classify|review|fix|refactor|explain|rewrite|edit|analy[sz]e|what does)\b/i;
const VAGUE_LENGTH = /\b(?:short|shorter|brief|briefly|concise|a few (?:sentences|words|lines|paragraphs)|not too (?:long|much)|too descriptive)\b/i;

// Numbers that are quantities, not list markers ("1.") at the start of a line.
const QUANTITY_NUMBER = /(?<![\d.])(?<!^\s*)\d+(?:[.,]\d+)?(?![.)]\s)/gm;

const isReasoningProblem = (c: StrategyContext): boolean =>
  c.profile.id === 'math' || (c.features.questions > 0 && (c.original.match(QUANTITY_NUMBER)?.length ?? 0) >= 3);

/** Every strategy, in the order their bullets are listed. */
export const STRATEGIES: readonly Strategy[] = [
  {
    id: 'add-role',
    applies: (c) => !c.features.role,
    apply: (c) => ({ section: 'role', lines: [c.profile.role] }),
    bullet: (c) => `Added a role that fits the ${c.profile.id === 'general' ? 'request' : `${c.profile.label ?? c.profile.id} task`}, so the answer takes the right expertise and voice.`,
  },
  {
    id: 'add-context',
    applies: (c) => Boolean(c.profile.context) && c.features.contextStatements === 0 && !hasSection(c.features, 'context', 'background') && !c.completionStyle,
    apply: (c) => ({ section: 'context', lines: [c.profile.context] }),
    bullet: () => 'Added a context line with slots for who it is for and what it will be used for: background changes what a good answer is.',
  },
  {
    id: 'add-audience',
    applies: (c) => (Boolean(c.profile.audience) && !c.features.audience) || (Boolean(c.profile.tone) && !c.features.tone),
    apply: (c) => ({
      section: 'audience',
      lines: [...(!c.features.audience && c.profile.audience ? [c.profile.audience] : []), ...(!c.features.tone && c.profile.tone ? [c.profile.tone] : [])],
    }),
    bullet: (c) => `Named the ${[!c.features.audience && c.profile.audience ? 'audience' : '', !c.features.tone && c.profile.tone ? 'tone' : ''].filter(Boolean).join(' and ')}, which decide vocabulary, length and register.`,
  },
  {
    id: 'add-input-slot',
    applies: (c) => !c.features.inputData && !c.completionStyle && (Boolean(c.features.ambiguousReference) || ((TEXT_VERBS.test(c.original) || Boolean(c.profile.needsMaterial)) && c.features.words < 40)),
    apply: (c) => ({ section: 'input', lines: ['"""', c.profile.inputSlot, '"""'] }),
    bullet: (c) => c.features.ambiguousReference
      ? `"${c.features.ambiguousReference.text}" pointed at nothing in the prompt: added a delimited slot for the material it refers to.`
      : 'Added a delimited slot for the material to work on, so it cannot be mistaken for instructions.',
  },
  {
    id: 'add-reasoning',
    applies: (c) => !c.features.reasoning && isReasoningProblem(c),
    apply: () => ({ section: 'reasoning', lines: ['Work through the problem step by step, then give the final answer on its own line.'] }),
    bullet: () => 'Asked for step-by-step reasoning before the answer, which makes multi-step calculations far more reliable.',
  },
  {
    id: 'add-steps',
    applies: (c) => c.features.stepMarkers < 2 && !c.features.reasoning && !isReasoningProblem(c) && !c.completionStyle && !hasSection(c.features, 'steps', 'approach', 'plan'),
    apply: (c) => ({ section: 'steps', lines: c.profile.steps.map((step, i) => `${i + 1}. ${step}.`) }),
    bullet: () => 'Laid out the approach as ordered steps, so the work is done in a checkable order.',
  },
  {
    id: 'add-deliverables',
    applies: (c) => !hasSection(c.features, 'deliverables', 'deliverable', 'output', 'outputs') && c.features.layout.listItems < 2 && !c.completionStyle,
    apply: (c) => ({ section: 'deliverables', lines: c.profile.deliverables.map((item) => `- ${item}`) }),
    bullet: (c) => `Listed the deliverables a ${c.profile.id === 'general' ? 'complete' : (c.profile.label ?? c.profile.id)} answer needs, so nothing expected is left out.`,
  },
  {
    id: 'add-output-format',
    applies: (c) => !c.features.outputFormat && !c.completionStyle,
    apply: (c) => ({ section: 'outputFormat', lines: [c.profile.outputFormat] }),
    bullet: () => 'Specified the output format, so the answer comes back in a shape you can use directly.',
  },
  {
    id: 'pin-length',
    applies: (c) => VAGUE_LENGTH.test(c.original) && c.features.quantities.length === 0,
    apply: () => ({ section: 'constraints', lines: ['- Length: 3–5 sentences.'] }),
    bullet: () => 'Turned the vague length ("short", "a few") into a measurable one: 3–5 sentences (change the number if you meant otherwise).',
  },
  {
    id: 'add-constraints',
    applies: (c) => c.profile.constraints.length > 0 && c.features.requirements === 0 && c.features.negatives === 0 && !hasSection(c.features, 'constraints', 'requirements', 'rules') && !c.completionStyle,
    // A length the prompt already pins down (or that pin-length adds) is not asked for again.
    apply: (c) => ({
      section: 'constraints',
      lines: c.profile.constraints.filter((item) => !(item.startsWith('Length') && VAGUE_LENGTH.test(c.original))).map((item) => `- ${item}`),
    }),
    bullet: () => 'Added constraint slots (versions, limits, must-haves) so the answer fits your situation instead of a generic one.',
  },
  {
    id: 'add-positive-alternative',
    applies: (c) => c.features.negativeRules > 0 && !c.features.positiveAlternative,
    apply: () => ({ section: 'constraints', lines: ['- Instead of what is ruled out above, do this: [the allowed alternative, e.g. refer the person to a help page].'] }),
    bullet: () => 'The prompt only said what not to do: added a slot for what to do instead, which models follow far more reliably.',
  },
  {
    id: 'add-success-criteria',
    applies: (c) => c.features.requirements < 2 && !hasSection(c.features, 'success criteria', 'acceptance criteria', 'definition of done') && !c.completionStyle,
    apply: (c) => ({ section: 'successCriteria', lines: c.profile.successCriteria.map((item) => `- ${item}`) }),
    bullet: () => 'Stated how to tell the answer is done, which gives the model a target to check itself against.',
  },
  {
    id: 'add-questions-policy',
    applies: (c) => !c.features.questionsPolicy && !c.features.fallback && !c.completionStyle,
    apply: () => ({ section: 'questions', lines: ['If information is missing, list up to 3 clarifying questions first; then proceed, stating each assumption you make.'] }),
    bullet: () => 'Told the model what to do when details are missing: ask up to 3 questions, then proceed on stated assumptions.',
  },
];

/** Looks up a strategy by id. */
export function strategyById(id: StrategyId): Strategy | undefined {
  return STRATEGIES.find((strategy) => strategy.id === id);
}
