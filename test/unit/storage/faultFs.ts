/** A StoreFs that counts the steps that change the disk and can "crash" at any one of them. */
import { writeFileSync } from 'node:fs';
import type { StoreFs } from '../../../src/storage/storeFs';
import { nodeStoreFs } from '../../../src/storage/storeFs';

/** Thrown where the simulated process dies. */
export class InjectedCrash extends Error {}

/**
 * Passes every call through to the real file system, except that the `failAt`-th disk-changing step
 * throws instead. A failing file write first leaves half of its data behind, as a process killed mid-write
 * would; a failing rename, remove, mkdir or fsync does nothing.
 */
export class FaultFs implements StoreFs {
  steps = 0;
  readonly log: string[] = [];

  constructor(private readonly failAt = 0) {}

  private step(what: string, path: string): boolean {
    this.steps += 1;
    this.log.push(`${what} ${path}`);
    return this.steps === this.failAt;
  }

  readText(path: string): Promise<string> {
    return nodeStoreFs.readText(path);
  }

  async writeNewFile(path: string, data: string): Promise<void> {
    if (this.step('write', path)) {
      writeFileSync(path, data.slice(0, Math.floor(data.length / 2)));
      throw new InjectedCrash(`crash while writing ${path}`);
    }
    await nodeStoreFs.writeNewFile(path, data);
  }

  async rename(from: string, to: string): Promise<void> {
    if (this.step('rename', to)) throw new InjectedCrash(`crash before renaming ${from}`);
    await nodeStoreFs.rename(from, to);
  }

  async remove(path: string): Promise<void> {
    if (this.step('remove', path)) throw new InjectedCrash(`crash before removing ${path}`);
    await nodeStoreFs.remove(path);
  }

  async mkdirp(path: string): Promise<void> {
    if (this.step('mkdir', path)) throw new InjectedCrash(`crash before mkdir ${path}`);
    await nodeStoreFs.mkdirp(path);
  }

  readdir(path: string): Promise<string[]> {
    return nodeStoreFs.readdir(path);
  }

  exists(path: string): Promise<boolean> {
    return nodeStoreFs.exists(path);
  }

  fingerprint(path: string): Promise<string | null> {
    return nodeStoreFs.fingerprint(path);
  }

  async syncDir(path: string): Promise<void> {
    if (this.step('fsync-dir', path)) throw new InjectedCrash(`crash before fsync of ${path}`);
    await nodeStoreFs.syncDir(path);
  }
}
