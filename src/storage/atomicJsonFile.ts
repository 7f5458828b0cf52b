import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb' with { 'resolution-mode': 'import' };
import type { DocCodec } from './documents';
import { CorruptFileError, decodeDocument } from './documents';
import { errnoCode } from './storeError';
import type { StoreFs } from './storeFs';

/** Suffix of temporary files; a folder holding one after a crash is cleaned on the next commit. */
export const TEMP_SUFFIX = '.tmp';

/** A temporary name beside `path` that no other process or write can share. */
export function tempNameFor(path: string): string {
  // NOTE: steno (lowdb's writer) uses one temp name per target file, so two processes writing the same file
  // rename each other's half-written data into place. pid + random makes every write's temp file its own.
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/** Writes `data` to `path` so that a crash at any point leaves the old file or the new one, never a mix. */
export async function writeFileAtomic(fs: StoreFs, path: string, data: string): Promise<void> {
  const temp = tempNameFor(path);
  try {
    await fs.writeNewFile(temp, data);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * lowdb adapter for one store file: reads are parsed, migrated and validated against the file's schema;
 * writes go to a unique temp file, are fsynced, then renamed over the target.
 */
export class AtomicJsonFile<T> implements Adapter<T | null> {
  constructor(
    private readonly fs: StoreFs,
    private readonly path: string,
    private readonly codec: DocCodec<T>,
    /** Pretty-printed files are diffable when the store is committed; the journal is written compact. */
    private readonly indent: number | undefined = 2,
  ) {}

  /** The decoded file, or null when it does not exist; throws CorruptFileError when it is unreadable. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.fs.readText(this.path);
    } catch (error) {
      // ENOTDIR: a parent of the path is a file, so this file cannot exist either; the write that
      // follows reports the unusable folder with a StoreError.
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CorruptFileError(`${this.path} is not valid JSON (${reason})`);
    }
    return decodeDocument(this.codec, raw, this.path);
  }

  async write(data: T | null): Promise<void> {
    // lowdb never writes null (Low.write skips empty data); the type allows it because reads can be null.
    if (data === null) return;
    await writeFileAtomic(this.fs, this.path, `${JSON.stringify(data, null, this.indent)}\n`);
  }
}
