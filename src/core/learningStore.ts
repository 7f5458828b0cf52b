/**
 * The learning loop wired to the history: the strategy selector reads the stored statistics, every
 * improve run and every decision people make update them under the store's lock. Shared by the CLI and
 * the extension.
 *
 * NOTE: a stored state that fails validation is never overwritten: learning pauses (the engine uses
 * every applicable strategy) and the caller is warned, so nothing a person can inspect is lost.
 */
import type { ImproveOptions, ImproveResult } from './engine/improvePrompt';
import type { FeedbackEventRecord, HistoryRepository } from './history';
import type { ImproveLoopDeps } from './improveLoop';
import type { LearningStateV1, StrategyReportRow } from './learning';
import { createSelector, feedbackFromEvent, hashText, loadLearningState, recordFeedback, recordImprovement, strategyReport } from './learning';

/** Learning as the improve loop and the feedback paths use it. */
export interface LearningLink {
  /** Engine options for one run: the selector drawn from the stored statistics. */
  engineOptions(text: string): Promise<ImproveOptions>;
  /** Credits a run's strategies with their judge gains. */
  recordResult(result: ImproveResult): Promise<void>;
  /** Credits a person's decision to the strategies of the hunks. */
  recordDecision(event: Pick<FeedbackEventRecord, 'decision' | 'hunks' | 'strategies'>): Promise<void>;
  /** The per-strategy statistics for `prompter stats` and the dashboard. */
  report(): Promise<StrategyReportRow[]>;
}

/** Links learning to a repository; `warn` hears once about a stored state that could not be read. */
export function linkLearning(repository: HistoryRepository, warn: (message: string) => void = () => undefined): LearningLink {
  let warned = false;
  const load = (raw: unknown): LearningStateV1 | undefined => {
    const loaded = loadLearningState(raw);
    if (loaded.ok) {
      // Notes say what was dropped while loading (one strategy's damaged counters, for example).
      if (!warned && loaded.notes.length) warn(loaded.notes.join(' '));
      warned ||= loaded.notes.length > 0;
      return loaded.state;
    }
    if (!warned) warn(`${loaded.error} Learning is paused until it is reset.`);
    warned = true;
    return undefined;
  };
  const update = async (change: (state: LearningStateV1) => LearningStateV1): Promise<void> => {
    const stored = await repository.readLearningState();
    if (stored && !load(stored.state)) return;
    await repository.updateLearningState((current) => {
      const state = load(current);
      // Another process may have written something unreadable since: keep it, as read above.
      return state ? change(state) : (current ?? {});
    });
  };
  return {
    async engineOptions(text) {
      const stored = await repository.readLearningState();
      const state = load(stored?.state);
      return state ? { selectStrategies: createSelector(state, hashText(text)) } : {};
    },
    recordResult: (result) => update((state) => recordImprovement(state, result)),
    recordDecision: (event) => update((state) => recordFeedback(state, feedbackFromEvent(event))),
    async report() {
      const stored = await repository.readLearningState();
      return strategyReport(load(stored?.state) ?? loadLearningState(undefined).state);
    },
  };
}

/**
 * The improve loop's learning hooks: strategy choice from the stored statistics (plus `extra` options,
 * such as the renderings to try), and credit for each run. Model rewrites are not made of engine
 * strategies, so only heuristic results teach the learning loop.
 */
export function learningLoopDeps(learning: LearningLink, extra: ImproveOptions = {}): Pick<ImproveLoopDeps, 'engineOptions' | 'onResult'> {
  return {
    engineOptions: async (text) => ({ ...extra, ...(await learning.engineOptions(text)) }),
    onResult: (result) => (result.source.startsWith('engine/heuristic@') ? learning.recordResult(result) : undefined),
  };
}
