/**
 * The learning loop's figures: how fast a strategy people turn down leaves the rewrites, whether the text
 * they keep holds its judge score meanwhile, whether keeping everything leaves the mix alone, and what the
 * judge-gain attribution costs per recorded rewrite. Counts and scores are deterministic (seeded); only
 * the cost is a timing.
 */
import { improvePrompt } from '../../src/core/engine/improvePrompt';
import { inclusionProbability } from '../../src/core/learning/inclusionPolicy';
import { emptyLearningState } from '../../src/core/learning/learningState';
import { recordImprovement } from '../../src/core/learning/recordImprovement';
import { LEARNING_CORPUS } from '../unit/learning/learningCorpus';
import { acceptsEverything, inclusionRate, meanKeptTotal, rejectsStrategy, simulate } from '../unit/learning/simulateUser';
import type { BenchFigure, BenchSuite } from './benchTypes';
import { median, timeRuns } from './benchTypes';

const REJECTED = 'add-questions-policy';
const round2 = (value: number): number => Math.round(value * 100) / 100;

function rejectionFigures(): BenchFigure[] {
  const { trace } = simulate(emptyLearningState(), LEARNING_CORPUS, rejectsStrategy(REJECTED), 60);
  const byRound = [0, 5, 10, 15, 20, 25, 30].map((round) => `r${round} ${inclusionProbability(trace[round]!.before, REJECTED).toFixed(2)}`).join(', ');
  const late = inclusionRate(trace.slice(30), REJECTED);
  const early = meanKeptTotal(trace.slice(0, 20));
  const later = meanKeptTotal(trace.slice(40, 60));
  const offered = (rounds: typeof trace): string => (rounds.reduce((sum, r) => sum + r.rewriteTotal, 0) / rounds.length).toFixed(2);
  return [
    { name: `learning: ${REJECTED} in rewrites 31–60 when always rejected`, value: round2(late * 100), unit: '%', target: '<= 20 %', met: late <= 0.2, detail: `inclusion probability ${byRound}` },
    { name: 'learning: judge total of the kept text, rounds 41–60 minus rounds 1–20', value: round2(later - early), unit: 'points', target: '>= 0', met: later >= early, detail: `${early.toFixed(2)} → ${later.toFixed(2)} on the same 20 prompts; the rewrites as offered ${offered(trace.slice(0, 20))} → ${offered(trace.slice(40, 60))}, as the judge rewards the rejected part` },
  ];
}

function acceptAllFigure(): BenchFigure {
  const { trace } = simulate(emptyLearningState(), LEARNING_CORPUS, acceptsEverything, 60);
  const pairs = (rounds: typeof trace): number[] => [rounds.reduce((n, r) => n + r.strategies.length, 0), rounds.reduce((n, r) => n + r.applicable.length, 0)];
  const [usedEarly, offeredEarly] = pairs(trace.slice(0, 30));
  const [usedLate, offeredLate] = pairs(trace.slice(30));
  const early = usedEarly! / offeredEarly!;
  const late = usedLate! / offeredLate!;
  return { name: 'learning: applicable strategies used when everything is kept, rounds 31–60', value: round2(late * 100), unit: '%', target: '>= 95 %', met: late >= 0.95, detail: `rounds 1–30: ${(early * 100).toFixed(1)} %` };
}

function attributionCost(): BenchFigure {
  const results = LEARNING_CORPUS.map((text) => improvePrompt(text));
  let index = 0;
  const durations = timeRuns(60, () => {
    recordImprovement(emptyLearningState(), results[index % results.length]!);
    index += 1;
  });
  return { name: 'learning: recordImprovement (judge-gain attribution re-runs the engine once per strategy)', value: round2(median(durations)), unit: 'ms median', detail: `${results.length} prompts, ~${Math.round(results.reduce((n, r) => n + r.strategies.length, 0) / results.length)} strategies each` };
}

/** The learning loop's benchmark suite. */
export const learningBench: BenchSuite = {
  name: 'learning',
  run: () => Promise.resolve([...rejectionFigures(), acceptAllFigure(), attributionCost()]),
};
