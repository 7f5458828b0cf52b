/**
 * The `vscode.lm` provider's logic, written against the shape of `vscode.LanguageModelChat` rather than
 * the module, so it runs (and is tested) in plain Node; `vscodeLmProvider.ts` supplies VS Code's values.
 *
 * Consent: the first request of an extension to a model shows VS Code's consent dialog. A dialog cut off by
 * a 6 s deadline would be a poor way to ask, so `complete` never triggers it: when access was not granted
 * yet it fails fast with `no-permission`, and `requestAccess` (called from an explicit Select Model
 * command, with no deadline) is where the person is asked.
 */
import type { ChatMessage, ChatModel, ChatRequest } from '../core/model/chatModel';
import { abortReason, ModelCallError } from '../core/model/chatModel';
import type { FallbackReason } from '../core/model/fallbackReasons';

/** A cancellation token source, as `vscode.CancellationTokenSource`. */
export interface CancellationSourceLike<Token> {
  token: Token;
  cancel(): void;
  dispose(): void;
}

/** The parts of `vscode.LanguageModelChat` used here. */
export interface LmChatLike<Message, Token> {
  readonly id: string;
  readonly vendor: string;
  readonly family: string;
  readonly name: string;
  sendRequest(messages: Message[], options: { justification?: string }, token: Token): PromiseLike<{ text: AsyncIterable<string> }>;
}

/** What VS Code provides: message constructors, cancellation, error codes and the consent state. */
export interface LmRuntime<Message, Token> {
  user(content: string): Message;
  assistant(content: string): Message;
  cancellationSource(): CancellationSourceLike<Token>;
  /** `LanguageModelError.code` (`NoPermissions`, `Blocked`, `NotFound`, …) or undefined for other errors. */
  errorCode(error: unknown): string | undefined;
  /** `context.languageModelAccessInformation.canSendRequest`: true, false, or undefined (not asked yet). */
  canSendRequest?(chat: LmChatLike<Message, Token>): boolean | undefined;
}

/** The provider name in log lines. */
export const VSCODE_LM = 'vscode.lm';

const CODE_REASONS: Record<string, FallbackReason> = { NoPermissions: 'no-permission', NotFound: 'unavailable', Blocked: 'http-429' };

// vscode.lm has no system role: instructions go first in the first user message.
function toMessages<Message, Token>(messages: readonly ChatMessage[], runtime: LmRuntime<Message, Token>): Message[] {
  const system = messages.filter((message) => message.role === 'system').map((message) => message.content);
  const rest = messages.filter((message) => message.role !== 'system');
  return rest.map((message, index) => {
    const content = index === 0 && system.length ? `${system.join('\n\n')}\n\n${message.content}` : message.content;
    return message.role === 'assistant' ? runtime.assistant(content) : runtime.user(content);
  });
}

function aborted(signal: AbortSignal): ModelCallError {
  const reason = abortReason(signal);
  return new ModelCallError(reason, reason === 'timeout' ? 'the language model did not answer within the time limit' : 'cancelled');
}

async function send<Message, Token>(chat: LmChatLike<Message, Token>, runtime: LmRuntime<Message, Token>, messages: Message[], justification: string, signal: AbortSignal): Promise<string> {
  if (signal.aborted) throw aborted(signal);
  const source = runtime.cancellationSource();
  const onAbort = (): void => source.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  // NOTE: the race makes the deadline hold even if a provider ignores the token.
  let stop: (error: ModelCallError) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const onAbortReject = (): void => stop(aborted(signal));
  signal.addEventListener('abort', onAbortReject, { once: true });
  try {
    const work = (async () => {
      const response = await chat.sendRequest(messages, { justification }, source.token);
      let text = '';
      for await (const part of response.text) text += part;
      return text;
    })();
    return await Promise.race([work, stopped]);
  } catch (error) {
    if (error instanceof ModelCallError) throw error;
    if (signal.aborted) throw aborted(signal);
    const code = runtime.errorCode(error);
    const reason: FallbackReason = (code !== undefined ? CODE_REASONS[code] : undefined) ?? 'network';
    throw new ModelCallError(reason, `${chat.vendor}/${chat.family}: ${code ?? 'error'}: ${(error as Error).message?.slice(0, 200) ?? ''}`);
  } finally {
    signal.removeEventListener('abort', onAbort);
    signal.removeEventListener('abort', onAbortReject);
    source.dispose();
  }
}

/** A ChatModel over a `vscode.lm` chat model. */
export function lmChatModel<Message, Token>(chat: LmChatLike<Message, Token>, runtime: LmRuntime<Message, Token>, justification: string): ChatModel {
  return {
    id: `${chat.vendor}/${chat.family}`,
    provider: VSCODE_LM,
    complete(request: ChatRequest, signal: AbortSignal) {
      const access = runtime.canSendRequest?.(chat);
      if (access === false) return Promise.reject(new ModelCallError('no-permission', 'access to this language model was declined'));
      if (access === undefined && runtime.canSendRequest) {
        return Promise.reject(new ModelCallError('no-permission', 'access to this language model has not been granted yet'));
      }
      return send(chat, runtime, toMessages(request.messages, runtime), justification, signal);
    },
  };
}

/**
 * Asks VS Code for access (its consent dialog, when needed) with one tiny request and no deadline, only
 * the person's cancellation. Call it from an explicit user action such as *Select Model*.
 */
export async function requestAccess<Message, Token>(chat: LmChatLike<Message, Token>, runtime: LmRuntime<Message, Token>, justification: string, signal: AbortSignal): Promise<{ ok: true } | { ok: false; reason: FallbackReason; message: string }> {
  try {
    await send(chat, runtime, [runtime.user('Reply with the word OK.')], justification, signal);
    return { ok: true };
  } catch (error) {
    const failure = error instanceof ModelCallError ? error : new ModelCallError('network', 'the request failed');
    return { ok: false, reason: failure.reason, message: failure.message };
  }
}
