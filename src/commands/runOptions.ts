/**
 * How an editor improve run is made, from the settings: the renderings to try, and (when a model is
 * configured) the model-aware engine. One place, so Improve Prompt, Improve Again and the history's
 * "improve from this version" make their runs the same way.
 */
import { RENDER_STYLES } from '../core/engine/render';
import type { ModelImproveDeps } from '../core/model/improveWithModel';
import { improveWithModel } from '../core/model/improveWithModel';
import type { RunOptions } from '../history/improveIntoHistory';
import type { PrompterSettings } from '../settings';

/**
 * The run options for the current settings. With `model` (the command's model run: see
 * modelAccess/runWithModel), the model rewrites and judges, and the heuristic engine is the fallback.
 */
export function improveRunOptions(settings: PrompterSettings, model?: ModelImproveDeps): RunOptions {
  const engine = { styles: RENDER_STYLES.slice(0, settings.candidates) };
  if (!model) return { engine };
  return { engine, improve: (text, options) => improveWithModel(text, options, model) };
}
