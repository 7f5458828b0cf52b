/**
 * `npm run bench`: runs every benchmark suite and prints named figures, one per line, with the target
 * beside each, so runs can be compared and quoted. Targets live here, never in tests: these machines are
 * shared and noisy, so figures are reported, and ratios are compared within one run.
 *
 * NOTE: each suite runs in a process of its own, so one suite's heap and compiled code (the store's
 * thousands of records, the engine's many shapes) do not slow the next one's timings.
 */
import { spawnSync } from 'node:child_process';
import type { BenchSuite } from './benchTypes';
import { printFigure } from './benchTypes';
import { bundleBench } from './bundleBench';
import { coreBench } from './coreBench';
import { diagnosticsBench } from './diagnosticsBench';
import { insightsBench } from './insightsBench';
import { learningBench } from './learningBench';
import { storeBench } from './storeBench';

const suites: BenchSuite[] = [coreBench, storeBench, learningBench, diagnosticsBench, bundleBench, insightsBench];

/** Runs one suite in this process; returns how many targets it missed. */
async function runSuite(suite: BenchSuite): Promise<number> {
  let missed = 0;
  for (const figure of await suite.run()) {
    printFigure(figure);
    if (figure.met === false) missed += 1;
  }
  return missed;
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only) {
    const suite = suites.find((s) => s.name === only);
    if (!suite) throw new Error(`no benchmark suite "${only}"; suites: ${suites.map((s) => s.name).join(', ')}`);
    const missed = await runSuite(suite);
    process.exitCode = missed > 0 ? 3 : 0;
    return;
  }
  let missed = 0;
  for (const suite of suites) {
    console.log(`\n## ${suite.name}`);
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, suite.name], { stdio: 'inherit' });
    if (child.status === 3) missed += 1;
    else if (child.status !== 0) throw new Error(`benchmark suite ${suite.name} failed (exit ${child.status})`);
  }
  console.log(`\n${missed === 0 ? 'all targets met' : `${missed} suite(s) missed a target`}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
