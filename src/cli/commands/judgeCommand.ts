/** `prompter judge`: score each input on the rubric. */
import { judgePrompt } from '../../core/judge/judgePrompt';
import type { Scorecard } from '../../core/types';
import { formatScorecard } from '../humanOutput';
import type { NamedInput } from '../readInputs';
import type { CommandContext, InputErrorJson } from './commandContext';
import { reportRefused } from './commandContext';

/** One entry of `prompter judge --json`. */
export type JudgeJson = { file: string } & Scorecard;

/** Judges every input; returns the exit code. */
export function runJudge(context: CommandContext, inputs: readonly NamedInput[]): number {
  const entries: (JudgeJson | InputErrorJson)[] = [];
  let failed = false;
  for (const named of inputs) {
    const refused = reportRefused(context, named);
    if (refused || !named.input.ok) {
      failed = true;
      if (refused) entries.push(refused);
      continue;
    }
    const card = judgePrompt(named.input.text);
    entries.push({ file: named.file, ...card });
    if (!context.json) context.io.stdout(formatScorecard(named.file, card, context.paint));
  }
  if (context.json) context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  return failed ? 2 : 0;
}
