/**
 * `npm run bench`: runs every benchmark suite in one process and prints named figures, one per line,
 * with the target beside each, so runs can be compared and quoted. Targets live here, never in tests:
 * these machines are shared and noisy, so figures are reported, and ratios are compared within one run.
 */
import type { BenchSuite } from './benchTypes';
import { printFigure } from './benchTypes';
import { coreBench } from './coreBench';
import { storeBench } from './storeBench';
import { learningBench } from './learningBench';
import { diagnosticsBench } from './diagnosticsBench';

const suites: BenchSuite[] = [coreBench, storeBench, learningBench, diagnosticsBench];

async function main(): Promise<void> {
  const only = process.argv[2];
  let missed = 0;
  for (const suite of suites) {
    if (only && suite.name !== only) continue;
    console.log(`\n## ${suite.name}`);
    for (const figure of await suite.run()) {
      printFigure(figure);
      if (figure.met === false) missed += 1;
    }
  }
  console.log(`\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
