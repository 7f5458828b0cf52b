/**
 * What people read in a terminal: scorecards, rewrites, explanation bullets and a coloured diff.
 * Scripts use `--json` instead; this text may change between releases.
 */
import type { ImproveResult } from '../core/engine/improvePrompt';
import { axisLabel } from '../core/judge/judgePrompt';
import type { DiffHunk, Scorecard } from '../core/types';
import { AXES } from '../core/types';

/** ANSI styling that disappears when colour is off. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** Colour functions, or identity functions when colour is off. */
export function paint(color: boolean): Paint {
  const plain = (text: string): string => text;
  return color
    ? { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), cyan: wrap(36, 39) }
    : { bold: plain, dim: plain, green: plain, red: plain, cyan: plain };
}

const bar = (score: number): string => '█'.repeat(Math.round(score)) + '·'.repeat(10 - Math.round(score));
const fixed = (n: number): string => n.toFixed(1);

/** A scorecard with a bar per axis, pros, cons and suggestions. */
export function formatScorecard(file: string, card: Scorecard, p: Paint): string {
  const lines = [`${p.bold(file)}  ${p.bold(`${fixed(card.total)}/50`)}  ${card.feedback.summary}`];
  for (const axis of AXES) lines.push(`  ${axisLabel(axis).padEnd(14)} ${fixed(card[axis]).padStart(4)}  ${p.cyan(bar(card[axis]))}`);
  for (const pro of card.feedback.pros) lines.push(`  ${p.green('+')} ${pro}`);
  for (const con of card.feedback.cons) lines.push(`  ${p.red('-')} ${con}`);
  for (const suggestion of card.suggestions) lines.push(`  ${p.dim('→')} ${suggestion.message} ${p.dim(`(${axisLabel(suggestion.axis)})`)}`);
  return `${lines.join('\n')}\n`;
}

/** Diff hunks as a unified diff, green for added lines and red for removed ones. */
export function formatHunks(hunks: readonly DiffHunk[], p: Paint): string {
  return hunks
    .map((hunk) => {
      const header = p.cyan(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`) + (hunk.strategies.length ? p.dim(` ${hunk.strategies.join(', ')}`) : '');
      const body = hunk.lines.map((line) => (line.startsWith('+') ? p.green(line) : line.startsWith('-') ? p.red(line) : line));
      return [header, ...body].join('\n');
    })
    .join('\n');
}

/** Before → after per axis, on one line. */
export function formatScoreChange(before: Scorecard, after: Scorecard): string {
  return AXES.map((axis) => `${axisLabel(axis)} ${fixed(before[axis])}→${fixed(after[axis])}`).join(' · ');
}

/** A whole improvement: the rewrite, why, the diff and the scores. */
export function formatImprovement(file: string, result: ImproveResult, p: Paint): string {
  const { before, after } = result.judge;
  const head = `${p.bold(`── ${file}`)}  ${fixed(before.total)} → ${p.bold(fixed(after.total))} /50`;
  if (!result.changed) return `${head}\n${result.unchangedReason ?? 'No change.'}\n`;
  return [
    `${head}  ${p.dim(`(${result.style}; ${result.kept.summary})`)}`,
    '',
    result.improved,
    '',
    p.bold('Why:'),
    ...result.explanation.bullets.map((bullet) => `  • ${bullet}`),
    '',
    p.bold('Diff:'),
    formatHunks(result.explanation.diffs, p),
    '',
    `${p.bold('Scores:')} ${formatScoreChange(before, after)}`,
    `${p.bold('Candidates:')} ${result.candidates.map((c) => `${c.style} ${fixed(c.total)}`).join(' · ')}`,
    '',
  ].join('\n');
}
