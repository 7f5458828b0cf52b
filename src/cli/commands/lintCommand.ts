/**
 * `prompter lint`: the prompt-quality gate for CI. Judges every prompt file, prints one line per file
 * with its score and weakest axis, and fails (exit 1) when any file scores below `--min`.
 */
import type { PromptDiagnostic } from '../../core/diagnostics/diagnosePrompt';
import { diagnosePrompt } from '../../core/diagnostics/diagnosePrompt';
import { withoutFrontMatter } from '../frontMatterInput';
import { axisLabel } from '../../core/judge/judgePrompt';
import type { Axis, Scorecard } from '../../core/types';
import { AXES } from '../../core/types';
import type { NamedInput } from '../readInputs';
import type { CommandContext, InputErrorJson } from './commandContext';
import { reportRefused } from './commandContext';

/** One entry of `prompter lint --json`. */
export interface LintJson {
  file: string;
  total: number;
  pass: boolean;
  weakestAxis: Axis;
  scores: Record<Axis, number>;
  suggestions: Scorecard['suggestions'];
  /** The same findings the editor shows, with 1-based line and column of where each starts. */
  diagnostics: (PromptDiagnostic & { line: number; column: number })[];
}

function withPositions(text: string, diagnostics: PromptDiagnostic[]): LintJson['diagnostics'] {
  return diagnostics.map((diagnostic) => {
    const before = text.slice(0, diagnostic.span.start);
    const line = before.split('\n').length;
    return { ...diagnostic, line, column: diagnostic.span.start - (before.lastIndexOf('\n') + 1) + 1 };
  });
}

function weakestAxis(card: Scorecard): Axis {
  return AXES.reduce((weakest, axis) => (card[axis] < card[weakest] ? axis : weakest));
}

/** Lints the files; returns 0 when all pass, 1 when any scores below `min`, 2 on input errors. */
export function runLint(context: CommandContext, inputs: readonly NamedInput[], min: number): number {
  const entries: (LintJson | InputErrorJson)[] = [];
  let refused = false;
  let below = 0;
  const p = context.paint;
  for (const read of inputs) {
    // A file of front matter only is refused as empty, as judge and improve refuse it; otherwise lint reads
    // the whole file, front matter included, so that positions count from its top.
    const prompt = withoutFrontMatter(read);
    const named = prompt.input.ok ? read : prompt;
    const error = reportRefused(context, named);
    if (error || !named.input.ok) {
      refused = true;
      if (error) entries.push(error);
      continue;
    }
    const { scorecard: card, diagnostics } = diagnosePrompt(named.input.text);
    const weakest = weakestAxis(card);
    const pass = card.total >= min;
    if (!pass) below += 1;
    entries.push({ file: named.file, total: card.total, pass, weakestAxis: weakest, scores: Object.fromEntries(AXES.map((a) => [a, card[a]])) as Record<Axis, number>, suggestions: card.suggestions, diagnostics: withPositions(named.input.text, diagnostics) });
    if (!context.json) {
      const hint = card.suggestions.find((s) => s.axis === weakest)?.message ?? '';
      const score = `${card.total.toFixed(1).padStart(4)}/50`;
      context.io.stdout(`${pass ? p.green('✓') : p.red('✗')} ${named.file}  ${pass ? score : p.red(score)}  weakest: ${axisLabel(weakest)} ${card[weakest].toFixed(1)}${hint ? p.dim(` — ${hint}`) : ''}\n`);
    }
  }
  const linted = entries.length - entries.filter((e) => 'error' in e).length;
  if (context.json) context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  else context.io.stdout(`${linted} file${linted === 1 ? '' : 's'} linted, ${below} below ${min}${refused ? ', some could not be read' : ''}\n`);
  if (refused) return 2;
  return below > 0 ? 1 : 0;
}
