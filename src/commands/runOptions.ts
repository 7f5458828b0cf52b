/**
 * How an editor improve run is made, from the settings: the renderings to try, and (when a model is
 * configured) the model-aware engine. One place, so Improve Prompt, Improve Again and the history's
 * "improve from this version" make their runs the same way.
 */
import { RENDER_STYLES } from '../core/engine/render';
import type { RunOptions } from '../history/improveIntoHistory';
import type { PrompterSettings } from '../settings';

/** The run options for the current settings. */
export function improveRunOptions(settings: PrompterSettings): RunOptions {
  return { engine: { styles: RENDER_STYLES.slice(0, settings.candidates) } };
}
