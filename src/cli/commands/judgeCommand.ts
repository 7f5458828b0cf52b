/**
 * `prompter judge`: score each input on the rubric (with `--llm`, by the model, the heuristic judge as
 * fallback). Front matter is not judged, as in `lint`.
 */
import { judgePrompt } from '../../core/judge/judgePrompt';
import { describeFallback } from '../../core/model/fallbackReasons';
import type { ModelJudgeOutcome } from '../../core/model/modelJudge';
import type { Scorecard } from '../../core/types';
import { withoutFrontMatter } from '../frontMatterInput';
import { formatScorecard } from '../humanOutput';
import type { NamedInput } from '../readInputs';
import type { CommandContext, InputErrorJson } from './commandContext';
import { reportRefused } from './commandContext';

/** One entry of `prompter judge --json`; the model fields appear only with `--llm`. */
export type JudgeJson = { file: string } & Scorecard & {
  /** Why the model was asked but the heuristic judge scored (`timeout`, `invalid-scores`, …). */
  fallbackReason?: string;
  /** That reason in a sentence, with what went wrong. */
  fallbackMessage?: string;
  /** The model's raw answer, kept even when it could not be used. */
  rawModelOutput?: string;
};

/** Judges one text with the model (and its fallback). */
export type ModelJudge = (text: string) => Promise<ModelJudgeOutcome>;

function modelFields(outcome: ModelJudgeOutcome): Omit<JudgeJson, 'file' | keyof Scorecard> {
  const { engine } = outcome;
  return {
    ...(engine.fallbackReason ? { fallbackReason: engine.fallbackReason, fallbackMessage: `${describeFallback(engine.fallbackReason)} (${engine.fallbackDetail ?? ''})` } : {}),
    ...(engine.rawModelOutput !== undefined ? { rawModelOutput: engine.rawModelOutput } : {}),
  };
}

/** Judges every input; returns the exit code. */
export async function runJudge(context: CommandContext, inputs: readonly NamedInput[], modelJudge?: ModelJudge): Promise<number> {
  const entries: (JudgeJson | InputErrorJson)[] = [];
  let failed = false;
  for (const named of inputs.map(withoutFrontMatter)) {
    const refused = reportRefused(context, named);
    if (refused || !named.input.ok) {
      failed = true;
      if (refused) entries.push(refused);
      continue;
    }
    const outcome = modelJudge ? await modelJudge(named.input.text) : undefined;
    const card = outcome ? outcome.card : judgePrompt(named.input.text);
    const extra = outcome ? modelFields(outcome) : {};
    entries.push({ file: named.file, ...card, ...extra });
    if (!context.json) {
      context.io.stdout(formatScorecard(named.file, card, context.paint));
      if (outcome) context.io.stdout(`${context.paint.dim(extra.fallbackMessage ? `Model not used (${extra.fallbackReason}): ${extra.fallbackMessage}` : `Judged by ${card.judge}.`)}\n`);
    }
  }
  if (context.json) context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  return failed ? 2 : 0;
}
