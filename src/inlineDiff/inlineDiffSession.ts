/**
 * One inline diff while a person decides on it: the original, the engine's hunks, the decisions so far,
 * and where the diff sits in the document. Pure (no vscode): the controller turns what this returns into
 * editor edits and decorations.
 */
import { applyHunks } from '../core/engine/hunks';
import type { ImproveResult } from '../core/engine/improvePrompt';
import type { DiffHunk } from '../core/types';
import type { DiffLayout } from './diffLayout';
import { layoutDiff } from './diffLayout';

/** How the prompt text sits in the document: as is, or inside a string literal that needs escaping. */
export interface TextEncoding {
  /** Turns prompt text into what the document must contain (escapes for a string literal). */
  encode(text: string): string;
}

/** Everything a session starts from. */
export interface SessionStart {
  /** The exact text of the range in the document, restored byte for byte on reject. */
  documentOriginal: string;
  /** The engine's result for the prompt text (line breaks are `\n`). */
  result: ImproveResult;
  /** Document offset where the diff starts. */
  start: number;
  /** The document's line break (`\n` or `\r\n`): the editor normalises inserted text to it. */
  eol: string;
  /** Escaping applied to the accepted text; none for plain prompt files. */
  encoding?: TextEncoding;
  /** The stored version the diff shows, so decisions become feedback on it; absent when not stored. */
  version?: VersionRef;
}

/** A stored version: which store, which prompt, which version. */
export interface VersionRef {
  historyKey: string;
  promptId: string;
  versionId: string;
}

/** Where a change the person made lies relative to the diff. */
export type ChangePosition = 'before' | 'after' | 'inside';

/** The decision as a whole once every hunk is decided. */
export type SessionOutcome = 'accepted' | 'rejected' | 'partial';

/** State of one inline diff. */
export class InlineDiffSession {
  readonly documentOriginal: string;
  readonly result: ImproveResult;
  readonly eol: string;
  readonly version: VersionRef | undefined;
  /** Document offset of the first character of the diff; moves when text is typed before it. */
  start: number;
  private readonly decisions = new Map<string, boolean>();
  private readonly encoding: TextEncoding | undefined;
  /** What the document holds between `start` and `end` right now. */
  private shown: string;

  constructor(init: SessionStart) {
    this.documentOriginal = init.documentOriginal;
    this.result = init.result;
    this.eol = init.eol;
    this.version = init.version;
    this.start = init.start;
    this.encoding = init.encoding;
    this.shown = init.documentOriginal;
  }

  /** The engine's hunks, in document order. */
  get hunks(): readonly DiffHunk[] {
    return this.result.explanation.diffs;
  }

  /** The text the document holds in the diff's range right now. */
  get shownText(): string {
    return this.shown;
  }

  /** Document offset just after the diff. */
  get end(): number {
    return this.start + this.shown.length;
  }

  /** The layout of what is shown (line offsets relative to the diff's first line). */
  layout(): DiffLayout {
    return layoutDiff(this.result.original, this.hunks, this.decisions);
  }

  /** True once every hunk has a decision. */
  get complete(): boolean {
    return this.hunks.every((hunk) => this.decisions.has(hunk.id));
  }

  /** The decision on a hunk, or undefined while it is open. */
  decisionOf(hunkId: string): boolean | undefined {
    return this.decisions.get(hunkId);
  }

  /** The text to show when the diff first appears: both sides of every hunk. */
  begin(): string {
    return this.setShown(this.toDocument(this.layout().text));
  }

  /** Records a decision on one hunk and returns the text the diff's range must now hold. */
  decide(hunkId: string, accept: boolean): string {
    if (!this.hunks.some((hunk) => hunk.id === hunkId)) throw new Error(`No change ${hunkId} in this diff.`);
    this.decisions.set(hunkId, accept);
    return this.setShown(this.targetText());
  }

  /** Decides every open hunk the same way and returns the text the diff's range must now hold. */
  decideAll(accept: boolean): string {
    for (const hunk of this.hunks) if (!this.decisions.has(hunk.id)) this.decisions.set(hunk.id, accept);
    return this.setShown(this.targetText());
  }

  /** The outcome once complete: every hunk accepted, none, or some. */
  outcome(): SessionOutcome {
    const accepted = this.hunks.filter((hunk) => this.decisions.get(hunk.id) === true).length;
    if (accepted === this.hunks.length) return 'accepted';
    return accepted === 0 ? 'rejected' : 'partial';
  }

  /**
   * Where a change that replaced `length` characters at `offset` with `text` lies, and keeps the diff
   * anchored when it lies before it. Offsets refer to the document before the change. Text typed right
   * at either edge joins a line of the diff, so it counts as inside — unless it is whole lines that
   * end at the diff's first line (a line break last) or start after its last line.
   */
  track(offset: number, length: number, text: string): ChangePosition {
    const atStart = length === 0 && offset === this.start && !text.endsWith('\n');
    const atEnd = length === 0 && offset === this.end && !this.shown.endsWith('\n');
    if (offset + length <= this.start && !atStart) {
      this.start += text.length - length;
      return 'before';
    }
    if (offset >= this.end && !atEnd) return 'after';
    return 'inside';
  }

  /** The prompt text the decisions so far produce (open hunks count as rejected); line breaks `\n`. */
  decidedPromptText(): string {
    return applyHunks(this.result.original, this.hunks, this.acceptedIds());
  }

  private acceptedIds(): Set<string> {
    return new Set(this.hunks.filter((hunk) => this.decisions.get(hunk.id) === true).map((hunk) => hunk.id));
  }

  private targetText(): string {
    if (!this.complete) return this.toDocument(this.layout().text);
    // NOTE: a fully rejected diff restores the document's own text, not a re-encoding of the prompt, so
    // the original comes back byte for byte whatever escaping or line breaks it used.
    if (this.outcome() === 'rejected') return this.documentOriginal;
    const text = this.decidedPromptText();
    return this.toDocument(this.encoding ? this.encoding.encode(text) : text);
  }

  private toDocument(text: string): string {
    return this.eol === '\n' ? text : text.replace(/\n/g, this.eol);
  }

  private setShown(text: string): string {
    this.shown = text;
    return text;
  }
}
