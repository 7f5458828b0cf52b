/**
 * The editor's language model settings (`prompter.model.*`), parsed and checked in one place. Pure: it
 * takes a reader of the user's own values, so the rule "a workspace cannot choose where prompts go" is
 * enforced here as well as by the settings' machine scope (the reader gives only user/remote values).
 */
import type { BudgetLimits } from '../core/model/callBudget';
import { DEFAULT_BUDGET } from '../core/model/callBudget';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from './openAiCompatibleModel';

/** Which provider answers: none (the default: nothing leaves the machine), VS Code's, or an HTTP endpoint. */
export type ModelProviderId = 'off' | 'vscode-lm' | 'openai-compatible';

/** Every provider id, in the order Select Model offers them. */
export const MODEL_PROVIDERS: readonly ModelProviderId[] = ['off', 'vscode-lm', 'openai-compatible'];

/** The setting keys under `prompter.model` (the ids must match package.json). */
export const ModelSettingKey = {
  provider: 'provider',
  baseUrl: 'baseUrl',
  name: 'name',
  languageModel: 'languageModel',
  timeoutSeconds: 'timeoutSeconds',
  maxCallsPerHour: 'maxCallsPerHour',
  maxCallsPerDay: 'maxCallsPerDay',
  logPrompts: 'logPrompts',
} as const;

/** The settings section. */
export const MODEL_SECTION = 'prompter.model';

/** The model settings as the features use them. */
export interface ModelSettings {
  provider: ModelProviderId;
  /** The OpenAI-compatible endpoint. */
  baseUrl: string;
  /** The model name the endpoint knows; empty when not chosen yet. */
  name: string;
  /** The `vscode.lm` model as `vendor/family`; empty means the first model VS Code offers. */
  languageModel: string;
  /** One deadline for all of a command's model requests. */
  timeoutMs: number;
  limits: BudgetLimits;
  /** Log prompt and answer text (off: only ids, sizes, latency and outcomes are logged). */
  logPrompts: boolean;
}

/** Reads one setting's value as the person set it (undefined when unset or set only by a workspace). */
export type UserSettingReader = (key: string) => unknown;

const TIMEOUT_RANGE = { min: 1, max: 120 };

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

function whole(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** The settings with their defaults; values of the wrong type or out of range fall back to the default. */
export function parseModelSettings(read: UserSettingReader): ModelSettings {
  const provider = read(ModelSettingKey.provider);
  const seconds = read(ModelSettingKey.timeoutSeconds);
  const timeoutSeconds = typeof seconds === 'number' && Number.isFinite(seconds) ? Math.min(TIMEOUT_RANGE.max, Math.max(TIMEOUT_RANGE.min, seconds)) : DEFAULT_TIMEOUT_MS / 1000;
  return {
    provider: MODEL_PROVIDERS.includes(provider as ModelProviderId) ? (provider as ModelProviderId) : 'off',
    baseUrl: text(read(ModelSettingKey.baseUrl), DEFAULT_BASE_URL),
    name: text(read(ModelSettingKey.name), ''),
    languageModel: text(read(ModelSettingKey.languageModel), ''),
    timeoutMs: Math.round(timeoutSeconds * 1000),
    limits: { perHour: whole(read(ModelSettingKey.maxCallsPerHour), DEFAULT_BUDGET.perHour), perDay: whole(read(ModelSettingKey.maxCallsPerDay), DEFAULT_BUDGET.perDay) },
    logPrompts: read(ModelSettingKey.logPrompts) === true,
  };
}

/** `vendor/family` split for `vscode.lm.selectChatModels`; an empty selector for an empty or odd value. */
export function languageModelSelector(value: string): { vendor?: string; family?: string } {
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1) return {};
  return { vendor: value.slice(0, slash), family: value.slice(slash + 1) };
}
