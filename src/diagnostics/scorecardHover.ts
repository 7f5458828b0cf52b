/**
 * The scorecard as a hover over Prompter's squiggles: total and summary, the five axes, pros, cons and
 * the suggestions. Judge text can quote the prompt, so it goes in through `appendText` (escaped), and
 * the Markdown is neither trusted nor allowed HTML: nothing in a prompt can become a link to a command.
 */
import * as vscode from 'vscode';
import { axisLabel } from '../core/judge/judgePrompt';
import type { Scorecard } from '../core/types';
import { AXES } from '../core/types';
import type { PromptDiagnosticsRunner } from './promptDiagnosticsRunner';
import { toEditorDiagnostics } from './toEditorDiagnostics';

// Enough to act on without turning the hover into a page; Score Prompt shows the whole list.
const MAX_SUGGESTIONS = 5;

function appendList(markdown: vscode.MarkdownString, heading: string, items: readonly string[]): void {
  if (items.length === 0) return;
  markdown.appendMarkdown(`\n\n**${heading}**\n`);
  for (const item of items) {
    markdown.appendMarkdown('\n- ');
    markdown.appendText(item);
  }
}

/** The scorecard as safe Markdown. */
export function scorecardHoverMarkdown(card: Scorecard): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.appendMarkdown(`**${vscode.l10n.t('Prompt score')}: ${card.total}/50** — `);
  markdown.appendText(card.feedback.summary);
  markdown.appendMarkdown(`\n\n| ${vscode.l10n.t('Axis')} | ${vscode.l10n.t('Score')} |\n| --- | ---: |\n`);
  for (const axis of AXES) markdown.appendMarkdown(`| ${axisLabel(axis)} | ${card[axis]}/10 |\n`);
  appendList(markdown, vscode.l10n.t('What works'), card.feedback.pros);
  appendList(markdown, vscode.l10n.t('What holds it back'), card.feedback.cons);
  const suggestions = card.suggestions.slice(0, MAX_SUGGESTIONS).map((suggestion) => `${axisLabel(suggestion.axis)}: ${suggestion.message}`);
  appendList(markdown, vscode.l10n.t('Suggestions'), suggestions);
  markdown.appendMarkdown(`\n\n_${vscode.l10n.t('Improve prompt (Quick Fix) rewrites it; Score Prompt shows the full scorecard.')}_`);
  return markdown;
}

/** Shows the scorecard when the pointer rests on one of Prompter's diagnostics. */
export class ScorecardHoverProvider implements vscode.HoverProvider {
  constructor(private readonly runner: PromptDiagnosticsRunner) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.runner.diagnosisOf(document);
    if (!found || found.version !== document.version) return undefined;
    const under = toEditorDiagnostics(document, found.diagnosis.diagnostics).find((diagnostic) => diagnostic.range.contains(position));
    if (!under) return undefined;
    return new vscode.Hover(scorecardHoverMarkdown(found.diagnosis.scorecard), under.range);
  }
}
