import { join, resolve } from 'node:path';
import type {
  AppendOptions,
  AppendResult,
  CreatePromptOptions,
  CreatedPrompt,
  DeletedVersion,
  EventCursor,
  EventsSince,
  FeedbackEventRecord,
  HistoryRepository,
  LearningState,
  LearningStateRecord,
  MetricEventRecord,
  NewFeedbackEvent,
  NewMetricEvent,
  NewScore,
  NewVersion,
  PromptDetail,
  PromptOrigin,
  PromptSummary,
  StoreWarning,
  Subscription,
  VersionWithScores,
} from '../core/history';
import { AtomicJsonFile } from './atomicJsonFile';
import type { HeadDoc } from './documents';
import { CorruptFileError, headCodec, journalCodec } from './documents';
import * as events from './eventOps';
import { readEventsSince } from './eventsSince';
import { applyJournal, journalFolders, removeStaleTemps } from './journal';
import { importLegacyHistory } from './legacyImport';
import { lowClass } from './lowdbModule';
import type { OpContext } from './promptOps';
import * as prompts from './promptOps';
import { StoreError, errnoCode, writeFailure } from './storeError';
import type { StoreFs } from './storeFs';
import { nodeStoreFs } from './storeFs';
import { HEAD_FILE, JOURNAL_FILE } from './storeLayout';
import type { LockOptions } from './storeLock';
import { withStoreLock } from './storeLock';
import { StoreSession } from './storeSession';
import type { SessionContext } from './storeSession';
import { bumpHead, emptyHead, loadHead } from './storeState';

/** Options of `openHistoryStore`; tests replace the file system, the clock and the lock timing. */
export interface OpenStoreOptions {
  fs?: StoreFs;
  now?: () => number;
  lock?: LockOptions;
  /** Receives every warning (also available through `onWarning`). */
  onWarning?: (warning: StoreWarning) => void;
}

/** Opens the store in `dir` (created on the first write). Opening does no I/O. */
export function openHistoryStore(dir: string, options: OpenStoreOptions = {}): HistoryRepository {
  return new FileHistoryRepository(resolve(dir), options);
}

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/** The history repository over a store folder; see FORMAT.md for the files. */
class FileHistoryRepository implements HistoryRepository {
  private readonly fs: StoreFs;
  private readonly listeners = new Set<(warning: StoreWarning) => void>();
  private legacyChecked = false;

  constructor(
    readonly location: string,
    private readonly options: OpenStoreOptions,
  ) {
    this.fs = options.fs ?? nodeStoreFs;
  }

  createPrompt(originalText: string, origin: PromptOrigin, options: CreatePromptOptions = {}): Promise<CreatedPrompt> {
    return this.write((ctx) => prompts.createPrompt(ctx, originalText, origin, options));
  }

  appendVersion(promptId: string, version: NewVersion, score: NewScore, options: AppendOptions): Promise<AppendResult> {
    return this.write((ctx) => prompts.appendVersion(ctx, promptId, version, score, options));
  }

  listPrompts(): Promise<PromptSummary[]> {
    return this.read((ctx) => prompts.listPrompts(ctx));
  }

  getPrompt(promptId: string): Promise<PromptDetail | undefined> {
    return this.read((ctx) => prompts.getPrompt(ctx, promptId));
  }

  getPrompts(promptIds: readonly string[]): Promise<PromptDetail[]> {
    return this.read((ctx) => prompts.getPrompts(ctx, promptIds));
  }

  getVersion(versionId: string): Promise<VersionWithScores | undefined> {
    return this.read((ctx) => prompts.getVersion(ctx, versionId));
  }

  deletePrompt(promptId: string): Promise<boolean> {
    return this.write((ctx) => prompts.deletePrompt(ctx, promptId));
  }

  deleteVersion(versionId: string): Promise<DeletedVersion> {
    return this.write((ctx) => prompts.deleteVersion(ctx, versionId));
  }

  recordFeedback(event: NewFeedbackEvent): Promise<FeedbackEventRecord> {
    return this.write((ctx) => events.recordFeedback(ctx, event));
  }

  listFeedback(): Promise<FeedbackEventRecord[]> {
    return this.read((ctx) => events.listFeedback(ctx));
  }

  recordMetric(event: NewMetricEvent): Promise<MetricEventRecord> {
    return this.write((ctx) => events.recordMetric(ctx, event));
  }

  listMetrics(): Promise<MetricEventRecord[]> {
    return this.read((ctx) => events.listMetrics(ctx));
  }

