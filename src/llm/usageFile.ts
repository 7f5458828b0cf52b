/**
 * The CLI's record of model calls for the per-hour and per-day ceilings: one small JSON file per user
 * (not per store: the limits are a person's). Written atomically (temp file + rename) so a reader never
 * sees half a file; an unreadable file counts as no calls rather than blocking the person.
 *
 * NOTE: read-merge-write without a lock: two processes finishing at the same instant can lose each
 * other's calls. The ceilings are a guard against runaway use, not accounting, so that is acceptable.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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

/** Adds this command's calls to the record on disk. */
export async function appendUsage(path: string, calls: readonly number[], now: number): Promise<void> {
  if (calls.length === 0) return;
  const current = await readUsage(path, now);
  const next = pruneUsage({ calls: [...current.calls, ...calls] }, now);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify({ schemaVersion: 1, calls: next.calls })}\n`, { mode: 0o600 });
  await rename(temp, path);
}
