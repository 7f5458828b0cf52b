import { join } from 'node:path';
import type { StoreWarning } from '../core/history';
import { AtomicJsonFile } from './atomicJsonFile';
import type { DocCodec, JournalOp } from './documents';
import { CorruptFileError } from './documents';
import { commitJournal } from './journal';
import { lowClass } from './lowdbModule';
import { fileTimestamp } from './storeLayout';
import type { StoreFs } from './storeFs';

/** What a session needs from its repository. */
export interface SessionContext {
  dir: string;
  fs: StoreFs;
  now: () => number;
  warn: (warning: StoreWarning) => void;
}

type Cached = { doc: unknown } | null;

/**
 * One operation's view of the store, held under the lock: reads are cached and see the operation's own
 * staged writes; `commit` applies the staged writes atomically through the journal.
 */
export class StoreSession {
  private readonly cache = new Map<string, Cached>();
  private readonly ops: JournalOp[] = [];
  private readonly removedPrefixes: string[] = [];
  private readonly corrupt = new Set<string>();

  constructor(
    readonly ctx: SessionContext,
    /** False when the folder could not be locked because it is read-only: reads only, nothing is moved. */
    readonly writable: boolean,
  ) {}

  /** The decoded file at `rel`, or null when it is missing or was unreadable (then it is moved aside). */
  async read<T>(rel: string, codec: DocCodec<T>): Promise<T | null> {
    const cached = this.cache.get(rel);
    if (cached !== undefined) return cached === null ? null : (cached.doc as T);
    if (this.removedPrefixes.some((prefix) => rel === prefix || rel.startsWith(`${prefix}/`))) return null;
    const Low = await lowClass();
    const db = new Low<T | null>(new AtomicJsonFile(this.ctx.fs, join(this.ctx.dir, rel), codec), null);
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await this.setAside(rel, error.message);
      this.cache.set(rel, null);
      return null;
    }
    this.cache.set(rel, db.data === null ? null : { doc: db.data });
    return db.data;
  }

  /** True when `rel` was unreadable during this session (and has been moved aside). */
  wasCorrupt(rel: string): boolean {
    return this.corrupt.has(rel);
  }

  /** Stages a write of `doc` to `rel`. */
  write<T>(rel: string, doc: T): void {
    this.cache.set(rel, { doc });
    this.ops.push({ op: 'write', path: rel, doc });
  }

  /** Names of files staged for writing directly inside the folder `folderRel` (not yet on disk). */
  stagedNames(folderRel: string): string[] {
    const prefix = `${folderRel}/`;
    return this.ops.flatMap((op) =>
      op.op === 'write' && op.path.startsWith(prefix) && !op.path.slice(prefix.length).includes('/')
        ? [op.path.slice(prefix.length)]
        : [],
    );
  }

  /** Stages removing the file or folder `rel`. */
  remove(rel: string): void {
    for (const key of this.cache.keys()) if (key === rel || key.startsWith(`${rel}/`)) this.cache.set(key, null);
    this.removedPrefixes.push(rel);
    this.ops.push({ op: 'remove', path: rel });
  }

  /** Stages a rename inside the store. */
  rename(from: string, to: string): void {
    this.ops.push({ op: 'rename', from, to });
  }

  /** True when something is staged. */
  get dirty(): boolean {
    return this.ops.length > 0;
  }

  /** Applies the staged steps atomically (a later write of one path replaces an earlier one). */
  async commit(): Promise<void> {
    const lastWrite = new Map<string, number>();
    this.ops.forEach((op, index) => {
      if (op.op === 'write') lastWrite.set(op.path, index);
    });
    const ops = this.ops.filter((op, index) => op.op !== 'write' || lastWrite.get(op.path) === index);
    await commitJournal(this.ctx.fs, this.ctx.dir, ops, this.ctx.now());
    this.ops.length = 0;
  }

  /** Moves an unreadable file to `<name>.corrupt-<timestamp>` and tells the user; never overwrites it. */
  private async setAside(rel: string, reason: string): Promise<void> {
    this.corrupt.add(rel);
    const from = join(this.ctx.dir, rel);
    if (!this.writable) {
      this.ctx.warn({
        code: 'moved-aside',
        file: from,
        message: `${reason}. The store is read-only, so the file was left in place and skipped.`,
      });
      return;
    }
    const stamp = fileTimestamp(this.ctx.now());
    let to = `${from}.corrupt-${stamp}`;
    for (let n = 2; await this.ctx.fs.exists(to); n += 1) to = `${from}.corrupt-${stamp}-${n}`;
    await this.ctx.fs.rename(from, to);
    this.ctx.warn({
      code: 'moved-aside',
      file: to,
      message:
        `${reason}. It was moved aside to ${to} and the store continues without it; ` +
        'nothing in it was deleted. Restore it from version control or a backup if you need what it held.',
    });
  }
}
