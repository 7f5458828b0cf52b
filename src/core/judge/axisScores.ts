/**
 * The rubric: how each axis is scored from a prompt's features. Every point given or taken comes with
 * the reason a person reads (a pro or a con) and, for what is missing, a suggestion on that axis.
 *
 * NOTE: contributions saturate (caps, square roots) so that length alone buys little; filler sentences are
 * removed before scoring and cost a little clarity, so polite padding can never raise a score.
 */
import type { PromptFeatures } from '../analysis/promptFeatures';
import type { Axis, Suggestion } from '../types';

/** The score of one axis with the reasons behind it. */
export interface AxisVerdict {
  score: number;
  pros: string[];
  cons: string[];
  suggestions: Suggestion[];
}

class Tally {
  private points: number;
  readonly pros: string[] = [];
  readonly cons: string[] = [];
  readonly suggestions: Suggestion[] = [];

  constructor(
    private readonly axis: Axis,
    base: number,
  ) {
    this.points = base;
  }

  add(points: number, pro?: string): void {
    this.points += points;
    if (pro && points > 0) this.pros.push(pro);
  }

  take(points: number, con: string, suggestion?: Omit<Suggestion, 'axis'>): void {
    this.points -= points;
    this.cons.push(con);
    if (suggestion) this.suggestions.push({ axis: this.axis, ...suggestion });
  }

  suggest(suggestion: Omit<Suggestion, 'axis'>): void {
    this.suggestions.push({ axis: this.axis, ...suggestion });
  }

  verdict(): AxisVerdict {
    const score = Math.round(Math.min(10, Math.max(0, this.points)) * 10) / 10;
    return { score, pros: this.pros, cons: this.cons, suggestions: this.suggestions };
  }
}

const capped = (value: number, cap: number): number => Math.min(cap, value);
const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** Whether the prompt asks for something explicitly (an instruction, a question or a completion cue). */
function asks(f: PromptFeatures): boolean {
  return f.instructions > 0 || f.questions > 0;
}

/** Clarity: one clear ask, stated positively, without vague words or references to nothing. */
export function scoreClarity(f: PromptFeatures): AxisVerdict {
  const t = new Tally('clarity', 2);
  if (f.instructions > 0) t.add(3.5, 'States the request as a direct instruction.');
  else if (f.questions > 0) t.add(2.5, 'Asks a direct question.');
  else if (f.layout.exampleRepetitions > 0) t.add(2, 'Worked examples show what is asked.');
  else if (f.layout.trailingCue) t.add(0.5);
  if (!asks(f)) {
    t.take(0.5, 'No explicit instruction: the model has to guess what to do.', {
      rule: 'no-explicit-ask',
      message: 'Start with an instruction that says what to produce, e.g. "Summarize …", "Write …", "Complete …".',
    });
  }
  t.add(capped(f.namedTerms * 0.5, 1.5), 'Names its subject concretely.');
  t.add(capped(f.quantities.length * 0.6, 1.2), 'Pins requirements down with numbers.');
  if (f.role && asks(f)) t.add(0.5);

  if (f.vague.length > 0) {
    const words = [...new Set(f.vague.map((v) => v.text.toLowerCase()))].slice(0, 4).join('", "');
    t.take(capped(0.8 * f.vague.length, 3), `Vague wording ("${words}").`, {
      rule: 'vague-words',
      message: `Replace "${f.vague[0]!.text}" with something measurable (a number, a name, a format).`,
      span: f.vague[0]!.span,
    });
  }
  if (f.ambiguousReference) {
    t.take(2.5, `"${f.ambiguousReference.text}" refers to something the prompt does not contain.`, {
      rule: 'ambiguous-reference',
      message: 'Name what "this" or "it" is (the function, file or text), or paste it in delimiters.',
      span: f.ambiguousReference.span,
    });
  }
  if (f.shouting.length > 0) {
    t.take(capped(0.8 * f.shouting.length, 1.6), 'Shouted rules (all capitals) read as emphasis, not instruction.', {
      rule: 'shouting',
      message: 'Write rules in normal case and explain what to do instead.',
      span: f.shouting[0]!.span,
    });
  }
  if (f.negativeRules > 0 && !f.positiveAlternative && f.instructions === 0) {
    t.take(1, 'Says only what not to do.', {
      rule: 'negative-only',
      message: 'Say what the model should do instead of only what it must not do.',
    });
  }
  if (f.filler.length > 0) {
    t.take(capped(0.3 * f.filler.length, 1), 'Polite filler adds words but no instruction.', {
      rule: 'filler',
      message: 'Drop filler sentences; they do not change the answer.',
      span: f.filler[0]!.span,
    });
  }
  if (f.layout.longestRunOnWords > 120) t.take(1, 'A long run-on paragraph hides the main ask.');
  return t.verdict();
}

/** Specificity: concrete details — numbers, names, formats, audience, scope. */
export function scoreSpecificity(f: PromptFeatures): AxisVerdict {
  const t = new Tally('specificity', 1);
  // Saturates at 31 distinct words; the analysis counts no further than 64 (see wordStats).
  t.add(capped(Math.sqrt(f.distinctContentWords) * 0.45, 2.5));
  if (f.quantities.length > 0) t.add(capped(1.5 * f.quantities.length, 3.5), `Gives ${plural(f.quantities.length, 'measurable requirement')}.`);
  else t.suggest({ rule: 'no-quantities', message: 'Say how much: a length, a count or a limit ("3 bullet points", "under 200 words").' });
  if (f.namedTerms > 0) t.add(capped(0.6 * f.namedTerms, 2.5), 'Uses concrete names and identifiers.');
  if (f.outputFormat) t.add(1.2, 'Names the output format.');
  else t.suggest({ rule: 'no-output-format', message: 'Name the output format (a list, a table, JSON, a paragraph, code).' });
  if (f.audience) t.add(1, 'Says who the output is for.');
  if (f.tone) t.add(0.7, 'Sets a tone or style.');
  if (f.variables.length > 0) t.add(capped(0.3 * f.variables.length, 0.6));
  if (f.vague.length > 0) t.take(capped(0.5 * f.vague.length, 2.5), 'Vague words leave the details open.');
  return t.verdict();
}

