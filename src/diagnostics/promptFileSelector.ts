/**
 * Which documents are prompt files: chosen by file name, not by language, because VS Code 1.100 opens
 * `*.prompt.md` as `prompt`, `*.prompt.txt` as plain text, and `*.prompty` as whatever an extension says.
 */
import * as vscode from 'vscode';

// The schemes the inline diff also serves: editable documents, not git or output views of them.
const SCHEMES = ['file', 'untitled', 'vscode-remote'];
const BUILT_IN_GLOBS = ['**/*.prompt.md', '**/*.prompt.txt', '**/*.prompty'];

/** A glob as people write it in settings; a bare `*.md` would never match an absolute path, so root it. */
function rooted(glob: string): string {
  const trimmed = glob.trim();
  return trimmed.includes('/') ? trimmed : `**/${trimmed}`;
}

/** The selector of prompt files: the built-in patterns, `extraGlobs`, and the `prompt` language. */
export function promptFileSelector(extraGlobs: readonly string[]): vscode.DocumentFilter[] {
  const globs = [...BUILT_IN_GLOBS, ...extraGlobs.map(rooted)];
  return SCHEMES.flatMap((scheme) => [...globs.map((pattern) => ({ scheme, pattern })), { scheme, language: 'prompt' }]);
}

/** True when `document` is a prompt file under `selector`. */
export function isSelected(selector: vscode.DocumentSelector, document: vscode.TextDocument): boolean {
  return vscode.languages.match(selector, document) > 0;
}
