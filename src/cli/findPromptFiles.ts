/**
 * Expands the paths given to `prompter judge`, `improve` and `lint` into the inputs to read. A file named on
 * the command line is always taken as it is (and `-` is standard input); a folder is searched for prompts:
 *
 * - `*.prompt.md`, `*.prompt.txt` and `*.prompty` anywhere under it;
 * - plain `*.md` and `*.txt` too, because naming a folder says "these are prompts" — except a project's own
 *   documents (README, CHANGELOG, LICENSE, CONTRIBUTING and the like), and except when the folder is a
 *   repository's root (it holds `.git`), where plain Markdown and text are mostly documentation;
 * - never inside node_modules, dist, out or a hidden folder (.git, .prompter, …), but inside `.github`,
 *   where VS Code keeps prompt files.
 *
 * A folder or an unexpanded glob pattern that yields nothing is an error, never a silent empty run.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** File names that mark a prompt wherever they are. */
export const PROMPT_FILE = /\.(?:prompt\.md|prompt\.txt|prompty)$/i;

/** Plain Markdown and text: prompts when found under a folder named on the command line. */
const PLAIN_TEXT = /\.(?:md|txt)$/i;

/** A project's own documents, which are Markdown or text but not prompts (README.md, LICENSE.txt, readme.de.md). */
const PROJECT_DOCUMENT = /^(?:readme|changelog|changes|history|news|license|licence|copying|notice|authors|contributors|contributing|code_of_conduct|security|support|governance|maintainers)(?:[.-][\w-]+)?\.(?:md|txt)$/i;

// Folders that hold dependencies or build output, never the team's own prompts (hidden ones are skipped too).
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** Characters of a glob pattern the shell did not expand (quoted, or no file matched). */
const GLOB = /[*?[]/;

/** A folder or pattern on the command line that yields no prompt file or cannot be searched; one line for stderr. */
export class InputPathError extends Error {}

function searched(name: string): boolean {
  return !SKIPPED_FOLDERS.has(name) && (!name.startsWith('.') || name === '.github');
}

async function walk(folder: string, shown: string, plainText: boolean, found: { path: string; shown: string }[]): Promise<void> {
  // A folder that cannot be read stops the search: skipping it would pass a CI gate on prompts never judged.
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputPathError(`${shown}: the folder could not be searched (${error.code ?? error.message}).`);
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (searched(entry.name)) await walk(path, join(shown, entry.name), plainText, found);
    } else if (entry.isFile() && (PROMPT_FILE.test(entry.name) || (plainText && PLAIN_TEXT.test(entry.name) && !PROJECT_DOCUMENT.test(entry.name)))) {
      found.push({ path, shown: join(shown, entry.name) });
    }
  }
}

async function isRepositoryRoot(folder: string): Promise<boolean> {
  return stat(join(folder, '.git')).then(
    () => true,
    () => false,
  );
}

function nothingFound(path: string, repositoryRoot: boolean): InputPathError {
  return new InputPathError(
    repositoryRoot
      ? `${path}: no prompt files in this folder. It is a repository's root, so only *.prompt.md, *.prompt.txt and *.prompty files count; name the folder that holds the prompts, or the files.`
      : `${path}: no prompt files in this folder (*.md, *.txt, *.prompt.md, *.prompt.txt or *.prompty; README, CHANGELOG, LICENSE and the like are not prompts).`,
  );
}

/**
 * The inputs to read, in the order given: standard input (`-`) when no path is given at all, each folder
 * replaced by its prompt files (in a stable order, each file once), every other path kept as given so
 * reading it reports what is wrong. Relative paths are resolved against `cwd` and shown as given.
 * @throws InputPathError for a folder without prompt files or a glob pattern that matched nothing.
 */
export async function expandInputPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  if (paths.length === 0) return ['-'];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = path === '-' ? undefined : await stat(absolute).catch(() => undefined);
    if (!info?.isDirectory()) {
      if (!info && path !== '-' && GLOB.test(path)) throw new InputPathError(`${path}: no file matches this pattern.`);
      names.push(path);
      continue;
    }
    const repositoryRoot = await isRepositoryRoot(absolute);
    const found: { path: string; shown: string }[] = [];
    await walk(absolute, path, !repositoryRoot, found);
    if (found.length === 0) throw nothingFound(path, repositoryRoot);
    for (const file of found) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      names.push(file.shown);
    }
  }
  return names;
}
