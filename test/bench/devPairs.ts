/**
 * Reads the evaluation pairs from `../shared/eval/dev-pairs.json` at run time. The texts belong to their
 * publishers and are never copied into the project; when the file is absent the judge benchmark says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One worse/better pair from a public prompt-engineering guide. */
export interface DevPair {
  id: string;
  worse: string;
  better: string;
  note: string;
}

/** Where the pairs live: $PROMPTER_DEV_PAIRS, else ../shared/eval/dev-pairs.json beside the repository. */
export function devPairsPath(): string {
  return process.env.PROMPTER_DEV_PAIRS ?? resolve(process.cwd(), '..', 'shared', 'eval', 'dev-pairs.json');
}

/** The pairs, or undefined when the file is not there. */
export function loadDevPairs(): DevPair[] | undefined {
  const path = devPairsPath();
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as DevPair[];
}
