/**
 * `judge` and `improve` work on the prompt of each input, with its YAML front matter set aside as `lint`
 * and the editor do; `improve` puts the front matter back on top of the rewrite, byte for byte. Any input
 * whose text starts with a front-matter block counts (files of any name, and stdin), because that is the
 * rule `lint` and the editor's diagnostics already follow.
 */
import { promptStart } from '../core/input/frontMatter';
import { checkPromptText } from '../core/input/promptInput';
import type { EngineResult } from '../core/model/improveWithModel';
import type { NamedInput } from './readInputs';

/** An input whose text is its prompt; `frontMatter` is what was set aside before it ('' when nothing). */
export interface PromptOfInput extends NamedInput {
  /** The front matter and the empty lines after it, exactly as read. */
  frontMatter: string;
}

/** Sets an accepted input's front matter aside; a file of front matter only is refused like an empty one. */
export function withoutFrontMatter(named: NamedInput): PromptOfInput {
  const start = named.input.ok ? promptStart(named.input.text) : 0;
  if (!named.input.ok || start === 0) return { ...named, frontMatter: '' };
  const { text } = named.input;
  // The whole text passed the size limit, so its prompt does too: only emptiness is left to check.
  return { file: named.file, frontMatter: text.slice(0, start), input: checkPromptText(text.slice(start), Infinity, true) };
}

/**
 * The result as the file reads: `improved` with the front matter back on top, and hunk line numbers
 * counted from the top of the file. The stored history keeps the prompt alone.
 */
export function withFrontMatter(result: EngineResult, frontMatter: string): EngineResult {
  if (frontMatter === '') return result;
  const lines = frontMatter.split('\n').length - 1;
  const diffs = result.explanation.diffs.map((hunk) => ({ ...hunk, oldStart: hunk.oldStart + lines, newStart: hunk.newStart + lines }));
  return { ...result, improved: frontMatter + result.improved, explanation: { ...result.explanation, diffs } };
}
