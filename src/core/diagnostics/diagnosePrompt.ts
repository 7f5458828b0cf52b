/**
 * Diagnostics for a prompt file: the judge's suggestions placed where the problem is, plus checks that
 * only make sense on a file being edited (placeholders nobody filled in). The editor shows these as
 * squiggles and `prompter lint --json` reports the same list, so the editor and CI agree.
 */
import { splitFrontMatter } from '../input/frontMatter';
import { judgePrompt } from '../judge/judgePrompt';
import type { Axis, Scorecard, TextSpan } from '../types';

/** How loudly a diagnostic speaks: a problem in the text, or advice about something missing. */
export type DiagnosticSeverity = 'warning' | 'information';

/** One thing to fix, with its place in the file (UTF-16 offsets into the whole file). */
export interface PromptDiagnostic {
  rule: string;
  axis: Axis;
  severity: DiagnosticSeverity;
  message: string;
  span: TextSpan;
}

/** The diagnostics of a file and the scorecard they come from. */
export interface PromptDiagnosis {
  scorecard: Scorecard;
  diagnostics: PromptDiagnostic[];
}

// Placeholders that ask a person to fill something in: "[paste the text here]", "<insert name>", "TODO".
const PLACEHOLDER = /\[(?:paste|insert|add|your|todo|tbd|fill)[^\]\n]{0,60}\]|<(?:insert|your|paste|todo)[^>\n]{0,60}>|\b(?:TODO|TBD|FIXME)\b|\[\.\.\.\]|\[…\]/gi;

/** Rules whose problem sits at a place in the text; the others are about something missing. */
const IN_TEXT = new Set(['vague-words', 'ambiguous-reference', 'shouting', 'filler', 'empty-heading']);

function firstLine(text: string, offset: number): TextSpan {
  const newline = text.indexOf('\n', offset);
  return { start: offset, end: newline === -1 ? text.length : newline };
}

/** Judges the body of a prompt file and places each finding in the file. */
export function diagnosePrompt(fileText: string): PromptDiagnosis {
  const { body, bodyOffset } = splitFrontMatter(fileText);
  const scorecard = judgePrompt(body);
  const atBody = (span: TextSpan): TextSpan => ({ start: span.start + bodyOffset, end: span.end + bodyOffset });
  // Advice about something missing is anchored on the first line of the body, where people look first.
  const anchor = firstLine(fileText, bodyOffset);
  const diagnostics: PromptDiagnostic[] = scorecard.suggestions.map((suggestion) => ({
    rule: suggestion.rule,
    axis: suggestion.axis,
    severity: IN_TEXT.has(suggestion.rule) ? 'warning' : 'information',
    message: suggestion.message,
    span: suggestion.span ? atBody(suggestion.span) : anchor,
  }));
  for (const match of body.matchAll(PLACEHOLDER)) {
    diagnostics.push({
      rule: 'unresolved-placeholder',
      axis: 'specificity',
      severity: 'warning',
      message: `Fill in "${match[0]}" before sending the prompt.`,
      span: atBody({ start: match.index, end: match.index + match[0].length }),
    });
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || (a.rule < b.rule ? -1 : 1));
  return { scorecard, diagnostics };
}
