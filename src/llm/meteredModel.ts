/**
 * A provider's model made ready for one command, the same way for the CLI and the editor: every call
 * counted against the per-hour and per-day ceilings, and every request given an id and one log line.
 */
import { randomBytes } from 'node:crypto';
import type { BudgetLimits, UsageRecord } from '../core/model/callBudget';
import { budgetedModel, CallBudget } from '../core/model/callBudget';
import type { ChatModel } from '../core/model/chatModel';
import type { ModelLogger } from '../core/model/instrumentModel';
import { instrumentModel } from '../core/model/instrumentModel';

/** What metering needs: the calls made before this command, the ceilings, and where log lines go. */
export interface MeterOptions {
  usage: UsageRecord;
  limits: BudgetLimits;
  log: ModelLogger;
  /** Put prompt and answer text in the log lines. */
  debug: boolean;
  /** Epoch milliseconds, for the ceilings (Date.now by default). */
  clock?: () => number;
}

/** The metered model and the budget whose `newCalls()` the caller saves when the command ends. */
export interface MeteredModel {
  model: ChatModel;
  budget: CallBudget;
}

/** A fresh request id, `req-` and 12 hex digits. */
export function newRequestId(): string {
  return `req-${randomBytes(6).toString('hex')}`;
}

/** Wraps `provider` with the budget (inside) and the request log (outside, so refused calls are logged too). */
export function meteredModel(provider: ChatModel, options: MeterOptions): MeteredModel {
  const budget = new CallBudget(options.usage, options.limits, options.clock ?? (() => Date.now()));
  const model = instrumentModel(budgetedModel(provider, budget), { log: options.log, now: () => performance.now(), newRequestId, debug: options.debug });
  return { model, budget };
}
