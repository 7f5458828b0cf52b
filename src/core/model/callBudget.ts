/**
 * Per-hour and per-day ceilings on model calls. The record of past calls and the clock are injected:
 * the CLI keeps the record in a file, the extension in its global state, tests in memory.
 */
import type { ChatModel } from './chatModel';
import { ModelCallError } from './chatModel';

/** The ceilings; 0 means no model calls at all. */
export interface BudgetLimits {
  perHour: number;
  perDay: number;
}

/** Defaults generous for one person, low enough to stop a runaway script. */
export const DEFAULT_BUDGET: BudgetLimits = { perHour: 120, perDay: 1000 };

/** The calls counted so far: epoch milliseconds of each call in the last day (older ones are dropped). */
export interface UsageRecord {
  calls: number[];
}

/** Whether `needed` more calls fit, and when they would if not. */
export type BudgetDecision = { ok: true; remaining: number } | { ok: false; message: string; retryAt: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Drops calls older than a day, so the record stays small. */
export function pruneUsage(record: UsageRecord, now: number): UsageRecord {
  return { calls: record.calls.filter((at) => Number.isFinite(at) && at > now - DAY && at <= now + HOUR).sort((a, b) => a - b) };
}

function windowCheck(calls: readonly number[], now: number, window: number, limit: number, needed: number, label: string): BudgetDecision {
  const inWindow = calls.filter((at) => at > now - window);
  const remaining = limit - inWindow.length;
  if (remaining >= needed) return { ok: true, remaining };
  // The call that must age out for `needed` to fit (the oldest ones go first).
  const freeing = inWindow[Math.max(0, needed - remaining - 1)];
  const retryAt = limit <= 0 || freeing === undefined ? Number.POSITIVE_INFINITY : freeing + window;
  const wait = Number.isFinite(retryAt) ? ` More are possible in ${Math.max(1, Math.ceil((retryAt - now) / 60_000))} min.` : '';
  return { ok: false, retryAt, message: `The limit of ${limit} model calls per ${label} is reached.${wait} The offline engine answers meanwhile.` };
}

/** Checks both ceilings for `needed` more calls at `now`. */
export function checkBudget(record: UsageRecord, now: number, limits: BudgetLimits, needed = 1): BudgetDecision {
  const hour = windowCheck(record.calls, now, HOUR, limits.perHour, needed, 'hour');
  if (!hour.ok) return hour;
  const day = windowCheck(record.calls, now, DAY, limits.perDay, needed, 'day');
  if (!day.ok) return day;
  return { ok: true, remaining: Math.min(hour.remaining, day.remaining) };
}

/** The calls of one command: checked against the record loaded at its start plus what it already spent. */
export class CallBudget {
  private readonly spent: number[] = [];

  constructor(
    private readonly record: UsageRecord,
    private readonly limits: BudgetLimits,
    private readonly clock: () => number,
  ) {}

  /** Whether `needed` calls fit now (spends nothing). */
  check(needed = 1): BudgetDecision {
    return checkBudget({ calls: [...this.record.calls, ...this.spent] }, this.clock(), this.limits, needed);
  }

  /** Spends one call when it fits. */
  take(): BudgetDecision {
    const decision = this.check(1);
    if (decision.ok) this.spent.push(this.clock());
    return decision;
  }

  /** The calls this command made, for the caller to add to the stored record. */
  newCalls(): number[] {
    return [...this.spent];
  }
}

/** A model whose every call is counted against the budget; over budget, the call fails with `budget`. */
export function budgetedModel(model: ChatModel, budget: CallBudget): ChatModel {
  return {
    id: model.id,
    provider: model.provider,
    complete(request, signal) {
      const decision = budget.take();
      if (!decision.ok) return Promise.reject(new ModelCallError('budget', decision.message));
      return model.complete(request, signal);
    },
  };
}
