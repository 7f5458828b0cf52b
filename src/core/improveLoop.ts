/**
 * The improve loop over the history: create a prompt (v0 the original, v1 the best rewrite), and improve
 * again from the current best version, adopting a new version only when its total is at least the best
 * (decided atomically by the store). When the best was scored by another judge than the run's (the
 * heuristic judge and a model), the run's own before/after comparison decides instead of the totals.
 * Every run is recorded as a metric event.
 */
import type { AdoptVerdict, AppendResult, BestPointer, HistoryRepository, NewScore, NewVersion, PromptOrigin, PromptRecord, VersionWithScores } from './history';
import type { ImproveOptions, ImproveResult } from './engine/improvePrompt';
import { improvePrompt } from './engine/improvePrompt';
import type { EngineResult } from './model/improveWithModel';
import { heuristicResult } from './model/improveWithModel';

/** What the loop needs from outside. */
export interface ImproveLoopDeps {
  repository: HistoryRepository;
  /** A monotonic millisecond clock (performance.now in practice), for time to result. */
  now: () => number;
  /** Engine options per run, e.g. the learning loop's strategy selector. */
  engineOptions?: (text: string) => ImproveOptions | Promise<ImproveOptions>;
  /** Called with each result before it is stored, e.g. to update learning statistics. */
  onResult?: (result: ImproveResult, outcome: { promptId: string; versionId?: string; adopted: boolean }) => void | Promise<void>;
  /** The engine: the heuristic one by default; a model-aware one (`improveWithModel`) when a model is on. */
  improve?: (text: string, options: ImproveOptions) => Promise<EngineResult>;
}

/** What one run of the loop did. */
export interface LoopOutcome {
  promptId: string;
  /** The version stored by this run; absent when nothing new was stored. */
  versionId?: string;
  versionNo?: number;
  /** Whether this run's version became the best. */
  adopted: boolean;
  /** The best version after the run. */
  best: BestPointer;
  /** The improvement, with the engine that produced it and its fallback reason. */
  result: EngineResult;
  timeToResultMs: number;
  /** One sentence for people: what was stored, or why nothing was. */
  message: string;
}

/** Thrown when `improveAgain` is given an id the store does not know. */
export class UnknownPromptError extends Error {
  constructor(readonly promptId: string) {
    super(`There is no prompt "${promptId}" in the history. "prompter history" lists the prompt ids.`);
  }
}

