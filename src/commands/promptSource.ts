/**
 * Which text a command works on: the selection, or the whole document when it is a prompt file; checked
 * with the same rules as the CLI (empty, too large, binary) and decoded when it sits in a string literal.
 */
import * as vscode from 'vscode';
import { checkPromptText } from '../core/input/promptInput';
import type { TextEncoding } from '../inlineDiff/inlineDiffSession';
import { literalAt } from '../stringLiteral/literalAt';

/** The prompt a command will work on and where it came from. */
export interface PromptSource {
  document: vscode.TextDocument;
  range: vscode.Range;
  /** The exact text of `range` in the document. */
  documentText: string;
  /** The prompt itself: line breaks `\n`, string escapes decoded. */
  promptText: string;
  /** How to write prompt text back into the document (escaping inside a string literal). */
  encoding?: TextEncoding;
  /** Set when the selection lies inside a string literal (for messages and logs). */
  literal?: string;
}

/** A source, or a message for the person saying what to do instead. */
export type SourceResult = { ok: true; source: PromptSource } | { ok: false; message: string };

// VS Code's own prompt files and the conventions DESIGN.md names.
const PROMPT_FILE = /\.(prompt\.md|prompt\.txt|prompty)$/i;

/** True for documents that are prompts as a whole (`*.prompt.md`, `*.prompt.txt`, `*.prompty`). */
export function isPromptFile(document: vscode.TextDocument): boolean {
  return PROMPT_FILE.test(document.uri.path) || document.languageId === 'prompt';
}

/** The prompt in `editor`: its selection, else the whole document of a prompt file. */
export function promptSourceOf(editor: vscode.TextEditor | undefined, maxChars: number): SourceResult {
  if (!editor) {
    return { ok: false, message: vscode.l10n.t('Open a prompt file or select prompt text in an editor first.') };
  }
  const { document, selection } = editor;
  let range: vscode.Range = selection;
  if (selection.isEmpty) {
    if (!isPromptFile(document)) {
      return {
        ok: false,
        message: vscode.l10n.t('Select the prompt text first. (With nothing selected, only prompt files — *.prompt.md, *.prompt.txt, *.prompty — are used whole.)'),
      };
    }
    range = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  }
  const documentText = document.getText(range);
  const literal = literalAt(document.getText(), document.offsetAt(range.start), document.offsetAt(range.end), document.languageId);
  const decoded = literal ? literal.codec.decode(documentText) : documentText;
  const promptText = decoded.replace(/\r\n/g, '\n');
  const checked = checkPromptText(promptText, maxChars);
  if (!checked.ok) return { ok: false, message: vscode.l10n.t(checked.message) };
  return { ok: true, source: { document, range, documentText, promptText, encoding: literal?.codec, literal: literal?.kind } };
}
