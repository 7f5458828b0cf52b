/**
 * Scripts for the loopback chat server: a good model (rewrites that keep every token, a judge that
 * prefers the rewrites whatever their position), and the misbehaving ones each test needs.
 */
import type { ChatCall, Reply } from './chatServer';

/** The rubric answer with every axis at `axis` and a consistent total. */
export function card(axis: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clarity: axis,
    specificity: axis,
    actionability: axis,
    structure: axis,
    contextUse: axis,
    total: axis * 5,
    feedback: { pros: [`scored ${axis}`], cons: [], summary: `Every axis at ${axis}.` },
    ...extra,
  };
}

/** A rewrite that keeps the original whole, framed in the style asked for. */
export function keepingRewrite(call: ChatCall): string {
  const original = call.texts[0]!.text;
  const text = `## Role\nYou are a careful expert (${call.style}).\n\n## Task\n${original}\n\n## Output format\nA short answer.`;
  return JSON.stringify({ text, bullets: ['Added a role so the model knows whose voice to use', 'Added an output format'] });
}

// The good judge: a rewrite (it has "## Task") scores 8 per axis, anything else 4 — wherever it stands.
const isRewrite = (text: string): boolean => text.includes('## Task');

/** Panel answer from a scoring function of (label, text). */
export function panel(call: ChatCall, axisFor: (label: string, text: string) => number): string {
  return JSON.stringify(Object.fromEntries(call.texts.map(({ label, text }) => [label, card(axisFor(label, text))])));
}

/** The good model: valid rewrites, a consistent judge. */
export function goodModel(call: ChatCall): Reply {
  if (call.kind === 'rewrite') return { json: keepingRewrite(call) };
  if (call.kind === 'panel') return { json: panel(call, (_, text) => (isRewrite(text) ? 8 : 4)) };
  return { json: JSON.stringify(card(7)) };
}

/** The good model, every answer streamed. */
export function streamingModel(call: ChatCall): Reply {
  const reply = goodModel(call);
  return 'json' in reply ? { stream: reply.json } : reply;
}

/** Rewrites that drop `{{document}}` in the styles listed; the rest as the good model. */
export function droppingVariable(styles: readonly string[]) {
  return (call: ChatCall): Reply => {
    if (call.kind === 'rewrite' && styles.includes(call.style ?? '')) {
      return { json: JSON.stringify({ text: call.texts[0]!.text.replace('{{document}}', 'the document'), bullets: ['Made it plainer'] }) };
    }
    return goodModel(call);
  };
}

/** A judge that always prefers the prompt shown first (position bias). */
export function positionBiasedJudge(call: ChatCall): Reply {
  if (call.kind === 'panel') return { json: panel(call, (label) => (label === 'A' ? 9 : 5)) };
  return goodModel(call);
}

/** A judge that always prefers the original. */
export function originalPreferringJudge(call: ChatCall): Reply {
  if (call.kind === 'panel') return { json: panel(call, (_, text) => (isRewrite(text) ? 3 : 6)) };
  return goodModel(call);
}
