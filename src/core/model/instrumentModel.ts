/**
 * Observability for model calls: every request gets an id (sent to the provider, so server logs can be
 * matched), and one structured log line when it ends: provider, model, purpose, latency, outcome and the
 * fallback reason. Prompt and answer text appear only when debugging is explicitly on; keys never do
 * (providers keep them out of every error message).
 */
import type { ChatMessage, ChatModel } from './chatModel';
import { reasonOf } from './chatModel';
import type { FallbackReason } from './fallbackReasons';

/** One line per model request. */
export interface ModelLogEntry {
  /** `req-…`, also sent to the provider. */
  requestId: string;
  provider: string;
  model: string;
  /** `rewrite:markdown`, `judge`, `judge:panel`, …, with `:repair` for the repair attempt. */
  purpose: string;
  latencyMs: number;
  outcome: 'ok' | 'failed';
  fallbackReason?: FallbackReason;
  /** The failure in words (no secrets, no prompt text). */
  error?: string;
  /** Length of the answer, for spotting truncation without logging the text. */
  answerChars?: number;
  /** Only with debugging on: what was sent and what came back. */
  messages?: ChatMessage[];
  answer?: string;
}

/** Where log lines go (the output channel, stderr, a test array). */
export type ModelLogger = (entry: ModelLogEntry) => void;

/** What instrumentation needs from outside. */
export interface InstrumentOptions {
  log: ModelLogger;
  /** Monotonic milliseconds. */
  now: () => number;
  newRequestId: () => string;
  /** Include prompt and answer text in log lines. Off unless a person turns it on. */
  debug?: boolean;
}

/** Wraps a model so that each call has a request id and ends with one log line. */
export function instrumentModel(model: ChatModel, options: InstrumentOptions): ChatModel {
  return {
    id: model.id,
    provider: model.provider,
    async complete(request, signal) {
      const requestId = request.requestId ?? options.newRequestId();
      const started = options.now();
      const base = { requestId, provider: model.provider, model: model.id, purpose: request.purpose ?? 'request' };
      const debug = options.debug ? { messages: request.messages } : {};
      try {
        const answer = await model.complete({ ...request, requestId }, signal);
        options.log({ ...base, latencyMs: Math.round(options.now() - started), outcome: 'ok', answerChars: answer.length, ...debug, ...(options.debug ? { answer } : {}) });
        return answer;
      } catch (error) {
        options.log({ ...base, latencyMs: Math.round(options.now() - started), outcome: 'failed', fallbackReason: reasonOf(error, signal), error: (error as Error).message, ...debug });
        throw error;
      }
    },
  };
}
