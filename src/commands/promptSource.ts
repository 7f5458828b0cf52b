/**
 * Which text a command works on: the selection, or the whole document when it is a prompt file, with any
 * front matter set aside; checked with the same rules as the CLI (empty, too large, binary) and decoded
 * when it sits in a string literal.
 */
import * as vscode from 'vscode';
import { promptSpan } from '../core/input/frontMatter';
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

/**
 * The prompt in `editor`: its selection, else the whole document of a prompt file. Front matter at the
 * top of any document is never part of it: the whole document starts after it, a selection that covers
 * it starts after it too, and a selection inside it is refused. That keeps the front matter byte for
 * byte through Improve, and Score judges the text the diagnostics and the status bar judge.
 */
export function promptSourceOf(editor: vscode.TextEditor | undefined, maxChars: number): SourceResult {
  if (!editor) {
    return { ok: false, message: vscode.l10n.t('Open a prompt file or select prompt text in an editor first.') };
  }
  const { document, selection } = editor;
  const whole = selection.isEmpty;
  if (whole && !isPromptFile(document)) {
    return {
      ok: false,
      message: vscode.l10n.t('Select the prompt text first. (With nothing selected, only prompt files — *.prompt.md, *.prompt.txt, *.prompty — are used whole.)'),
    };
  }
  const fullText = document.getText();
  const { span, afterFrontMatter } = promptSpan(fullText, whole ? { start: 0, end: fullText.length } : { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) });
  const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  const documentText = document.getText(range);
  if (!whole && afterFrontMatter && documentText.trim() === '') {
    return { ok: false, message: vscode.l10n.t('The selection is the front matter (the --- block of settings at the top), not prompt text. Select the prompt below it.') };
  }
  const literal = literalAt(fullText, span.start, span.end, document.languageId);
  const decoded = literal ? literal.codec.decode(documentText) : documentText;
  const promptText = decoded.replace(/\r\n/g, '\n');
  // A prompt file of front matter only is refused like an empty one, saying why.
  const checked = checkPromptText(promptText, maxChars, afterFrontMatter);
  if (!checked.ok) return { ok: false, message: vscode.l10n.t(checked.message) };
  return { ok: true, source: { document, range, documentText, promptText, encoding: literal?.codec, literal: literal?.kind } };
}
