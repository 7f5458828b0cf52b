/**
 * The CLI's record of model calls for the per-hour and per-day ceilings: one small JSON file per user
 * (not per store: the limits are a person's). Written atomically (temp file + rename) so a reader never
 * sees half a file; an unreadable file counts as no calls rather than blocking the person. Each
 * read-merge-write holds a cross-process lock (proper-lockfile, as the history store does), so CLIs
 * finishing at once keep each other's calls.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { UsageRecord } from '../core/model/callBudget';
import { pruneUsage } from '../core/model/callBudget';

/** Where the record lives by default: `$XDG_STATE_HOME/prompter/llm-usage.json`, or under `~/.local/state`. */
export function defaultUsagePath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.PROMPTER_USAGE_FILE) return env.PROMPTER_USAGE_FILE;
  const state = env.XDG_STATE_HOME ?? (env.HOME ? join(env.HOME, '.local', 'state') : undefined);
  return state ? join(state, 'prompter', 'llm-usage.json') : undefined;
}

/** Reads the record; a missing or damaged file is an empty record. */
export async function readUsage(path: string, now: number): Promise<UsageRecord> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { calls?: unknown };
    const calls = Array.isArray(parsed.calls) ? parsed.calls.filter((at): at is number => typeof at === 'number') : [];
    return pruneUsage({ calls }, now);
  } catch {
    return { calls: [] };
  }
}

// A holder that stops refreshing the lock (a crashed CLI) loses it after this long.
const LOCK_STALE_MS = 10_000;
// About ten seconds of waiting for the lock before giving up (the caller then warns and goes on).
const LOCK_RETRIES = { retries: 100, minTimeout: 5, maxTimeout: 100, randomize: true };

/** Runs `fn` holding the lock of the record at `path` (a `<path>.lock` folder). */
async function withUsageLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  // NOTE: onCompromised must not throw (the default does, from a timer); losing the lock of a usage count is harmless.
  const release = await lock(path, { lockfilePath: `${path}.lock`, realpath: false, stale: LOCK_STALE_MS, retries: LOCK_RETRIES, onCompromised: () => undefined });
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** Adds this command's calls to the record on disk. */
export async function appendUsage(path: string, calls: readonly number[], now: number): Promise<void> {
  if (calls.length === 0) return;
  await withUsageLock(path, async () => {
    const current = await readUsage(path, now);
    const next = pruneUsage({ calls: [...current.calls, ...calls] }, now);
    const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify({ schemaVersion: 1, calls: next.calls })}\n`, { mode: 0o600 });
    await rename(temp, path);
  });
}
