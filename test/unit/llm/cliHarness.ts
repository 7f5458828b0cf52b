/** Runs `prompter` in-process against the loopback server, with a temp store and a temp usage file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import type { MemoryIo } from '../../helpers/memoryIo';
import { memoryIo } from '../../helpers/memoryIo';

/** The key the tests configure; it must never appear in output, logs or files. */
export const TEST_KEY = 'sk-test-0123456789-DO-NOT-LEAK-abcdef';

/** The model name the tests use. */
export const TEST_MODEL = 'test-model';

/** A fresh temp folder. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `prompter-llm-${label}-`));
}

/** One CLI run's code, output and the io it used. */
export interface CliRun {
  code: number;
  io: MemoryIo;
  /** The parsed `--json` array (empty when stdout was not JSON). */
  entries: Record<string, unknown>[];
}

function parseEntries(out: string): Record<string, unknown>[] {
  try {
    return JSON.parse(out) as Record<string, unknown>[];
  } catch {
    return [];
  }
}

/** Runs `prompter <args> --json --llm --model test-model --base-url <url>` with the prompt on stdin. */
export async function runLlm(args: readonly string[], options: { url: string; stdin?: string; usageFile: string; env?: Record<string, string> }): Promise<CliRun> {
  const io = memoryIo(options.stdin ?? '');
  io.env = { PROMPTER_API_KEY: TEST_KEY, PROMPTER_USAGE_FILE: options.usageFile, ...options.env };
  const code = await runCli([...args, '--json', '--llm', '--model', TEST_MODEL, '--base-url', options.url], io);
  return { code, io, entries: parseEntries(io.out) };
}
