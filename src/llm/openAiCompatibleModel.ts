/**
 * The OpenAI-compatible HTTP provider: `POST <base>/v1/chat/completions`, streaming (SSE) or not, with the
 * API key as a bearer header. Serves OpenAI, Ollama, LM Studio, vLLM, llama.cpp's server and gateways.
 * Uses Node's global `fetch` (no client library: the protocol needed here is one POST).
 *
 * Every failure becomes a `ModelCallError` naming the fallback reason; no message ever contains the key
 * (the server's own error text is redacted) or the prompt.
 */
import type { ChatModel, ChatRequest } from '../core/model/chatModel';
import { abortReason, ModelCallError } from '../core/model/chatModel';
import type { FallbackReason } from '../core/model/fallbackReasons';
import { readEventStream } from './serverSentEvents';

/** How to reach the endpoint. */
export interface OpenAiCompatibleOptions {
  /** `http://127.0.0.1:11434`, `https://api.openai.com/v1`, or a full `…/chat/completions` URL. */
  baseUrl: string;
  /** The model name the server knows (`gpt-4o-mini`, `llama3.1`). */
  model: string;
  /** Sent as `Authorization: Bearer …`; local servers usually need none. */
  apiKey?: string;
  /** Per-request limit in milliseconds (default 6000), on top of the caller's signal. */
  timeoutMs?: number;
  /** Ask for a streamed answer (server-sent events). */
  stream?: boolean;
  /**
   * Send `response_format: {type: "json_object"}` for JSON requests.
   * NOTE: off by default: some compatible servers reject the field with HTTP 400, and every answer is
   * validated (and repaired once) anyway.
   */
  jsonMode?: boolean;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** The default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 6000;

/** The default endpoint: a local Ollama, so turning a model on without a URL stays on the machine. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:11434';

/** The provider name in log lines. */
export const OPENAI_COMPATIBLE = 'openai-compatible';

/** The chat-completions URL for a base URL, or a sentence saying what is wrong with it. */
export function chatCompletionsUrl(baseUrl: string): URL | string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `"${baseUrl}" is not a URL (for example http://127.0.0.1:11434 or https://api.openai.com/v1).`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the base URL must start with http:// or https://, not ${url.protocol}//.`;
  if (url.username || url.password) return 'the base URL must not contain a user name or password; the key comes from PROMPTER_API_KEY.';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/chat/completions') ? path : path.endsWith('/v1') ? `${path}/chat/completions` : `${path}/v1/chat/completions`;
  return url;
}

/** Replaces every occurrence of the secret. */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

function statusReason(status: number): FallbackReason {
  if (status === 429) return 'http-429';
  return status >= 500 ? 'http-5xx' : 'http-4xx';
}

async function serverMessage(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 4000);
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    return typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

async function replyText(response: Response): Promise<string> {
  if (response.body && (response.headers.get('content-type') ?? '').includes('text/event-stream')) return readEventStream(response.body);
  let body: { choices?: { message?: { content?: unknown } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ModelCallError('invalid-json', 'the endpoint did not answer with a chat completion (not JSON)');
  }
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new ModelCallError('invalid-json', 'the endpoint answered without choices[0].message.content');
  return content;
}

function connectionProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (error as Error).message;
  return code;
}

/** A ChatModel over an OpenAI-compatible endpoint. Throws when the base URL is unusable. */
export function openAiCompatibleModel(options: OpenAiCompatibleOptions): ChatModel {
  const url = chatCompletionsUrl(options.baseUrl);
  if (typeof url === 'string') throw new Error(url);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = url.origin;
  const clean = (text: string): string => redact(text, options.apiKey);

  async function complete(request: ChatRequest, signal: AbortSignal): Promise<string> {
    const combined = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: options.stream ? 'text/event-stream' : 'application/json' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    if (request.requestId) headers['x-request-id'] = request.requestId;
    const body = {
      model: options.model,
      messages: request.messages,
      stream: Boolean(options.stream),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.json && options.jsonMode ? { response_format: { type: 'json_object' } } : {}),
    };
    try {
      const response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: combined });
      if (!response.ok) {
        const retry = response.headers.get('retry-after');
        const message = `HTTP ${response.status} from ${where}${clean(await serverMessage(response))}${retry ? ` (retry after ${retry.slice(0, 20)} s)` : ''}`;
        throw new ModelCallError(statusReason(response.status), message, response.status);
      }
      return await replyText(response);
    } catch (error) {
      if (combined.aborted) {
        const reason = abortReason(combined);
        throw new ModelCallError(reason, reason === 'timeout' ? `no answer from ${where} within the time limit` : 'cancelled');
      }
      if (error instanceof ModelCallError) throw error;
      throw new ModelCallError('network', clean(`could not reach ${where} (${connectionProblem(error)})`));
    }
  }

  return { id: options.model, provider: OPENAI_COMPATIBLE, complete };
}
