/**
 * The live diagnostics' cost per run: `diagnosePrompt` (judge + placing each finding) on a 20 KB prompt
 * file, the work the editor does once typing pauses. It runs on the extension host's thread, so it must
 * fit well inside one 60 Hz frame to never slow typing.
 */
import { diagnosePrompt } from '../../src/core/diagnostics/diagnosePrompt';
import axisPairs from '../fixtures/judge/axisPairs.json';
import type { BenchSuite } from './benchTypes';
import { median, timeRuns } from './benchTypes';

/** A prompt file of `size` characters with front matter and the kinds of problems the rules find. */
function promptFile(size: number): string {
  const pairs = axisPairs as { worse: string; better: string }[];
  let text = '---\nmodel: gpt-4o\ntemperature: 0.2\n---\nYou are a support lead for an online shop.\n\n## Task\n';
  for (let i = 0; text.length < size; i += 1) {
    const pair = pairs[i % pairs.length]!;
    text += `${pair.worse}\n${pair.better}\n${i % 7 === 0 ? '[paste the ticket here]\n' : ''}\n`;
  }
  return text.slice(0, size);
}

const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/** `diagnostics.judge_20kb.*`, and the 200 KB size limit above which the editor stays silent. */
export const diagnosticsBench: BenchSuite = {
  name: 'diagnostics',
  run() {
    const file20k = promptFile(20_000);
    const file200k = promptFile(200_000);
    const found = diagnosePrompt(file20k).diagnostics.length;
    timeRuns(20, () => diagnosePrompt(file20k)); // warm-up: JIT, as after the first keystrokes
    const runs = timeRuns(200, () => diagnosePrompt(file20k));
    const at20k = median(runs);
    const at200k = median(timeRuns(10, () => diagnosePrompt(file200k)));
    return Promise.resolve([
      { name: 'diagnostics.judge_20kb.median', value: at20k, unit: 'ms', target: '< 16 ms (one frame)', met: at20k < 16, detail: `${found} diagnostics, 200 runs` },
      { name: 'diagnostics.judge_20kb.p95', value: percentile(runs, 0.95), unit: 'ms' },
      { name: 'diagnostics.judge_200kb.median', value: at200k, unit: 'ms', detail: 'prompter.maxPromptCharacters default: larger files are not judged live' },
    ]);
  },
};
