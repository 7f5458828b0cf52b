/**
 * *Prompter: Select Model*: off (nothing leaves the machine), one of VS Code's language models (asking
 * VS Code's consent once, here, where there is no deadline), or an OpenAI-compatible endpoint (base URL
 * and model name). The choice goes to the person's own settings.
 */
import * as vscode from 'vscode';
import type { FallbackReason } from '../core/model/fallbackReasons';
import { describeFallback } from '../core/model/fallbackReasons';
import type { ModelProviderId } from '../llm/modelSettings';
import { MODEL_PROVIDERS } from '../llm/modelSettings';
import { chatCompletionsUrl } from '../llm/openAiCompatibleModel';
import { grantVscodeLmAccess } from '../llm/vscodeLmProvider';
import { endpointOrigin } from '../modelAccess/apiKeys';
import { writeModelSettings } from '../modelAccess/userModelSettings';
import type { Services } from '../services';
import { CommandId } from './commandIds';

/** What Select Model did. */
export type SelectModelOutcome =
  | { status: 'off' }
  | { status: 'vscode-lm'; model: string }
  | { status: 'openai-compatible'; baseUrl: string; model: string }
  | { status: 'no-models'; message: string }
  | { status: 'no-access'; reason: FallbackReason; message: string }
  | { status: 'cancelled' };

const TITLE = () => vscode.l10n.t('Prompter: Select Model');

function providerItems(current: ModelProviderId): (vscode.QuickPickItem & { provider: ModelProviderId })[] {
  const items: Record<ModelProviderId, vscode.QuickPickItem> = {
    off: { label: vscode.l10n.t('Off'), detail: vscode.l10n.t('The offline engine and judge only: nothing leaves this machine.') },
    'vscode-lm': { label: vscode.l10n.t('VS Code language models'), detail: vscode.l10n.t('A model VS Code offers, such as GitHub Copilot’s (asks your consent once).') },
    'openai-compatible': { label: vscode.l10n.t('OpenAI-compatible endpoint'), detail: vscode.l10n.t('OpenAI, Ollama, LM Studio, vLLM, llama.cpp’s server or a gateway: a base URL and a model name.') },
  };
  return MODEL_PROVIDERS.map((provider) => ({ ...items[provider], provider, ...(provider === current ? { description: vscode.l10n.t('current') } : {}) }));
}

/** The provider named by a command argument `{ provider }`, if any. */
function presetProvider(arg: unknown): ModelProviderId | undefined {
  const provider = (arg as { provider?: unknown } | undefined)?.provider;
  return MODEL_PROVIDERS.find((id) => id === provider);
}

/** Runs Select Model; `arg` `{ provider }` skips the first pick (for keybindings and tests). */
export async function selectModel(services: Services, arg?: unknown): Promise<SelectModelOutcome> {
  const settings = services.models.settings();
  const provider = presetProvider(arg) ?? (await vscode.window.showQuickPick(providerItems(settings.provider), { title: TITLE(), placeHolder: vscode.l10n.t('Which language model should Prompter use?') }))?.provider;
  switch (provider) {
    case undefined:
      return { status: 'cancelled' };
    case 'off':
      await writeModelSettings({ provider: 'off' });
      services.log.info('model: off');
      void vscode.window.showInformationMessage(vscode.l10n.t('Prompter’s language model is off: nothing leaves this machine.'));
      return { status: 'off' };
    case 'vscode-lm':
      return selectVscodeModel(services);
    case 'openai-compatible':
      return selectEndpoint(services);
  }
}

async function selectVscodeModel(services: Services): Promise<SelectModelOutcome> {
  const chats = await vscode.lm.selectChatModels();
  if (chats.length === 0) {
    const message = vscode.l10n.t('VS Code offers no language models here. Install and sign in to a language model extension (such as GitHub Copilot), or choose an OpenAI-compatible endpoint.');
    services.log.info('model: Select Model found no VS Code language models');
    void vscode.window.showInformationMessage(message);
    return { status: 'no-models', message };
  }
  const picked = await vscode.window.showQuickPick(
    chats.map((chat) => ({ label: chat.name, description: `${chat.vendor}/${chat.family}`, detail: vscode.l10n.t('Up to {0} input tokens', chat.maxInputTokens), chat })),
    { title: TITLE(), placeHolder: vscode.l10n.t('Which VS Code language model?') },
  );
  if (!picked) return { status: 'cancelled' };
  const { chat } = picked;
  const access = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Prompter: asking for access to {0}', chat.name), cancellable: true },
    (_, token) => grantVscodeLmAccess(chat, token),
  );
  if (!access.ok) {
    if (access.reason === 'cancelled') return { status: 'cancelled' };
    const message = `${describeFallback(access.reason)} (${access.message})`;
    services.log.warn(`model: no access to ${chat.vendor}/${chat.family}: ${access.reason}: ${access.message}`);
    void vscode.window.showWarningMessage(message);
    return { status: 'no-access', reason: access.reason, message };
  }
  const model = `${chat.vendor}/${chat.family}`;
  await writeModelSettings({ provider: 'vscode-lm', languageModel: model });
  services.log.info(`model: vscode.lm ${model}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Prompter will use {0} to improve and score prompts, with the offline engine as the fallback.', chat.name));
  return { status: 'vscode-lm', model };
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

async function selectEndpoint(services: Services): Promise<SelectModelOutcome> {
  const current = services.models.settings();
  const baseUrl = await vscode.window.showInputBox({
    title: TITLE(),
    prompt: vscode.l10n.t('The endpoint’s base URL (/v1/chat/completions is added unless it is there).'),
    value: current.baseUrl,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const url = chatCompletionsUrl(value.trim());
      return typeof url === 'string' ? url : undefined;
    },
  });
  if (baseUrl === undefined) return { status: 'cancelled' };
  const model = await vscode.window.showInputBox({
    title: TITLE(),
    prompt: vscode.l10n.t('The model name the endpoint knows (for example gpt-4o-mini or llama3.1).'),
    value: current.name,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter the model name.')),
  });
  if (model === undefined) return { status: 'cancelled' };
  await writeModelSettings({ provider: 'openai-compatible', baseUrl: baseUrl.trim(), name: model.trim() });
  const origin = endpointOrigin(baseUrl.trim()) ?? baseUrl.trim();
  services.log.info(`model: openai-compatible ${model.trim()} at ${origin}`);
  const message = vscode.l10n.t('Prompter will send prompts to {0} at {1} to improve and score them, with the offline engine as the fallback.', model.trim(), origin);
  const hasKey = (await services.models.keys.get(baseUrl.trim())) !== undefined;
  if (hasKey || LOOPBACK.test(origin)) {
    void vscode.window.showInformationMessage(message);
  } else {
    const setKey = vscode.l10n.t('Set API Key');
    void vscode.window.showInformationMessage(message, setKey).then((choice) => (choice === setKey ? vscode.commands.executeCommand(CommandId.setApiKey) : undefined));
  }
  return { status: 'openai-compatible', baseUrl: baseUrl.trim(), model: model.trim() };
}
