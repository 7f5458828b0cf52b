/**
 * The user-authored tokens a rewrite must carry over unchanged: template variables, numbers, quoted
 * strings and code fences. The engine reports how many survived ("kept 4/4 variables"), and a model
 * rewrite that drops one is discarded.
 */
import { LeadPattern } from '../text/leadPattern';
import type { KeptCount, KeptReport } from '../types';

/** Everything of the user's that must survive a rewrite, in order of first appearance, deduplicated. */
export interface TemplateTokens {
  variables: string[];
  numbers: string[];
  quotedStrings: string[];
  codeFences: string[];
}

// Template variable forms: {{x}}, ${x}, {x}, <x>, [X]. Bounded lengths, no nested quantifiers. Each is
// tried only where its first character occurs.
const DOUBLE_BRACE = new LeadPattern(/\{\{[^{}\n]{1,80}\}\}/, '{{');
const DOLLAR_BRACE = new LeadPattern(/\$\{[^{}\n]{1,80}\}/, '${');
const SINGLE_BRACE = new LeadPattern(/(?<![{$])\{[\p{L}_][^{}\n"':;]{0,60}\}(?!\})/u, '{');
const ANGLE = new LeadPattern(/<([\p{L}_][\p{L}\p{N}_ -]{0,40})>/u, '<');
const SQUARE = new LeadPattern(/(?<![\p{L}\p{N}_\]])\[([^[\]\n]{1,60})\](?![(:[])/u, '[');
const CLOSING_TAG = new LeadPattern(/<\/([\p{L}_][\p{L}\p{N}_ -]{0,40})>/u, '</');
const NUMBER = /(?<![\p{L}\p{N}_.])\d+(?:[.,]\d+)*%?/gu;
const QUOTED = /"[^"\n]{1,200}"|“[^”\n]{1,200}”|`[^`\n]{1,120}`/g;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;

// Angle-bracket names that are markup rather than placeholders.
const HTML_TAGS = new Set(
  'a b i u p br hr em strong div span ul ol li html head body script style code pre img table tr td th thead tbody h1 h2 h3 h4 h5 h6 sup sub small blockquote'.split(
    ' ',
  ),
);

/**
 * The distinct matches of a global pattern, in order of first appearance. NOTE: walks the matches instead
 * of collecting them all first: "1-1-1-…" has 50,000 numbers per 100 KB, and an array that size made the
 * garbage collector's work grow faster than the text.
 */
function distinctMatches(text: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.add(match[0]);
  return found;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function angleVariables(text: string): string[] {
  // Names closed somewhere (<task>…</task>) are markup; collected once so this stays linear.
  const closed = new Set(CLOSING_TAG.matches(text).map((match) => match[1]));
  const found: string[] = [];
  for (const match of ANGLE.matches(text)) {
    const name = match[1]!;
    if (!HTML_TAGS.has(name.toLowerCase()) && !closed.has(name)) found.push(match[0]);
  }
  return found;
}

function squareVariables(text: string): string[] {
  const found: string[] = [];
  for (const match of SQUARE.matches(text)) {
    const inner = match[1]!.trim();
    // Checkboxes ([ ], [x]), citations ([1]) and ellipses ([…]) are not placeholders.
    if (!inner || /^[xX ]$/.test(inner) || /^[\d\s,.–-]+$/.test(inner) || /^[.…]+$/.test(inner)) continue;
    found.push(match[0]);
  }
  return found;
}

/** Fenced code blocks (``` or ~~~), each as its whole text including the fence lines. */
export function codeFences(text: string): string[] {
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const lines = text.split('\n');
  const fences: string[] = [];
  let open: { marker: string; from: number } | undefined;
  lines.forEach((line, index) => {
    const marker = FENCE_LINE.exec(line)?.[1];
    if (!marker) return;
    if (!open) open = { marker, from: index };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length) {
      fences.push(lines.slice(open.from, index + 1).join('\n'));
      open = undefined;
    }
  });
  return fences;
}

/** Template variables in every supported form, as written. */
export function templateVariables(text: string): string[] {
  const double = DOUBLE_BRACE.matches(text).map((match) => match[0]);
  // A single-brace variable is looked for with the double ones blanked, so {{x}} does not also count as {x}.
  const withoutDouble = double.length > 0 ? DOUBLE_BRACE.replace(text, ' ') : text;
  return unique([
    ...double,
    ...DOLLAR_BRACE.matches(text).map((match) => match[0]),
    ...SINGLE_BRACE.matches(withoutDouble).map((match) => match[0]),
    ...angleVariables(text),
    ...squareVariables(text),
  ]);
}

/** Extracts every token a rewrite must keep. */
export function templateTokens(text: string): TemplateTokens {
  return {
    variables: templateVariables(text),
    numbers: [...distinctMatches(text, NUMBER)],
    quotedStrings: [...distinctMatches(text, QUOTED)],
    codeFences: unique(codeFences(text)),
  };
}

function countKept(originals: string[], present: (item: string) => boolean): KeptCount {
  const missing = originals.filter((item) => !present(item));
  return { kept: originals.length - missing.length, total: originals.length, missing };
}

/** Checks that every token of `original` appears unchanged in `rewrite`. */
export function keptReport(original: string, rewrite: string): KeptReport {
  const before = templateTokens(original);
  const rewriteNumbers = distinctMatches(rewrite, NUMBER);
  const inRewrite = (item: string): boolean => rewrite.includes(item);
  const report = {
    variables: countKept(before.variables, inRewrite),
    numbers: countKept(before.numbers, (item) => rewriteNumbers.has(item)),
    quotedStrings: countKept(before.quotedStrings, inRewrite),
    codeFences: countKept(before.codeFences, inRewrite),
  };
  const parts = (
    [
      ['variables', report.variables],
      ['numbers', report.numbers],
      ['quoted strings', report.quotedStrings],
      ['code blocks', report.codeFences],
    ] as const
  )
    .filter(([, count]) => count.total > 0)
    .map(([label, count]) => `${count.kept}/${count.total} ${label}`);
  return { ...report, summary: parts.length ? `kept ${parts.join(', ')}` : 'no variables, numbers or quotes to keep' };
}

/** Whether a rewrite kept every token of the original. */
export function keptEverything(report: KeptReport): boolean {
  return [report.variables, report.numbers, report.quotedStrings, report.codeFences].every(
    (count) => count.missing.length === 0,
  );
}
