/**
 * The VS Code Language Model API (`vscode.lm`: Copilot or any installed provider) as a `ChatModel`. The
 * only file of `src/llm` that imports `vscode`; the logic is in `lmChatModel.ts`, tested in plain Node.
 * Wired by the extension (settings, Select Model command); nothing here runs until it is.
 */
import * as vscode from 'vscode';
import type { ChatModel } from '../core/model/chatModel';
import type { FallbackReason } from '../core/model/fallbackReasons';
import type { LmRuntime } from './lmChatModel';
import { lmChatModel, requestAccess } from './lmChatModel';

/** Shown in VS Code's consent dialog. */
export const LM_JUSTIFICATION = 'Prompter asks the language model to rewrite and score the prompt you selected.';

type Runtime = LmRuntime<vscode.LanguageModelChatMessage, vscode.CancellationToken>;

/** VS Code's message constructors, cancellation and error codes; the consent state when `access` is given. */
export function vscodeLmRuntime(access?: vscode.LanguageModelAccessInformation): Runtime {
  return {
    user: (content) => vscode.LanguageModelChatMessage.User(content),
    assistant: (content) => vscode.LanguageModelChatMessage.Assistant(content),
    cancellationSource: () => new vscode.CancellationTokenSource(),
    errorCode: (error) => (error instanceof vscode.LanguageModelError ? error.code : undefined),
    ...(access ? { canSendRequest: (chat) => access.canSendRequest(chat as vscode.LanguageModelChat) } : {}),
  };
}

/** The chat models VS Code offers for a selector (empty when none is installed or allowed). */
export async function listVscodeChatModels(selector?: vscode.LanguageModelChatSelector): Promise<vscode.LanguageModelChat[]> {
  return vscode.lm.selectChatModels(selector);
}

/**
 * A ChatModel over the first model matching `selector`, or undefined when there is none. With `access`
 * (the extension context's `languageModelAccessInformation`), requests fail fast with `no-permission`
 * until the person granted access through `grantVscodeLmAccess`.
 */
export async function vscodeLmModel(selector: vscode.LanguageModelChatSelector, access?: vscode.LanguageModelAccessInformation): Promise<ChatModel | undefined> {
  const [chat] = await vscode.lm.selectChatModels(selector);
  return chat ? lmChatModel(chat, vscodeLmRuntime(access), LM_JUSTIFICATION) : undefined;
}

/** Asks VS Code's consent for `chat` (call from an explicit command; honours the person's cancellation). */
export async function grantVscodeLmAccess(chat: vscode.LanguageModelChat, token: vscode.CancellationToken): Promise<{ ok: true } | { ok: false; reason: FallbackReason; message: string }> {
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  try {
    return await requestAccess(chat, vscodeLmRuntime(), LM_JUSTIFICATION, controller.signal);
  } finally {
    subscription.dispose();
  }
}
