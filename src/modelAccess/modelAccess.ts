/**
 * The editor's way to a language model for one command: the provider from the person's settings (an
 * OpenAI-compatible endpoint with its key from SecretStorage, or a `vscode.lm` model), counted against
 * the call ceilings kept in the global state, each request logged to the output channel, and one deadline
 * (the timeout setting) joined with the person's cancellation.
 */
import type * as vscode from 'vscode';
import type { BudgetDecision } from '../core/model/callBudget';
import type { ChatModel } from '../core/model/chatModel';
import { meteredModel } from '../llm/meteredModel';
import { modelLogLine } from '../llm/modelLogLine';
import type { ModelSettings } from '../llm/modelSettings';
import { languageModelSelector } from '../llm/modelSettings';
import { OPENAI_COMPATIBLE, openAiCompatibleModel } from '../llm/openAiCompatibleModel';
import { unavailableModel } from '../llm/unavailableModel';
import { VSCODE_LM } from '../llm/lmChatModel';
import { vscodeLmModel } from '../llm/vscodeLmProvider';
import type { SecretStore } from './apiKeys';
import { ApiKeys } from './apiKeys';
import type { UsageMemento } from './usageMemento';
import { appendUsageState, readUsageState } from './usageMemento';
import { readModelSettings } from './userModelSettings';

/** One command's model: what the model-aware engine and judge need, plus what the command shows and saves. */
export interface ModelRun {
  /** The model, metered and logged (or failing at once with the reason it is not available). */
  model: ChatModel;
  /** `gpt-4o-mini (openai-compatible)`, for progress titles and log lines. */
  label: string;
  /**
   * A signal that aborts when the timeout setting has passed since this call, or when the person cancels.
   * NOTE: taken when the engine starts, not when the command does, so that opening the history store
   * (the offline path's own time) does not eat into the model's time.
   */
  deadline(): AbortSignal;
  /** Whether a run's calls fit the ceilings, before any is spent. */
  preflight: (calls: number) => BudgetDecision;
  /** Saves the calls made, for the ceilings of the next commands (in any window). */
  finish(): Promise<void>;
}

/** What the extension context provides. */
export interface ModelAccessDeps {
  secrets: SecretStore;
  globalState: UsageMemento;
  /** `context.languageModelAccessInformation`: requests fail fast until the person granted access. */
  lmAccess?: vscode.LanguageModelAccessInformation;
}

type Provider = { ok: true; model: ChatModel; secret?: string } | { ok: false; model: ChatModel; problem: string };

/** Builds one command's model from the current settings. */
export class ModelAccess {
  readonly keys: ApiKeys;

  constructor(
    private readonly deps: ModelAccessDeps,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.keys = new ApiKeys(deps.secrets);
  }

  /** The current model settings (the person's own). */
  settings(): ModelSettings {
    return readModelSettings();
  }

  /** The model for one command, or undefined when no provider is on. `cancel` is the person's cancellation. */
  async open(cancel: AbortSignal): Promise<ModelRun | undefined> {
    const settings = this.settings();
    if (settings.provider === 'off') return undefined;
    const deadline = (): AbortSignal => AbortSignal.any([cancel, AbortSignal.timeout(settings.timeoutMs)]);
    const provider = await this.provider(settings);
    const label = `${provider.model.id} (${provider.model.provider})`;
    if (!provider.ok) {
      // Not metered: it makes no call. The engine falls back with its reason, like any failed model.
      this.log.warn(`model ${label} is not available: ${provider.problem}`);
      return { model: provider.model, deadline, label, preflight: () => ({ ok: true, remaining: 0 }), finish: () => Promise.resolve() };
    }
    const { secret } = provider;
    const { model, budget } = meteredModel(provider.model, {
      usage: readUsageState(this.deps.globalState, Date.now()),
      limits: settings.limits,
      debug: settings.logPrompts,
      log: (entry) => (entry.outcome === 'ok' ? this.log.info(modelLogLine(entry, secret)) : this.log.warn(modelLogLine(entry, secret))),
    });
    return {
      model,
      deadline,
      label,
      preflight: (calls) => budget.check(calls),
      finish: async () => {
        try {
          await appendUsageState(this.deps.globalState, budget.newCalls(), Date.now());
        } catch (error) {
          this.log.warn(`could not record model usage: ${(error as Error).message}`);
        }
      },
    };
  }

  private async provider(settings: ModelSettings): Promise<Provider> {
    switch (settings.provider) {
      case 'openai-compatible':
        return this.endpoint(settings);
      case 'vscode-lm': {
        const model = await vscodeLmModel(languageModelSelector(settings.languageModel), this.deps.lmAccess);
        if (model) return { ok: true, model };
        const problem = settings.languageModel
          ? `VS Code offers no language model ${settings.languageModel}; run "Prompter: Select Model" to choose another.`
          : 'VS Code offers no language model (install one, such as GitHub Copilot, or use an OpenAI-compatible endpoint).';
        return { ok: false, problem, model: unavailableModel(settings.languageModel || 'none', VSCODE_LM, 'unavailable', problem) };
      }
      case 'off':
        throw new Error('no provider is on');
    }
  }

  private async endpoint(settings: ModelSettings): Promise<Provider> {
    if (!settings.name) {
      const problem = 'no model name is set for the endpoint; run "Prompter: Select Model".';
      return { ok: false, problem, model: unavailableModel('none', OPENAI_COMPATIBLE, 'unavailable', problem) };
    }
    const apiKey = await this.keys.get(settings.baseUrl);
    try {
      const model = openAiCompatibleModel({ baseUrl: settings.baseUrl, model: settings.name, timeoutMs: settings.timeoutMs, ...(apiKey ? { apiKey } : {}) });
      return { ok: true, model, ...(apiKey ? { secret: apiKey } : {}) };
    } catch (error) {
      const problem = `prompter.model.baseUrl: ${(error as Error).message}`;
      return { ok: false, problem, model: unavailableModel(settings.name, OPENAI_COMPATIBLE, 'network', problem) };
    }
  }
}
