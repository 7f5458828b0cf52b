/** The in-process heuristic engine and judge behind the `PromptEngine` interface. */
import { improvePrompt } from './core/engine/improvePrompt';
import { RENDER_STYLES } from './core/engine/render';
import { judgePrompt } from './core/judge/judgePrompt';
import type { PromptEngine } from './services';

/** The default engine: deterministic, offline, milliseconds per prompt. */
export const heuristicEngine: PromptEngine = {
  improve: (text, candidates) => improvePrompt(text, { styles: RENDER_STYLES.slice(0, Math.max(1, candidates)) }),
  judge: (text) => judgePrompt(text),
};
