import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { LOCK_DIR } from './storeLayout';
import { StoreError, errnoCode } from './storeError';

/** How long a lock may go without a heartbeat before another process may take it over. */
export const DEFAULT_STALE_MS = 10_000;

/** How long an operation waits for the lock before giving up with a `busy` error. */
export const DEFAULT_WAIT_MS = 60_000;

/** A held lock: `assertHeld` throws once another process took it over; `release` gives it back. */
export interface HeldLock {
  assertHeld(): void;
  release(): Promise<void>;
}

/** Lock tuning; tests shorten the stale time. */
export interface LockOptions {
  staleMs?: number;
  waitMs?: number;
}

// NOTE: proper-lockfile cannot tell two callers in one process apart (both would spin on the same folder), so
// callers in one process queue here first; only the head of the queue competes with other processes.
const queues = new Map<string, Promise<void>>();

/**
 * Runs `fn` while holding the store's cross-process lock (`<dir>/store.lock`, a folder created with mkdir,
 * refreshed every stale/2 ms, and taken over by others when its holder stops refreshing it).
 */
export async function withStoreLock<T>(dir: string, options: LockOptions, fn: (held: HeldLock) => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = previous.then(() => mine);
  queues.set(dir, tail);
  try {
    await previous;
    const held = await acquire(dir, options);
    try {
      return await fn(held);
    } finally {
      await held.release();
    }
  } finally {
    done();
    if (queues.get(dir) === tail) queues.delete(dir);
  }
}

/** Tries to take the lock until `waitMs` has passed; only "held by someone else" is retried. */
async function lockWithRetries(dir: string, staleMs: number, waitMs: number, onCompromised: (error: Error) => void) {
  const deadline = Date.now() + waitMs;
  for (let delay = 1; ; delay = Math.min(50, delay * 1.5)) {
    try {
      // NOTE: proper-lockfile's own retries would also retry EACCES/EROFS for the whole wait; we retry only ELOCKED.
      return await lock(dir, { lockfilePath: join(dir, LOCK_DIR), realpath: false, stale: staleMs, retries: 0, onCompromised });
    } catch (error) {
      if (errnoCode(error) !== 'ELOCKED' || Date.now() >= deadline) throw error;
    }
    // Randomised short waits keep two busy writers fair.
    await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
  }
}

async function acquire(dir: string, options: LockOptions): Promise<HeldLock> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockWithRetries(dir, staleMs, waitMs, (error) => {
      // The default handler throws from a timer, which would crash the editor's extension host.
      compromised = error;
    });
  } catch (error) {
    if (errnoCode(error) === 'ELOCKED') {
      throw new StoreError(
        'busy',
        `The prompt history in ${dir} stayed locked by another Prompter process for ${Math.round(waitMs / 1000)} s. ` +
          `Try again; if no other Prompter is running, delete the folder ${join(dir, LOCK_DIR)}.`,
        { cause: error },
      );
    }
    throw error;
  }
  return {
    assertHeld() {
      if (compromised) {
        throw new StoreError(
          'lock-lost',
          `Another process took over the lock of the prompt history in ${dir} (${compromised.message}); ` +
            'nothing was written. Try again.',
          { cause: compromised },
        );
      }
    },
    async release() {
      if (compromised) return;
      await release().catch(() => undefined);
    },
  };
}
