/**
 * Writes a fixture history (insightsHistory.ts) into a store folder with the store's own operations
 * (createPrompt, appendVersion, recordMetric, … from src/storage), with the store's clock set to each
 * event's time so weeks, ids and event order are as if it had happened. Used by the insights UI check, the
 * integration test and the benchmark.
 *
 * NOTE: every operation runs in one locked session committed once at the end (and without fsync): through
 * the repository, one lock and one commit per operation, 10,000 versions take minutes to seed. The files
 * are the ones the repository writes, and they are decoded and validated again when the dashboard reads them.
 */
import { mkdir, open } from 'node:fs/promises';
import type { HistoryRepository } from '../../src/core/history';
import * as eventOps from '../../src/storage/eventOps';
import type { OpContext } from '../../src/storage/promptOps';
import * as promptOps from '../../src/storage/promptOps';
import type { StoreFs } from '../../src/storage/storeFs';
import { nodeStoreFs } from '../../src/storage/storeFs';
import { withStoreLock } from '../../src/storage/storeLock';
import { StoreSession } from '../../src/storage/storeSession';
import { bumpHead, loadHead } from '../../src/storage/storeState';
import type { FixtureHistory, FixturePrompt, FixtureRun } from './insightsHistory';

/** The real file system without fsync: seeding a fixture needs no durability, and fsyncs would take minutes. */
export const fastFs: StoreFs = {
  ...nodeStoreFs,
  async writeNewFile(path, data) {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
    } finally {
      await handle.close();
    }
  },
  syncDir: () => Promise.resolve(),
};

type Step =
  | { at: number; kind: 'create'; prompt: FixturePrompt }
  | { at: number; kind: 'run'; prompt: FixturePrompt; run: FixtureRun }
  | { at: number; kind: 'feedback'; prompt: FixturePrompt; run: FixtureRun }
  | { at: number; kind: 'judge'; timeToResultMs: number; total: number };

function timeline(history: FixtureHistory): Step[] {
  const steps: Step[] = [];
  for (const prompt of history.prompts) {
    steps.push({ at: prompt.at, kind: 'create', prompt });
    for (const run of prompt.runs) {
      steps.push({ at: run.at, kind: 'run', prompt, run });
      if (run.feedback) steps.push({ at: run.feedback.at, kind: 'feedback', prompt, run });
    }
  }
  for (const judge of history.judgeRuns) steps.push({ kind: 'judge', ...judge });
  // Stable sort: a prompt's own steps keep their order when two share a millisecond.
  return steps.sort((a, b) => a.at - b.at);
}

/** What the seeder stored, for the checks to compare with. */
export interface SeededCounts {
  prompts: number;
  versions: number;
  improveRuns: number;
  adopted: number;
  feedback: number;
}

type SeedTarget = Pick<HistoryRepository, 'createPrompt' | 'appendVersion' | 'recordMetric' | 'recordFeedback' | 'writeLearningState'>;

/** Runs `fill` on the store at `dir` in one locked session, then commits everything it wrote at once. */
export async function inOneCommit<T>(dir: string, now: () => number, fill: (target: SeedTarget) => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true });
  return withStoreLock(dir, {}, async () => {
    const session = new StoreSession({ dir, fs: fastFs, now, warn: () => undefined }, true);
    const ctx: OpContext = { session, head: await loadHead(session) };
    const result = await fill({
      createPrompt: (text, origin, options) => promptOps.createPrompt(ctx, text, origin, options ?? {}),
      appendVersion: (promptId, version, score, options) => promptOps.appendVersion(ctx, promptId, version, score, options),
      recordMetric: (event) => eventOps.recordMetric(ctx, event),
      recordFeedback: (event) => eventOps.recordFeedback(ctx, event),
      writeLearningState: (state) => eventOps.updateLearningState(ctx, () => state),
    });
    bumpHead(session, ctx.head);
    await session.commit();
    return result;
  });
}

/** Writes `history` into the store at `dir` (created if needed), on top of what it already holds. */
export async function seedInsightsHistory(dir: string, history: FixtureHistory): Promise<SeededCounts> {
  let clock = history.prompts[0]?.at ?? 0;
  return inOneCommit(dir, () => clock, (repository) => seed(repository, history, (at) => (clock = at)));
}

async function seed(repository: SeedTarget, history: FixtureHistory, setClock: (at: number) => void): Promise<SeededCounts> {
  const promptIds = new Map<FixturePrompt, { id: string; best: string }>();
  const versionIds = new Map<FixtureRun, string>();
  const counts: SeededCounts = { prompts: 0, versions: 0, improveRuns: 0, adopted: 0, feedback: 0 };
  for (const step of timeline(history)) {
    setClock(step.at);
    switch (step.kind) {
      case 'create': {
        const created = await repository.createPrompt(step.prompt.text, step.prompt.origin, { score: step.prompt.score });
        promptIds.set(step.prompt, { id: created.prompt.id, best: created.original.id });
        counts.prompts += 1;
        counts.versions += 1;
        break;
      }
      case 'run': {
        const ids = promptIds.get(step.prompt)!;
        const { run } = step;
        const appended = await repository.appendVersion(ids.id, { ...run.version, parentVersionId: ids.best }, run.score, {
          adoptIfAtLeastBest: true,
          onlyIfAdopted: !run.storeEvenIfNotAdopted,
        });
        if (appended.stored) {
          versionIds.set(run, appended.version.id);
          counts.versions += 1;
        }
        if (appended.adopted && appended.stored) {
          ids.best = appended.version.id;
          counts.adopted += 1;
        }
        await repository.recordMetric({
          kind: 'improve',
          promptId: ids.id,
          ...(appended.stored ? { versionId: appended.version.id } : {}),
          engine: run.version.engine.id,
          timeToResultMs: run.version.timeToResultMs,
          adopted: appended.adopted,
          total: run.score.total,
          ...(run.version.engine.fallbackReason ? { fallbackReason: run.version.engine.fallbackReason } : {}),
        });
        counts.improveRuns += 1;
        break;
      }
      case 'feedback': {
        const versionId = versionIds.get(step.run);
        const feedback = step.run.feedback!;
        if (!versionId) break;
        await repository.recordFeedback({
          promptId: promptIds.get(step.prompt)!.id,
          versionId,
          decision: feedback.decision,
          hunks: feedback.hunks,
          strategies: step.run.version.strategies,
          via: feedback.via,
        });
        counts.feedback += 1;
        break;
      }
      case 'judge':
        await repository.recordMetric({ kind: 'judge', engine: 'heuristic@1', timeToResultMs: step.timeToResultMs, adopted: false, total: step.total });
        break;
      default: {
        const never: never = step;
        throw new Error(`unknown step ${JSON.stringify(never)}`);
      }
    }
  }
  await repository.writeLearningState(history.learning);
  return counts;
}