/** Actionability: a doable task with steps, deliverables, success criteria and a fallback. */
export function scoreActionability(f: PromptFeatures): AxisVerdict {
  const t = new Tally('actionability', 1);
  if (f.instructions > 0) t.add(2 + capped(0.5 * (f.distinctVerbs - 1), 1.5), 'Tells the model what to do.');
  else if (f.questions > 0) t.add(1.5);
  if (f.stepMarkers >= 2) t.add(1.8, 'Breaks the work into ordered steps.');
  else if (f.stepMarkers === 1) t.add(0.6);
  if (f.reasoning) t.add(2.2, 'Asks for reasoning before the answer.');
  if (f.outputFormat) t.add(0.8);
  if (f.requirements > 0) t.add(capped(0.4 * f.requirements, 1.2), 'States requirements the answer must meet.');
  if (f.fallback) t.add(1.5, 'Says what to do when the happy path fails.');
  if (f.layout.trailingCue) t.add(1.4, 'Ends with a cue that starts the answer.');
  if (f.positiveAlternative) t.add(1, 'Gives an alternative instead of only a prohibition.');
  if (f.negativeRules > 0 && !f.positiveAlternative && f.instructions === 0) t.take(0.8, 'Prohibitions without a task.');
  if (f.vague.length > 0) t.take(capped(0.3 * f.vague.length, 1.5), 'Vague requirements are hard to act on.');
  if (f.stepMarkers < 2 && !f.reasoning) t.suggest({ rule: 'no-steps', message: 'List the steps or the deliverables in order ("First …, then …, finally …").' });
  if (!f.fallback && !f.questionsPolicy) t.suggest({ rule: 'no-fallback', message: 'Say what to do when information is missing or the answer is unknown.' });
  return t.verdict();
}

/** Structure: sections, lists, delimiters, instructions kept apart from data. */
export function scoreStructure(f: PromptFeatures): AxisVerdict {
  const t = new Tally('structure', 2.5);
  const { layout } = f;
  const filled = layout.sections.filter((s) => s.filled).length;
  const empty = layout.sections.filter((s) => !s.filled && s.rubric && !s.inline);
  t.add(capped(0.8 * filled, 2.4), `Organised into ${plural(filled, 'labelled part')}.`);
  if (layout.listItems >= 2) t.add(1.4, 'Uses a list for separate items.');
  if (layout.delimiterPairs > 0) t.add(2, 'Fences input data with delimiters.');
  else if (f.inputData && layout.blocks > 1) t.add(0.8, 'Keeps the data apart from the instruction.');
  if (f.dataBlock && layout.delimiterPairs === 0) {
    t.suggest({ rule: 'no-delimiters', message: 'Wrap pasted data in delimiters (""" … """ or <data>…</data>) so it is not read as instructions.' });
  }
  if (layout.exampleRepetitions > 0) t.add(capped(0.8 * layout.exampleRepetitions, 1.6), 'Examples follow one consistent pattern.');
  if (layout.blocks >= 2) t.add(0.5);
  if (layout.trailingCue) t.add(0.6);
  if (f.codeFences > 0) t.add(0.6, 'Code is fenced.');
  if (empty.length > 0) {
    t.take(capped(0.9 * empty.length, 3), `${plural(empty.length, 'empty heading')} (${empty.map((s) => s.name).slice(0, 3).join(', ')}).`, {
      rule: 'empty-heading',
      message: `Fill in or remove the empty "${empty[0]!.name}" heading.`,
      span: empty[0]!.span,
    });
  }
  if (layout.longestRunOnWords > 80) t.take(1.5, 'One long paragraph; split it into parts.', { rule: 'wall-of-text', message: 'Split the long paragraph into labelled parts or a list.' });
  if (filled === 0 && layout.listItems < 2 && f.words > 40) t.suggest({ rule: 'no-sections', message: 'Separate task, context and output format into labelled parts.' });
  return t.verdict();
}

/** Context use: background, the user's situation, role, input data, constraints, examples, a questions policy. */
export function scoreContextUse(f: PromptFeatures): AxisVerdict {
  const t = new Tally('contextUse', 1);
  if (f.contextStatements > 0) t.add(capped(1.2 * f.contextStatements, 2.8), 'Explains the situation or goal.');
  else t.suggest({ rule: 'no-context', message: 'Add a sentence of background: who it is for, why, and what it will be used for.' });
  if (f.role) t.add(1.5, 'Gives the model a role.');
  if (f.inputData) t.add(1.5, 'Supplies the material to work on.');
  if (f.examples) t.add(2, 'Shows examples of what is wanted.');
  if (f.audience) t.add(1);
  if (f.questionsPolicy) t.add(1.5, 'Says how to handle missing information.');
  if (f.negatives > 0 || f.requirements > 0) t.add(capped(0.4 * (f.negatives + f.requirements), 1.2), 'Sets constraints.');
  t.add(capped(0.3 * f.namedTerms, 1.2));
  if (!f.questionsPolicy) t.suggest({ rule: 'no-questions-policy', message: 'Say whether to ask clarifying questions or state assumptions when details are missing.' });
  return t.verdict();
}
