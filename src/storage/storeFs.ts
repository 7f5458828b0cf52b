import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { errnoCode } from './storeError';

/**
 * The file operations the store uses, one step each. The store never calls `fs` directly, so tests can
 * make any single step fail (a crash at that point) and check that nothing is torn.
 */
export interface StoreFs {
  /** The whole file as UTF-8; rejects with ENOENT when it is missing. */
  readText(path: string): Promise<string>;
  /** Creates `path` (which must not exist), writes `data`, fsyncs and closes it. */
  writeNewFile(path: string, data: string): Promise<void>;
  /** Atomically replaces `to` with `from`. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a folder with its content; no error when it is missing. */
  remove(path: string): Promise<void>;
  /** Creates a folder and its parents. */
  mkdirp(path: string): Promise<void>;
  /** Names in a folder; empty when the folder is missing. */
  readdir(path: string): Promise<string[]>;
  /** True when something exists at `path`. */
  exists(path: string): Promise<boolean>;
  /**
   * What the file system says of the file at `path` (device, inode, size, modification and change times),
   * or null when it is missing: equal answers mean the file was not replaced or changed in between.
   */
  fingerprint(path: string): Promise<string | null>;
  /** Makes renames in a folder durable (best effort: not every platform can fsync a folder). */
  syncDir(path: string): Promise<void>;
}

/** The real file system. */
export const nodeStoreFs: StoreFs = {
  readText: (path) => readFile(path, 'utf8'),
  async writeNewFile(path, data) {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { recursive: true, force: true }),
  async mkdirp(path) {
    await mkdir(path, { recursive: true });
  },
  async readdir(path) {
    try {
      return await readdir(path);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw error;
    }
  },
  async exists(path) {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return false;
      throw error;
    }
  },
  async fingerprint(path) {
    try {
      const s = await stat(path, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return null;
      throw error;
    }
  },
  async syncDir(path) {
    // NOTE: Windows cannot open a folder for fsync (EPERM/EISDIR); there NTFS's own rename ordering has to do.
    try {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // best effort, see above
    }
  },
};
