/**
 * A separate process that records model calls in a usage file (bundled to out/test/helpers/usageWriter.js),
 * for the test that CLIs finishing at once keep each other's counts:
 *
 *   node usageWriter.js PATH COUNT     COUNT appends of one call each; prints "done"
 */
import { appendUsage } from '../../src/llm/usageFile';

async function main(): Promise<void> {
  const [path, count] = process.argv.slice(2);
  for (let i = 0; i < Number(count); i += 1) await appendUsage(path!, [Date.now()], Date.now());
  process.stdout.write('done\n');
}

void main();
