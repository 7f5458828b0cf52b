/**
 * Shared steps of the integration tests: activate the extension through VS Code (never by importing its
 * modules), open documents, select text, and close editors without save prompts.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { PrompterApi } from '../../src/api';
import type { ImproveOutcome } from '../../src/commands/improveCommand';

export const EXTENSION_ID = 'self-learning-prompter.self-learning-prompter';

/** The API object `activate()` returned, activating the extension when needed. */
export async function prompterApi(): Promise<PrompterApi> {
  const extension = vscode.extensions.getExtension<PrompterApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this host`);
  return extension.activate();
}

const EXTENSIONS: Record<string, string> = { markdown: 'md', typescript: 'ts', javascript: 'js', python: 'py', plaintext: 'txt' };
let scratchCount = 0;

/**
 * Writes `content` to a new file in the test workspace and shows it. NOTE: not an untitled document:
 * VS Code reuses untitled names, and a document opened right after another was closed can come back
 * with the old one's text.
 */
export async function openScratch(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  scratchCount += 1;
  const uri = vscode.Uri.joinPath(folder.uri, 'scratch', `test-${Date.now()}-${scratchCount}.${EXTENSIONS[language] ?? 'txt'}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.getText(), content);
  return vscode.window.showTextDocument(document);
}

/** Selects from the first occurrence of `from` to the end of the first occurrence of `to` after it. */
export function selectBetween(editor: vscode.TextEditor, from: string, to: string): vscode.Selection {
  const text = editor.document.getText();
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  assert.ok(start >= 0 && end >= start, `cannot find ${from}…${to}`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
  return editor.selection;
}

/** Runs Improve Prompt through its command, as the menu and the keybinding do. */
export async function improve(): Promise<ImproveOutcome> {
  const outcome = await vscode.commands.executeCommand<ImproveOutcome | undefined>('prompter.improvePrompt');
  assert.ok(outcome, 'the command returned nothing (it threw: see Output → Prompter)');
  return outcome;
}

/** Closes every editor without saving (test documents are reverted, not saved). */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length > 0; i += 1) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Waits until `check` holds (VS Code applies some effects after a command returns). */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A rough prompt that the engine always improves, with text before and after it. */
export const ROUGH_PROMPT = 'Summarize this article for me. Make it good and not too long.\n';
export const SURROUNDED = `# Notes\n\nKeep this line.\n\n${ROUGH_PROMPT}\nAnd this one after.\n`;

/** Every file under `dir`. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * The host's user data folder (settings, logs, state): beside its TMPDIR in test/host runs. Undefined on
 * desktop VS Code, whose runner keeps these folders elsewhere.
 */
export function hostUserData(): string | undefined {
  const userData = process.env.TMPDIR ? join(dirname(process.env.TMPDIR), 'user-data') : '';
  return userData && existsSync(userData) ? userData : undefined;
}

/** A function listing the Output → Prompter log files on disk, or undefined when the host's are elsewhere. */
export function prompterLogs(): (() => string[]) | undefined {
  const userData = hostUserData();
  return userData === undefined ? undefined : () => filesUnder(userData).filter((path) => path.endsWith('Prompter.log'));
}
