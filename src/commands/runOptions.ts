/**
 * How an editor improve run is made, from the settings: the renderings to try, and (when a model is
 * configured) the model-aware engine. One place, so Improve Prompt, Improve Again and the history's
 * "improve from this version" make their runs the same way.
 */
import { improveWithModel } from '../core/model/improveWithModel';
import type { RunOptions } from '../history/improveIntoHistory';
import type { ModelRun } from '../modelAccess/modelAccess';
import type { PrompterSettings } from '../settings';

/** What a run needs of the command's model. */
export type RunModel = Pick<ModelRun, 'model' | 'deadline' | 'preflight'>;

/**
 * The run options for the current settings. With `model` (the command's model run: see
 * modelAccess/runWithModel), the model rewrites and judges, and the heuristic engine is the fallback.
 */
export function improveRunOptions(settings: PrompterSettings, model?: RunModel): RunOptions {
  const engine = { candidates: settings.candidates };
  if (!model) return { engine };
  return { engine, improve: (text, options) => improveWithModel(text, options, { model: model.model, preflight: model.preflight, signal: model.deadline() }) };
}