/** Thrown when `improveAgain` is asked to start from a version the prompt does not have. */
export class UnknownVersionError extends Error {
  constructor(
    readonly promptId: string,
    readonly versionId: string,
  ) {
    super(`Prompt "${promptId}" has no version "${versionId}" (it may have been deleted).`);
  }
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
const scoreText = (best: BestPointer): string => (best.score === null ? 'unscored' : `${best.score}/50`);

async function run(deps: ImproveLoopDeps, text: string): Promise<{ result: EngineResult; timeToResultMs: number }> {
  const started = deps.now();
  const options = deps.engineOptions ? await deps.engineOptions(text) : {};
  const result = deps.improve ? await deps.improve(text, options) : heuristicResult(improvePrompt(text, options));
  return { result, timeToResultMs: round(deps.now() - started) };
}

const isEngineSource = (source: string): source is NewVersion['source'] => /^engine\/(heuristic@\d+|llm:.+)$/s.test(source);

// A model judge's raw answers are kept beside the score they produced (or failed to produce).
function scoreOf(card: EngineResult['judge']['after'], raw: string | undefined): NewScore {
  return raw === undefined ? card : { ...card, rawModelOutput: raw };
}

/** The original's score to store with v0: the model's raw answers go with it when the model judged it. */
function beforeScore(result: EngineResult): NewScore {
  return scoreOf(result.judge.before, result.judge.before.judge.startsWith('llm:') ? result.engine.rawJudgeOutput : undefined);
}

async function store(
  deps: ImproveLoopDeps,
  prompt: PromptRecord,
  parentVersionId: string,
  result: EngineResult,
  timeToResultMs: number,
  onlyIfAdopted: boolean,
  verdict?: AdoptVerdict,
): Promise<AppendResult> {
  if (!isEngineSource(result.source)) throw new Error(`Unknown version source "${result.source}".`);
  const { engine } = result;
  return deps.repository.appendVersion(
    prompt.id,
    {
      text: result.improved,
      explanation: result.explanation,
      source: result.source,
      strategies: result.strategies,
      parentVersionId,
      engine: { id: engine.id, ...(result.style ? { rendering: result.style } : {}), ...(engine.fallbackReason ? { fallbackReason: engine.fallbackReason } : {}) },
      timeToResultMs,
    },
    scoreOf(result.judge.after, engine.rawJudgeOutput),
    { adoptIfAtLeastBest: true, onlyIfAdopted, ...(verdict ? { verdict } : {}) },
  );
}

/** The judge of the best version's score (the latest score with the best total), if it was scored. */
function bestJudge(best: VersionWithScores, bestScore: number | null): string | undefined {
  const scores = best.scores.filter((score) => score.total === bestScore);
  return (scores.at(-1) ?? best.scores.at(-1))?.judge;
}

/**
 * When the best version's score comes from another judge than this run's, the totals are not on one scale:
 * the run's judge compared the rewrite with the text it started from (a model: in both orders), and that
 * verdict decides. It holds only against that version, so from an older version it adopts nothing.
 */
function crossJudgeVerdict(best: VersionWithScores, bestScore: number | null, from: VersionWithScores, result: EngineResult): AdoptVerdict | undefined {
  const judge = bestJudge(best, bestScore);
  if (judge === undefined || judge === result.judge.after.judge) return undefined;
  return { comparedWithVersionId: from.version.id, atLeastBest: result.judge.after.total >= result.judge.before.total };
}

async function finish(deps: ImproveLoopDeps, outcome: LoopOutcome): Promise<LoopOutcome> {
  await deps.onResult?.(outcome.result, { promptId: outcome.promptId, versionId: outcome.versionId, adopted: outcome.adopted });
  await deps.repository.recordMetric({
    kind: 'improve',
    promptId: outcome.promptId,
    ...(outcome.versionId ? { versionId: outcome.versionId } : {}),
    engine: outcome.result.engine.id,
    timeToResultMs: outcome.timeToResultMs,
    adopted: outcome.adopted,
    total: outcome.result.judge.after.total,
    ...(outcome.result.engine.fallbackReason ? { fallbackReason: outcome.result.engine.fallbackReason } : {}),
  });
  return outcome;
}

/** Stores a new prompt as v0 with its score, improves it, and stores the rewrite as v1 when it helps. */
export async function createAndImprove(deps: ImproveLoopDeps, text: string, origin: PromptOrigin = {}): Promise<LoopOutcome> {
  const { result, timeToResultMs } = await run(deps, text);
  const created = await deps.repository.createPrompt(text, origin, { score: beforeScore(result) });
  const original: BestPointer = { versionId: created.original.id, versionNo: 0, score: result.judge.before.total };
  if (!result.changed) {
    return finish(deps, { promptId: created.prompt.id, adopted: false, best: original, result, timeToResultMs, message: `${result.unchangedReason ?? 'No improvement found.'} Stored the original as v0.` });
  }
  const appended = await store(deps, created.prompt, created.original.id, result, timeToResultMs, false);
  if (!appended.stored) throw new Error('The store discarded a version it was asked to keep.');
  return finish(deps, {
    promptId: created.prompt.id,
    versionId: appended.version.id,
    versionNo: appended.version.versionNo,
    adopted: appended.adopted,
    best: appended.best,
    result,
    timeToResultMs,
    message: appended.adopted
      ? `Stored v${appended.version.versionNo}, now best at ${scoreText(appended.best)}.`
      : `Stored v${appended.version.versionNo}; v${appended.best.versionNo} stays best at ${scoreText(appended.best)}.`,
  });
}

/**
 * Improves a stored prompt again: from its current best version, or from `fromVersionId` when given (the
 * history's "improve from this version"). Either way the rewrite must reach the best total to be adopted,
 * and a version is stored only when it is adopted; otherwise the result says that nothing raised the score.
 */
export async function improveAgain(deps: ImproveLoopDeps, promptId: string, fromVersionId?: string): Promise<LoopOutcome> {
  const detail = await deps.repository.getPrompt(promptId);
  if (!detail) throw new UnknownPromptError(promptId);
  const bestId = detail.prompt.bestVersionId;
  const best = detail.versions.find((v) => v.version.id === bestId) ?? detail.versions[0]!;
  const from = fromVersionId === undefined ? best : detail.versions.find((v) => v.version.id === fromVersionId);
  if (!from) throw new UnknownVersionError(promptId, fromVersionId!);
  const pointer: BestPointer = { versionId: best.version.id, versionNo: best.version.versionNo, score: detail.prompt.bestScore };
  const { result, timeToResultMs } = await run(deps, from.version.text);
  // From an older version the rewrite may beat its parent and still fall short of the best: say both.
  const noGain = (stays: BestPointer) =>
    `No further improvement found; v${stays.versionNo} stays best at ${scoreText(stays)}.` +
    (from.version.id !== stays.versionId && result.changed ? ` (The rewrite of v${from.version.versionNo} scored ${result.judge.after.total}/50.)` : '');
  if (!result.changed) return finish(deps, { promptId, adopted: false, best: pointer, result, timeToResultMs, message: noGain(pointer) });
  const verdict = crossJudgeVerdict(best, detail.prompt.bestScore, from, result);
  const appended = await store(deps, detail.prompt, from.version.id, result, timeToResultMs, true, verdict);
  if (!appended.stored) return finish(deps, { promptId, adopted: false, best: appended.best, result, timeToResultMs, message: noGain(appended.best) });
  return finish(deps, {
    promptId,
    versionId: appended.version.id,
    versionNo: appended.version.versionNo,
    adopted: true,
    best: appended.best,
    result,
    timeToResultMs,
    message: `Stored v${appended.version.versionNo}, now best at ${scoreText(appended.best)}.`,
  });
}
