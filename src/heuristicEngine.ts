/** The in-process heuristic engine and judge behind the `PromptEngine` interface. */
import { improvePrompt } from './core/engine/improvePrompt';
import { judgePrompt } from './core/judge/judgePrompt';
import type { PromptEngine } from './services';

/** The default engine: deterministic, offline, milliseconds per prompt. */
export const heuristicEngine: PromptEngine = {
  improve: (text, candidates) => improvePrompt(text, { candidates }),
  judge: (text) => judgePrompt(text),
};
