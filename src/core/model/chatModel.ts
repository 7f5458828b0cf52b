/**
 * The one small interface core sees of a language model, whoever serves it (an OpenAI-compatible HTTP
 * endpoint, VS Code's `vscode.lm`, a test double). Providers live in `src/llm`; core never imports them.
 */
import type { FallbackReason } from './fallbackReasons';

/** One chat message. `system` is folded into the first user message by providers that have no system role. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One request to a model. */
export interface ChatRequest {
  messages: ChatMessage[];
  /** Upper bound on the answer's length, in tokens. */
  maxTokens?: number;
  /** The answer must be a JSON object (providers may ask the server for JSON mode when it has one). */
  json?: boolean;
  /** 0 for the judge (repeatable), higher for rewrites. */
  temperature?: number;
  /** What the request is for (`rewrite:markdown`, `judge`, `repair`), for the log line. */
  purpose?: string;
  /** Correlates the log line with the server's logs; providers send it as `X-Request-Id` where they can. */
  requestId?: string;
}

/** A language model: answers a chat request with the full text of its reply. */
export interface ChatModel {
  /** The model's name as people configured it (`gpt-4o-mini`, `copilot/gpt-4o`); used in `llm:<id>`. */
  readonly id: string;
  /** Which provider serves it (`openai-compatible`, `vscode.lm`), for log lines. */
  readonly provider: string;
  /**
   * Resolves with the reply's text, or rejects with a `ModelCallError` that names the fallback reason.
   * Must stop work and reject promptly when `signal` aborts.
   */
  complete(request: ChatRequest, signal: AbortSignal): Promise<string>;
}

/** A model call that failed, with the reason the caller falls back for. Never carries secrets or prompt text. */
export class ModelCallError extends Error {
  constructor(
    readonly reason: FallbackReason,
    message: string,
    /** The HTTP status, when there was one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ModelCallError';
  }
}

/** The fallback reason of any error a model call threw (unknown errors count as `network`). */
export function reasonOf(error: unknown, signal?: AbortSignal): FallbackReason {
  if (error instanceof ModelCallError) return error.reason;
  if (signal?.aborted) return abortReason(signal);
  return 'network';
}

/** `timeout` when the signal aborted because a deadline passed, `cancelled` when someone cancelled it. */
export function abortReason(signal: AbortSignal): FallbackReason {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError' ? 'timeout' : 'cancelled';
}
