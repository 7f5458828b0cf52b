/**
 * A realistic, deterministic history for the insights dashboard's checks and benchmark: prompts from
 * several domains improved over weeks, heuristic rewrites with their strategies and renderings, a model
 * switched on part-way with some fallbacks, people's per-hunk decisions that favour some strategies, and
 * the learning state those runs and decisions produce. Plain data: `seedInsightsHistory.ts` writes it
 * through the real repository.
 */
import type { EngineInfo, FeedbackDecision, HunkDecision, NewScore, NewVersion, PromptOrigin } from '../../src/core/history';
import type { LearningStateV1, StrategyStats } from '../../src/core/learning/learningState';
import { mulberry32 } from '../../src/core/learning/seededRandom';
import { AXES } from '../../src/core/types';
import type { Axis, AxisScores } from '../../src/core/types';

/** One improve run of a prompt: the rewrite, its score, and what the person decided. */
export interface FixtureRun {
  at: number;
  /** The rewrite; `parentVersionId` is filled in by the seeder (the best version at that moment). */
  version: Omit<NewVersion, 'parentVersionId'>;
  score: NewScore;
  /** Whether the store will adopt it (its total is at least the best's), known here so counts are exact. */
  adopted: boolean;
  /** The first run of a prompt is always stored; later ones only when adopted (as Improve Again does). */
  storeEvenIfNotAdopted: boolean;
  feedback?: { at: number; decision: FeedbackDecision; hunks: HunkDecision[]; via: string };
}

/** One prompt: the original with its score, then its runs. */
export interface FixturePrompt {
  at: number;
  text: string;
  origin: PromptOrigin;
  score: NewScore;
  runs: FixtureRun[];
}

/** A score-only run (Score Prompt), recorded as a `judge` metric. */
export interface FixtureJudgeRun {
  at: number;
  timeToResultMs: number;
  total: number;
}

/** The whole history to write. */
export interface FixtureHistory {
  prompts: FixturePrompt[];
  judgeRuns: FixtureJudgeRun[];
  learning: LearningStateV1;
  /** Versions the store will hold (originals included). */
  versions: number;
  /** Improve runs (one metric event each). */
  improveRuns: number;
}