  readEventsSince(cursor: EventCursor | undefined): Promise<EventsSince> {
    return this.read((ctx) => readEventsSince(ctx, cursor));
  }

  readLearningState(): Promise<LearningStateRecord | undefined> {
    return this.read((ctx) => events.readLearningState(ctx));
  }

  writeLearningState(state: LearningState): Promise<LearningStateRecord> {
    return this.write((ctx) => events.updateLearningState(ctx, () => state));
  }

  updateLearningState(update: (current: LearningState | undefined) => LearningState): Promise<LearningStateRecord> {
    return this.write((ctx) => events.updateLearningState(ctx, update));
  }

  resetLearningState(): Promise<void> {
    return this.write((ctx) => Promise.resolve(events.resetLearningState(ctx)));
  }

  async revision(): Promise<number> {
    // NOTE: lock-free on purpose: it is polled, and the head is only ever replaced whole (rename).
    const Low = await lowClass();
    const db = new Low<HeadDoc | null>(new AtomicJsonFile(this.fs, join(this.location, HEAD_FILE), headCodec), null);
    try {
      await db.read();
    } catch (error) {
      if (error instanceof CorruptFileError) return 0; // the next locked operation moves it aside and warns
      throw error;
    }
    return db.data?.revision ?? 0;
  }

  onWarning(listener: (warning: StoreWarning) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private context(): SessionContext {
    return {
      dir: this.location,
      fs: this.fs,
      now: this.options.now ?? Date.now,
      warn: (warning) => {
        this.options.onWarning?.(warning);
        for (const listener of this.listeners) listener(warning);
      },
    };
  }

  /** Runs an operation under the store lock on fresh state, and commits what it staged. */
  private underLock<T>(op: (ctx: OpContext) => Promise<T>): Promise<T> {
    return withStoreLock(this.location, this.options.lock ?? {}, async (held) => {
      const ctx = await this.begin(new StoreSession(this.context(), true));
      const result = await op(ctx);
      await this.finish(ctx, () => held.assertHeld());
      return result;
    });
  }

  /** Runs a writing operation under the lock on fresh state and commits what it staged. */
  private async write<T>(op: (ctx: OpContext) => Promise<T>): Promise<T> {
    try {
      await this.fs.mkdirp(this.location);
    } catch (error) {
      throw writeFailure(this.location, error, true);
    }
    try {
      return await this.underLock(op);
    } catch (error) {
      throw error instanceof StoreError ? error : writeFailure(this.location, error);
    }
  }

  /** Runs a reading operation under the lock (so it never sees half a commit); repairs are committed too. */
  private async read<T>(op: (ctx: OpContext) => Promise<T>): Promise<T> {
    if (!(await this.fs.exists(this.location))) return op(this.detached());
    try {
      return await this.underLock(op);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return op(this.detached());
      // A store on a read-only disk cannot be locked, and nobody can write it either: read it as it is.
      if (code !== undefined && READ_ONLY_CODES.has(code)) {
        const session = new StoreSession(this.context(), false);
        return op({ session, head: await loadHead(session) });
      }
      throw error instanceof StoreError ? error : writeFailure(this.location, error);
    }
  }

  /** A session over a folder that does not exist: every file reads as missing. */
  private detached(): OpContext {
    const session = new StoreSession(this.context(), false);
    return { session, head: emptyHead(session.ctx.now()) };
  }

  /** Completes an interrupted commit, cleans temp files, imports a format-0 history, loads the head. */
  private async begin(session: StoreSession): Promise<OpContext> {
    const journal = await session.read(JOURNAL_FILE, journalCodec);
    if (journal) {
      await applyJournal(this.fs, this.location, journal);
      for (const folder of journalFolders(this.location, journal)) await removeStaleTemps(this.fs, folder);
      session.ctx.warn({
        code: 'repaired',
        file: join(this.location, JOURNAL_FILE),
        message: 'A write interrupted earlier (the process stopped mid-commit) was completed; nothing was lost.',
      });
    }
    await removeStaleTemps(this.fs, this.location);
    const ctx: OpContext = { session, head: await loadHead(session) };
    if (!this.legacyChecked && session.writable) {
      await importLegacyHistory(ctx);
      this.legacyChecked = true;
    }
    return ctx;
  }

  /** Commits the session's staged writes, with the head's revision bumped, if there are any. */
  private async finish(ctx: OpContext, assertHeld: () => void): Promise<void> {
    if (!ctx.session.dirty) return;
    assertHeld();
    bumpHead(ctx.session, ctx.head);
    await ctx.session.commit();
  }
}
