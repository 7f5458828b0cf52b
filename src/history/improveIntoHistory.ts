/**
 * The editor's improve runs over a workspace's history: improve a new prompt (v0 the original, v1 the
 * rewrite) or improve a stored prompt again from its best version, with the learning loop steering the
 * engine. The person's rewrite never depends on the disk: when the store cannot be written the result is
 * still returned, with the reason it was not saved.
 */
import type { ImproveOptions } from '../core/engine/improvePrompt';
import { improvePrompt } from '../core/engine/improvePrompt';
import type { BestPointer, PromptOrigin } from '../core/history';
import type { ImproveLoopDeps, LoopOutcome } from '../core/improveLoop';
import { createAndImprove, improveAgain } from '../core/improveLoop';
import { learningLoopDeps } from '../core/learningStore';
import type { EngineResult } from '../core/model/improveWithModel';
import { heuristicResult } from '../core/model/improveWithModel';
import type { WorkspaceHistory } from './historyStores';

/** Where a run's version went in the history. */
export interface StoredRun {
  /** The store (`WorkspaceHistory.key`). */
  historyKey: string;
  promptId: string;
  /** The version this run stored; absent when nothing new was stored. */
  versionId?: string;
  versionNo?: number;
  adopted: boolean;
  /** The best version after the run. */
  best: BestPointer;
  /** "Stored v1, now best at 38/50." */
  message: string;
}

/** One improve run as the editor uses it. */
export interface ImproveRun {
  result: EngineResult;
  timeToResultMs: number;
  /** Present when the run was stored. */
  stored?: StoredRun;
  /** Why the run was not stored, when storing failed. */
  storeError?: string;
}

/** How a run is made. */
export interface RunOptions {
  /** Engine options beyond the learning loop's (the renderings to try). */
  engine: ImproveOptions;
  /** A model-aware engine; the heuristic one when absent. */
  improve?: ImproveLoopDeps['improve'];
}

const now = () => performance.now();

function storedRun(history: WorkspaceHistory, outcome: LoopOutcome): StoredRun {
  return {
    historyKey: history.key,
    promptId: outcome.promptId,
    ...(outcome.versionId ? { versionId: outcome.versionId, versionNo: outcome.versionNo } : {}),
    adopted: outcome.adopted,
    best: outcome.best,
    message: outcome.message,
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Improves `text` as a new prompt of `history`. */
export async function improveIntoHistory(history: WorkspaceHistory, text: string, origin: PromptOrigin, options: RunOptions): Promise<ImproveRun> {
  let produced: { result: EngineResult; at: number } | undefined;
  const started = now();
  const engine = options.improve ?? ((prompt: string, engineOptions: ImproveOptions) => Promise.resolve(heuristicResult(improvePrompt(prompt, engineOptions))));
  const deps: ImproveLoopDeps = {
    repository: history.repository,
    now,
    ...learningLoopDeps(history.learning, options.engine),
    // Remember the result as soon as it exists, so a failing store cannot take it from the person.
    improve: async (prompt, engineOptions) => {
      const result = await engine(prompt, engineOptions);
      produced = { result, at: now() };
      return result;
    },
  };
  try {
    const outcome = await createAndImprove(deps, text, origin);
    return { result: outcome.result, timeToResultMs: outcome.timeToResultMs, stored: storedRun(history, outcome) };
  } catch (error) {
    // The learning state is read before the engine runs: without it, the engine runs with every strategy.
    if (!produced) produced = { result: await engine(text, options.engine), at: now() };
    return { result: produced.result, timeToResultMs: produced.at - started, storeError: messageOf(error) };
  }
}

/**
 * Improves a stored prompt again, from its best version or from `fromVersionId` (the history's "improve
 * from this version"); stores the rewrite only when it is adopted.
 */
export async function improveAgainInHistory(history: WorkspaceHistory, promptId: string, options: RunOptions, fromVersionId?: string): Promise<ImproveRun & { stored: StoredRun }> {
  const outcome = await improveAgain(
    { repository: history.repository, now, ...learningLoopDeps(history.learning, options.engine), ...(options.improve ? { improve: options.improve } : {}) },
    promptId,
    fromVersionId,
  );
  return { result: outcome.result, timeToResultMs: outcome.timeToResultMs, stored: storedRun(history, outcome) };
}
