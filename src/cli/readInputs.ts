/**
 * Reads the inputs named on the command line (files, or `-` for stdin) and checks each one. A bad input
 * becomes an entry with its problem, so one bad file never loses the others. Which names to read (stdin
 * when no path was given, a folder's prompt files) is decided before, by `expandInputPaths`.
 */
import type { PromptInput } from '../core/input/promptInput';
import { decodePromptBytes } from '../core/input/promptInput';
import type { CliIo } from './cliIo';

/** One input: its name as given (`-` for stdin) and the checked text or its problem. */
export interface NamedInput {
  file: string;
  input: PromptInput;
}

function describeReadError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file.`;
  if (code === 'EISDIR') return `${file}: is a folder, not a file.`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied.`;
  return `${file}: could not be read (${(error as Error).message}).`;
}

/** Reads and checks every input in order; an empty list reads nothing (never stdin). */
export async function readInputs(files: readonly string[], io: CliIo, maxChars: number): Promise<NamedInput[]> {
  const results: NamedInput[] = [];
  for (const file of files) {
    try {
      const bytes = file === '-' ? await io.readStdin() : await io.readFile(file);
      results.push({ file, input: decodePromptBytes(bytes, maxChars) });
    } catch (error) {
      results.push({ file, input: { ok: false, problem: 'unreadable', message: describeReadError(file, error) } });
    }
  }
  return results;
}