/** The size and time span of the history. */
export interface FixtureShape {
  /** Stop adding prompts once the store would hold this many versions (originals included). */
  versions: number;
  /** Improve runs per prompt, at most (the first creates v1; later runs improve from the best). */
  runsPerPrompt: number;
  weeks: number;
  /** The history ends here (milliseconds since the epoch). */
  endMs: number;
  seed?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const TASKS: { file: string; languageId: string; text: string }[] = [
  { file: 'prompts/summarize-article.prompt.md', languageId: 'prompt', text: 'Summarize this article for me. Make it good and not too long.' },
  { file: 'prompts/release-notes.prompt.md', languageId: 'prompt', text: 'Write release notes for version {{version}} from the changelog below.' },
  { file: 'src/assistant.py', languageId: 'python', text: 'You help users debug Python errors. Explain what went wrong and fix it.' },
  { file: 'prompts/sales-email.prompt.md', languageId: 'prompt', text: 'Draft an email to a customer whose order is late. Be nice.' },
  { file: 'prompts/sql-report.prompt.txt', languageId: 'plaintext', text: 'Create a SQL query that shows monthly revenue by region for ${year}.' },
  { file: 'prompts/unit-tests.prompt.md', languageId: 'prompt', text: 'Write unit tests for this function. Cover the edge cases.' },
  { file: 'docs/blog-ideas.md', languageId: 'markdown', text: 'Give me some ideas for a blog post about remote work.' },
  { file: 'prompts/code-review.prompt.md', languageId: 'prompt', text: 'Review this pull request and tell me what is wrong with it.' },
  { file: 'prompts/support-reply.prompt.md', languageId: 'prompt', text: 'Answer the support ticket below politely and suggest a workaround.' },
  { file: 'prompts/data-analysis.prompt.md', languageId: 'prompt', text: 'Analyse the attached CSV of sales and tell me the trends.' },
  { file: 'src/agent.ts', languageId: 'typescript', text: 'You are an agent that plans trips. Ask for dates and budget, then suggest an itinerary.' },
  { file: 'prompts/translate.prompt.md', languageId: 'prompt', text: 'Translate this text to German, keep the tone casual.' },
];

/** Each strategy: how often it applies, the axis it raises, by how much, and how often people keep it. */
const STRATEGY_TRAITS: { id: string; applies: number; axis: Axis; gain: number; kept: number; line: string }[] = [
  { id: 'add-role', applies: 0.8, axis: 'contextUse', gain: 1.2, kept: 0.82, line: 'You are a senior specialist for this kind of task.' },
  { id: 'add-context', applies: 0.55, axis: 'contextUse', gain: 1.5, kept: 0.7, line: 'Context: who this is for: [AUDIENCE]; what it will be used for: [PURPOSE].' },
  { id: 'add-audience', applies: 0.45, axis: 'specificity', gain: 1.1, kept: 0.74, line: 'Audience: engineers on the team; tone: direct and friendly.' },
  { id: 'add-input-slot', applies: 0.4, axis: 'structure', gain: 1.8, kept: 0.88, line: '<input>\n{{input}}\n</input>' },
  { id: 'add-reasoning', applies: 0.25, axis: 'actionability', gain: 0.9, kept: 0.6, line: 'Think through the problem step by step before you answer.' },
  { id: 'add-steps', applies: 0.5, axis: 'actionability', gain: 1.4, kept: 0.78, line: 'Steps:\n1. Read the input.\n2. Find what matters.\n3. Write the answer.' },
  { id: 'add-deliverables', applies: 0.6, axis: 'actionability', gain: 1.6, kept: 0.8, line: 'Deliverables:\n- the answer\n- the reasoning behind it\n- open questions' },
  { id: 'add-output-format', applies: 0.7, axis: 'structure', gain: 2.6, kept: 0.92, line: 'Output format: a markdown list with one item per finding.' },
  { id: 'pin-length', applies: 0.3, axis: 'specificity', gain: 1.3, kept: 0.48, line: 'Length: 3–5 sentences.' },
  { id: 'add-constraints', applies: 0.45, axis: 'specificity', gain: 1.0, kept: 0.66, line: 'Constraints: [VERSIONS, LIMITS, MUST-HAVES].' },
  { id: 'add-positive-alternative', applies: 0.15, axis: 'clarity', gain: 1.2, kept: 0.7, line: 'Instead, do this: [WHAT TO DO].' },
  { id: 'add-success-criteria', applies: 0.4, axis: 'actionability', gain: 1.2, kept: 0.72, line: 'Done when: every finding names the line it is about.' },
  { id: 'add-questions-policy', applies: 0.5, axis: 'clarity', gain: 0.3, kept: 0.24, line: 'If details are missing, ask up to 3 questions, then proceed on stated assumptions.' },
];

const RENDERINGS = [
  { id: 'markdown', share: 0.5, bonus: 0 },
  { id: 'xml', share: 0.3, bonus: 2.5 },
  { id: 'compact', share: 0.2, bonus: -0.8 },
];
const FALLBACKS = ['timeout', 'invalid-json', 'http-429', 'no-gain', 'network'];
const MODEL = 'llm:gpt-4o-mini';

const clampAxis = (value: number): number => Math.round(Math.min(10, Math.max(0, value)) * 10) / 10;

function scorecard(axes: AxisScores, judge: string): NewScore {
  const total = Math.round(AXES.reduce((sum, axis) => sum + axes[axis], 0) * 10) / 10;
  return {
    ...axes,
    total,
    feedback: { pros: ['States the task.'], cons: total < 30 ? ['Leaves the output format open.'] : [], summary: `Scored ${total}/50.` },
    suggestions: total < 30 ? [{ axis: 'structure', rule: 'no-output-format', message: 'Say what shape the answer should take.' }] : [],
    judge,
  };
}

/** Builds the history; the same shape and seed always give the same history. */
export function insightsHistory(shape: FixtureShape): FixtureHistory {
  const rand = mulberry32(shape.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const startMs = shape.endMs - shape.weeks * 7 * DAY;
  const span = shape.endMs - startMs;
  const stats = new Map<string, StrategyStats>();
  const statOf = (id: string): StrategyStats => stats.get(id) ?? (stats.set(id, { offered: 0, applied: 0, gainSum: 0, accepted: 0, rejected: 0 }), stats.get(id)!);
  const prompts: FixturePrompt[] = [];
  let versions = 0;
  let improveRuns = 0;
  let decisions = 0;

  while (versions < shape.versions) {
    // Prompts arrive more often as the team adopts the tool (more in later weeks).
    const at = Math.round(startMs + span * Math.sqrt(rand()) * 0.97);
    const task = pick(TASKS);
    const base = rand() * 2.5 + 2;
    const original = Object.fromEntries(AXES.map((axis) => [axis, clampAxis(base + rand() * 2.2 - 0.6)])) as AxisScores;
    const prompt: FixturePrompt = { at, text: `${task.text}\n(${prompts.length + 1})`, origin: { file: task.file, languageId: task.languageId }, score: scorecard(original, 'heuristic@1'), runs: [] };
    versions += 1;
    let best = prompt.score.total;
    let current = original;
    let runAt = at + 40;
    const runs = 1 + Math.floor(rand() * shape.runsPerPrompt);
    for (let r = 0; r < runs && versions < shape.versions; r += 1) {
      if (r > 0) runAt += Math.round(rand() * 3 * DAY + 10 * 60_000);
      if (runAt > shape.endMs) break;
      const runProgress = (runAt - startMs) / span;
      // The learning loop drops strategies people turn down, so they show up less as weeks pass.
      const offered = STRATEGY_TRAITS.filter((s) => rand() < s.applies * (r === 0 ? 1 : 0.55));
      const chosen = offered.filter((s) => rand() < 1 - (1 - s.kept) * 0.9 * runProgress);
      const rendering = (() => {
        let x = rand();
        for (const option of RENDERINGS) if ((x -= option.share) < 0) return option;
        return RENDERINGS[0]!;
      })();
      // A model is switched on after the first third, for about a quarter of the runs; some fall back.
      const askedModel = runProgress > 0.33 && rand() < 0.28;
      const fallback = askedModel && rand() < 0.3 ? pick(FALLBACKS) : undefined;
      const byModel = askedModel && !fallback;
      // Improving an improved prompt gains less and often loses: those runs are the rollbacks.
      const damp = r === 0 ? 1 : 0.3;
      const axes = { ...current };
      for (const s of chosen) axes[s.axis] = clampAxis(axes[s.axis] + damp * s.gain * (0.5 + rand() * 0.6 + runProgress * 0.6));
      const noise = byModel ? 1.6 : r === 0 ? 0.4 : 1.2;
      const drift = r === 0 ? 0.45 : 0.72;
      for (const axis of AXES) axes[axis] = clampAxis(axes[axis] + (rand() - drift) * noise + (rendering.bonus / 5) * (axis === 'structure' ? 3 : 0.5));
      const score = scorecard(axes, byModel ? MODEL : 'heuristic@1');
      const engine: EngineInfo = byModel ? { id: MODEL } : { id: 'heuristic@1', rendering: rendering.id, ...(fallback ? { fallbackReason: fallback } : {}) };
      const heuristicMs = 18 + Math.round(-Math.log(1 - rand()) * 30);
      const timeToResultMs = byModel ? 1400 + Math.round(rand() * 3600) : fallback ? (fallback === 'timeout' ? 6000 : 400 + Math.round(rand() * 1800)) + heuristicMs : heuristicMs;
      const adopted = score.total >= best;
      const stored = r === 0 || adopted;
      const strategies = byModel ? [] : chosen.map((s) => s.id);
      const version: FixtureRun['version'] = {
        text: [`${task.text} (run ${r + 1})`, ...chosen.map((s) => s.line)].join('\n\n'),
        explanation: {
          bullets: byModel ? ['Rewritten by the model for clarity and structure.'] : chosen.map((s) => `Applied ${s.id}.`),
          diffs: chosen.map((s, i) => ({ id: `h${i}`, oldStart: 1, oldLines: 0, newStart: 2 + i * 2, newLines: 1, lines: [`+${s.line}`], strategies: byModel ? [] : [s.id] })),
        },
        source: byModel ? `engine/${MODEL}` : 'engine/heuristic@1',
        strategies,
        engine,
        timeToResultMs,
      };
      const run: FixtureRun = { at: runAt, version, score, adopted, storeEvenIfNotAdopted: r === 0 };
      improveRuns += 1;
      if (!byModel) {
        for (const s of offered) statOf(s.id).offered += 1;
        for (const s of chosen) {
          const stat = statOf(s.id);
          stat.applied += 1;
          stat.gainSum = Math.round((stat.gainSum + (score.total - prompt.score.total) / Math.max(1, chosen.length)) * 100) / 100;
        }
      }
      if (stored) {
        versions += 1;
        // About two in three stored rewrites get a decision in the editor; people keep more as weeks pass.
        if (rand() < 0.68) {
          const hunks: HunkDecision[] = chosen.map((s, i) => ({ hunkId: `h${i}`, accepted: rand() < Math.min(0.97, s.kept + runProgress * 0.12), strategies: [s.id] }));
          const kept = hunks.filter((h) => h.accepted).length;
          const decision: FeedbackDecision = hunks.length === 0 ? (rand() < 0.7 ? 'accepted' : 'rejected') : kept === hunks.length ? 'accepted' : kept === 0 ? 'rejected' : 'partial';
          run.feedback = { at: runAt + 5000 + Math.round(rand() * 90_000), decision, hunks, via: rand() < 0.85 ? 'editor' : 'panel' };
          decisions += 1;
          for (const h of hunks) {
            const stat = statOf(h.strategies[0]!);
            if (h.accepted) stat.accepted += 1;
            else stat.rejected += 1;
          }
        }
        if (adopted) {
          best = score.total;
          current = axes;
        }
      }
      prompt.runs.push(run);
    }
    prompts.push(prompt);
  }

  const judgeRuns: FixtureJudgeRun[] = Array.from({ length: Math.round(prompts.length * 0.3) }, () => ({
    at: Math.round(startMs + rand() * span),
    timeToResultMs: 2 + Math.round(rand() * 9),
    total: Math.round((18 + rand() * 22) * 10) / 10,
  }));
  const learning: LearningStateV1 = { version: 1, rewrites: improveRuns, decisions, strategies: Object.fromEntries([...stats].sort(([a], [b]) => (a < b ? -1 : 1))) };
  return { prompts, judgeRuns, learning, versions, improveRuns };
}
