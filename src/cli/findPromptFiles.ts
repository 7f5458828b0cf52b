/**
 * Expands the paths given to `prompter lint` into prompt files: a file named on the command line is
 * always included; a folder is searched for *.prompt.md, *.prompt.txt and *.prompty files.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** File names a folder search picks up. */
export const PROMPT_FILE = /\.(?:prompt\.md|prompt\.txt|prompty)$/i;

// Folders that hold dependencies or build output, never the team's own prompts.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.prompter']);

async function walk(folder: string, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, found);
    } else if (entry.isFile() && PROMPT_FILE.test(entry.name)) found.push(path);
  }
}

/** The prompt files under the given paths, in a stable order; missing paths are returned as problems. */
export async function findPromptFiles(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) await walk(path, files);
      else files.push(path);
    } catch {
      missing.push(path);
    }
  }
  return { files: [...new Set(files)], missing };
}
