/**
 * Scorecards and improvement details as Markdown a person reads top to bottom: the summary first, then
 * the axes, then what is good, what holds the prompt back, and what to do about it.
 */
import * as vscode from 'vscode';
import { changeReasons, isModelSource } from '../core/engine/changeReasons';
import type { ImproveResult } from '../core/engine/improvePrompt';
import { axisLabel } from '../core/judge/judgePrompt';
import type { DiffHunk, Scorecard } from '../core/types';
import { AXES } from '../core/types';

const list = (items: readonly string[], empty: string): string => (items.length > 0 ? items.map((item) => `- ${item}`).join('\n') : `- ${empty}`);

/** A code fence longer than any backtick run in `lines`, so prompt text cannot close it early. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  return '`'.repeat(longest + 1);
}

/** The scorecard of one prompt. */
export function scorecardMarkdown(title: string, card: Scorecard): string {
  const rows = AXES.map((axis) => `| ${axisLabel(axis)} | ${card[axis]}/10 |`);
  const suggestions = AXES.flatMap((axis) => {
    const forAxis = card.suggestions.filter((suggestion) => suggestion.axis === axis);
    return forAxis.length > 0 ? [`**${axisLabel(axis)}**`, '', ...forAxis.map((suggestion) => `- ${suggestion.message}`), ''] : [];
  });
  return [
    `# ${title}`,
    '',
    card.feedback.summary,
    '',
    `| ${vscode.l10n.t('Axis')} | ${vscode.l10n.t('Score')} |`,
    '| --- | --- |',
    ...rows,
    `| **${vscode.l10n.t('total')}** | **${card.total}/50** |`,
    '',
    `## ${vscode.l10n.t('What works')}`,
    '',
    list(card.feedback.pros, vscode.l10n.t('Nothing stands out yet.')),
    '',
    `## ${vscode.l10n.t('What holds it back')}`,
    '',
    list(card.feedback.cons, vscode.l10n.t('Nothing significant.')),
    '',
    `## ${vscode.l10n.t('Suggestions')}`,
    '',
    ...(suggestions.length > 0 ? suggestions : [`- ${vscode.l10n.t('None: the judge has nothing to add.')}`, '']),
    `_${vscode.l10n.t('Judge')}: ${card.judge}_`,
    '',
  ].join('\n');
}

/** Why the rewrite changed what it changed, and the scores before and after. */
export function improveDetailsMarkdown(result: ImproveResult): string {
  const { before, after } = result.judge;
  const rows = AXES.map((axis) => `| ${axisLabel(axis)} | ${before[axis]} | ${after[axis]} |`);
  const model = isModelSource(result.source);
  const reasons = changeReasons(result.explanation.bullets, result.strategies).map(({ strategy, text }) => (strategy ? `- **${strategy}** — ${text}` : `- ${text}`));
  // A model's bullets explain its whole rewrite: no hunk is credited with one of them.
  const why = model ? [vscode.l10n.t('The model explained its rewrite as a whole, not change by change:'), '', ...reasons] : reasons;
  const hunkLabel = (hunk: DiffHunk): string => (model ? vscode.l10n.t('model rewrite') : hunk.strategies.join(', ') || vscode.l10n.t('layout'));
  const hunks = result.explanation.diffs.map((hunk) => {
    const fence = fenceFor(hunk.lines);
    return [`### ${hunk.id} (${hunkLabel(hunk)})`, '', `${fence}diff`, ...hunk.lines, fence, ''].join('\n');
  });
  const chosen = vscode.l10n.t('chosen');
  const candidates = result.candidates.map((candidate) => `| ${candidate.style} | ${candidate.total}/50 | ${candidate.style === result.style ? chosen : ''} |`);
  return [
    `# ${vscode.l10n.t('Prompt improvement')}`,
    '',
    `**${before.total}/50 → ${after.total}/50** · ${result.kept.summary} · ${result.source}`,
    '',
    `| ${vscode.l10n.t('Axis')} | ${vscode.l10n.t('Before')} | ${vscode.l10n.t('After')} |`,
    '| --- | --- | --- |',
    ...rows,
    '',
    `## ${vscode.l10n.t('Why each change')}`,
    '',
    ...(reasons.length > 0 ? why : [`- ${result.unchangedReason ?? ''}`]),
    '',
    `## ${vscode.l10n.t('Candidates')}`,
    '',
    `| ${vscode.l10n.t('Rendering')} | ${vscode.l10n.t('Score')} | |`,
    '| --- | --- | --- |',
    ...candidates,
    '',
    `## ${vscode.l10n.t('Changes')}`,
    '',
    ...hunks,
  ].join('\n');
}
