/** `prompter improve`: rewrite each input, explain the changes and score before and after. */
import type { ImproveResult } from '../../core/engine/improvePrompt';
import { improvePrompt } from '../../core/engine/improvePrompt';
import { formatImprovement } from '../humanOutput';
import type { NamedInput } from '../readInputs';
import type { CommandContext, InputErrorJson } from './commandContext';
import { reportRefused } from './commandContext';

/** One entry of `prompter improve --json`: the stable scripting contract. */
export interface ImproveJson {
  file: string;
  improved: string;
  changed: boolean;
  unchangedReason?: string;
  explanation: ImproveResult['explanation'];
  strategies: string[];
  kept: ImproveResult['kept'];
  judge: ImproveResult['judge'];
  candidates: { style: string; total: number }[];
  domain: string;
  source: string;
  timeToResultMs: number;
}

/** The JSON entry for one result. */
export function improveJson(file: string, result: ImproveResult, timeToResultMs: number): ImproveJson {
  return {
    file,
    improved: result.improved,
    changed: result.changed,
    ...(result.unchangedReason ? { unchangedReason: result.unchangedReason } : {}),
    explanation: result.explanation,
    strategies: result.strategies,
    kept: result.kept,
    judge: result.judge,
    candidates: result.candidates.map(({ style, total }) => ({ style, total })),
    domain: result.domain,
    source: result.source,
    timeToResultMs,
  };
}

/** Improves every input; returns the exit code. */
export function runImprove(context: CommandContext, inputs: readonly NamedInput[]): number {
  const entries: (ImproveJson | InputErrorJson)[] = [];
  let failed = false;
  for (const named of inputs) {
    const refused = reportRefused(context, named);
    if (refused || !named.input.ok) {
      failed = true;
      if (refused) entries.push(refused);
      continue;
    }
    const started = performance.now();
    const result = improvePrompt(named.input.text);
    const elapsed = Math.round((performance.now() - started) * 100) / 100;
    entries.push(improveJson(named.file, result, elapsed));
    if (!context.json) context.io.stdout(formatImprovement(named.file, result, context.paint));
  }
  if (context.json) context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  return failed ? 2 : 0;
}
