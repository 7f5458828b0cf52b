/**
 * `prompter improve`: rewrite each input, explain the changes, score before and after, store the versions.
 * Front matter is set aside and put back unchanged; the history stores the prompt after it.
 */
import type { ImproveResult } from '../../core/engine/improvePrompt';
import { improvePrompt } from '../../core/engine/improvePrompt';
import type { HistoryRepository } from '../../core/history';
import type { ImproveLoopDeps, LoopOutcome } from '../../core/improveLoop';
import { createAndImprove, improveAgain } from '../../core/improveLoop';
import { describeFallback } from '../../core/model/fallbackReasons';
import type { EngineResult } from '../../core/model/improveWithModel';
import { heuristicResult } from '../../core/model/improveWithModel';
import { withFrontMatter, withoutFrontMatter } from '../frontMatterInput';
import { formatImprovement } from '../humanOutput';
import type { NamedInput } from '../readInputs';
import type { CommandContext, InputErrorJson } from './commandContext';
import { reportRefused } from './commandContext';

/**
 * One entry of `prompter improve --json`: the stable scripting contract. A file's front matter is not
 * rewritten: `improved` starts with it unchanged, and the hunks count lines from the top of the file.
 */
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
  /** With a store: the prompt, the version this run stored (if any), and whether it became best. */
  promptId?: string;
  versionId?: string;
  versionNo?: number;
  adopted?: boolean;
  message?: string;
  /** The engine that produced the result: `heuristic@1`, or `llm:<model>` with `--llm`. */
  engine: string;
  /** With `--llm`: why the model was asked but the heuristic engine answered (`timeout`, `http-429`, …). */
  fallbackReason?: string;
  /** That reason in a sentence, with what went wrong. */
  fallbackMessage?: string;
  /** With `--llm`: model rewrite styles that were thrown away, and why (`intent-check`, `invalid-json`, …). */
  discarded?: { style: string; reason: string; detail: string }[];
}

/** The JSON entry for one result. */
export function improveJson(file: string, result: EngineResult, timeToResultMs: number, outcome?: LoopOutcome): ImproveJson {
  const { engine } = result;
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
    ...(outcome
      ? {
          promptId: outcome.promptId,
          ...(outcome.versionId ? { versionId: outcome.versionId, versionNo: outcome.versionNo } : {}),
          adopted: outcome.adopted,
          message: outcome.message,
        }
      : {}),
    engine: engine.id,
    ...(engine.fallbackReason ? { fallbackReason: engine.fallbackReason, fallbackMessage: fallbackMessage(result) } : {}),
    ...(engine.discarded.length ? { discarded: engine.discarded.map(({ style, reason, detail }) => ({ style, reason, detail })) } : {}),
  };
}

function fallbackMessage(result: EngineResult): string {
  const { fallbackReason, fallbackDetail } = result.engine;
  return fallbackReason ? `${describeFallback(fallbackReason)}${fallbackDetail ? ` (${fallbackDetail})` : ''} The offline engine answered.` : '';
}

/** How `improve` runs: on inputs (new prompts) or again on a stored prompt. */
export type ImproveTarget = { inputs: readonly NamedInput[] } | { againPromptId: string };

function print(context: CommandContext, file: string, result: EngineResult, outcome?: LoopOutcome): void {
  if (context.json) return;
  context.io.stdout(formatImprovement(file, result, context.paint));
  if (result.engine.fallbackReason) context.io.stdout(`${context.paint.dim(`Model not used (${result.engine.fallbackReason}): ${fallbackMessage(result)}`)}\n`);
  else if (result.source.startsWith('engine/llm:')) context.io.stdout(`${context.paint.dim(`Rewritten and judged by ${result.engine.id}.`)}\n`);
  if (outcome) context.io.stdout(`${context.paint.dim(`${outcome.message} (prompt ${outcome.promptId})`)}\n\n`);
}

/** Improves every input (storing versions when a store is given); returns the exit code. */
export async function runImprove(
  context: CommandContext,
  target: ImproveTarget,
  repository: HistoryRepository | undefined,
  loopDeps: Omit<ImproveLoopDeps, 'repository'>,
): Promise<number> {
  const entries: (ImproveJson | InputErrorJson)[] = [];
  let failed = false;
  if ('againPromptId' in target) {
    if (!repository) throw new Error('--again needs a history store.');
    const outcome = await improveAgain({ ...loopDeps, repository }, target.againPromptId);
    entries.push(improveJson(target.againPromptId, outcome.result, outcome.timeToResultMs, outcome));
    print(context, target.againPromptId, outcome.result, outcome);
  } else {
    for (const named of target.inputs.map(withoutFrontMatter)) {
      const refused = reportRefused(context, named);
      if (refused || !named.input.ok) {
        failed = true;
        if (refused) entries.push(refused);
        continue;
      }
      if (repository) {
        const origin = named.file === '-' ? {} : { file: named.file };
        const outcome = await createAndImprove({ ...loopDeps, repository }, named.input.text, origin);
        const result = withFrontMatter(outcome.result, named.frontMatter);
        entries.push(improveJson(named.file, result, outcome.timeToResultMs, outcome));
        print(context, named.file, result, outcome);
      } else {
        const started = loopDeps.now();
        const improved = loopDeps.improve ? await loopDeps.improve(named.input.text, {}) : heuristicResult(improvePrompt(named.input.text));
        const elapsed = Math.round((loopDeps.now() - started) * 100) / 100;
        const result = withFrontMatter(improved, named.frontMatter);
        entries.push(improveJson(named.file, result, elapsed));
        print(context, named.file, result);
      }
    }
  }
  if (context.json) context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  return failed ? 2 : 0;
}
