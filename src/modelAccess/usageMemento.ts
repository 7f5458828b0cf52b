/**
 * The editor's record of model calls for the per-hour and per-day ceilings, kept in the extension's global
 * state so the ceilings hold across windows and reloads (the CLI keeps its own file: see llm/usageFile).
 */
import type { UsageRecord } from '../core/model/callBudget';
import { pruneUsage } from '../core/model/callBudget';

/** The parts of `vscode.Memento` used here. */
export interface UsageMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

/** Where the record lives in the global state. */
export const USAGE_STATE_KEY = 'prompter.model.usage';

/** The calls of the last day; a missing or damaged value counts as none. */
export function readUsageState(memento: UsageMemento, now: number): UsageRecord {
  const stored = memento.get(USAGE_STATE_KEY) as { calls?: unknown } | undefined;
  const calls = Array.isArray(stored?.calls) ? stored.calls.filter((at): at is number => typeof at === 'number') : [];
  return pruneUsage({ calls }, now);
}

/**
 * Adds a command's calls to the record (re-read first, so calls another window saved meanwhile are kept).
 * NOTE: the global state has no compare-and-swap; two windows saving in the same instant can lose each
 * other's calls. The ceilings guard against runaway use, not accounting.
 */
export async function appendUsageState(memento: UsageMemento, calls: readonly number[], now: number): Promise<void> {
  if (calls.length === 0) return;
  const next = pruneUsage({ calls: [...readUsageState(memento, now).calls, ...calls] }, now);
  await memento.update(USAGE_STATE_KEY, { calls: next.calls });
}
