/**
 * `--llm` for `prompter improve` and `prompter judge`: builds the OpenAI-compatible model from the flags
 * and the environment, wrapped with the call budget and the request log, and a fresh deadline per input.
 * Nothing leaves the machine without `--llm`; the key comes only from `PROMPTER_API_KEY` and is never
 * printed (every log line is redacted once more before it is written, as a second guard).
 */
import type { BudgetLimits, CallBudget } from '../core/model/callBudget';
import { DEFAULT_BUDGET } from '../core/model/callBudget';
import type { ChatModel } from '../core/model/chatModel';
import type { ModelLogEntry } from '../core/model/instrumentModel';
import { meteredModel } from '../llm/meteredModel';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, openAiCompatibleModel, redact } from '../llm/openAiCompatibleModel';
import { appendUsage, defaultUsagePath, readUsage } from '../llm/usageFile';
import type { CliIo } from './cliIo';

/** The command-line flags of the model path. */
export const LLM_OPTIONS = {
  llm: { type: 'boolean' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  timeout: { type: 'string' },
  stream: { type: 'boolean' },
  verbose: { type: 'boolean' },
  debug: { type: 'boolean' },
} as const;

/** Environment variables the model path reads. */
export const LLM_ENV = {
  apiKey: 'PROMPTER_API_KEY',
  baseUrl: 'PROMPTER_BASE_URL',
  model: 'PROMPTER_MODEL',
  perHour: 'PROMPTER_MAX_CALLS_PER_HOUR',
  perDay: 'PROMPTER_MAX_CALLS_PER_DAY',
} as const;

/** A flag combination or value a person must fix (the CLI turns it into exit code 2). */
export class LlmUsageError extends Error {}

/** One command's model: the wrapped model, its budget, a deadline per input, and what to do at the end. */
export interface LlmSession {
  model: ChatModel;
  budget: CallBudget;
  timeoutMs: number;
  /** A signal that aborts after the timeout: every request for one input shares it. */
  deadline(): AbortSignal;
  /** Saves the calls made, for the ceilings of the next commands. */
  finish(): Promise<void>;
}

type Values = { [key: string]: string | boolean | undefined };

function limit(io: CliIo, name: string, fallback: number): number {
  const raw = io.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new LlmUsageError(`${name} must be a whole number of calls, not "${raw}".`);
  return value;
}

function timeoutOf(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_TIMEOUT_MS;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 100 || parsed > 600_000) throw new LlmUsageError(`--timeout takes milliseconds from 100 to 600000, not "${value}".`);
  return parsed;
}

function logLine(io: CliIo, key: string | undefined, entry: ModelLogEntry): void {
  io.stderr(`${redact(JSON.stringify({ log: 'prompter.llm', ...entry }), key)}\n`);
}

/** Checks the model flags; undefined without `--llm` (model flags without it are a usage error). */
export async function openLlmSession(values: Values, io: CliIo): Promise<LlmSession | undefined> {
  const modelFlags = ['base-url', 'model', 'timeout', 'stream', 'debug'].filter((name) => values[name] !== undefined);
  if (!values.llm) {
    if (modelFlags.length) throw new LlmUsageError(`--${modelFlags[0]} configures the model, which is off unless --llm is given.`);
    return undefined;
  }
  const model = typeof values.model === 'string' ? values.model : io.env[LLM_ENV.model];
  if (!model) throw new LlmUsageError(`--llm needs the model name: --model NAME (or ${LLM_ENV.model}).`);
  const baseUrl = typeof values['base-url'] === 'string' ? values['base-url'] : (io.env[LLM_ENV.baseUrl] ?? DEFAULT_BASE_URL);
  const timeoutMs = timeoutOf(values.timeout);
  const apiKey = io.env[LLM_ENV.apiKey] || undefined;
  const limits: BudgetLimits = { perHour: limit(io, LLM_ENV.perHour, DEFAULT_BUDGET.perHour), perDay: limit(io, LLM_ENV.perDay, DEFAULT_BUDGET.perDay) };
  let provider: ChatModel;
  try {
    provider = openAiCompatibleModel({ baseUrl, model, apiKey, timeoutMs, stream: Boolean(values.stream) });
  } catch (error) {
    throw new LlmUsageError(`--base-url: ${(error as Error).message}`);
  }
  const usagePath = defaultUsagePath(io.env);
  const debug = Boolean(values.debug);
  const verbose = debug || Boolean(values.verbose);
  const { model: instrumented, budget } = meteredModel(provider, {
    usage: usagePath ? await readUsage(usagePath, Date.now()) : { calls: [] },
    limits,
    log: verbose ? (entry) => logLine(io, apiKey, entry) : () => undefined,
    debug,
  });
  return {
    model: instrumented,
    budget,
    timeoutMs,
    deadline: () => AbortSignal.timeout(timeoutMs),
    async finish() {
      if (!usagePath) return;
      try {
        await appendUsage(usagePath, budget.newCalls(), Date.now());
      } catch (error) {
        io.stderr(`prompter: warning: could not record model usage in ${usagePath} (${(error as Error).message}).\n`);
      }
    },
  };
}
