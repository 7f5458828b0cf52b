/**
 * One readable line per model request for the editor's output channel: request id, provider, model,
 * purpose, latency, outcome and fallback reason. Prompt and answer text appear only when the entry carries
 * them (the debug setting). The key is redacted once more as a second guard: providers never put it in an
 * entry, and this keeps a mistake there from reaching the log.
 */
import type { ModelLogEntry } from '../core/model/instrumentModel';
import { redact } from './openAiCompatibleModel';

/** The log line for `entry`, with every occurrence of `secret` replaced. */
export function modelLogLine(entry: ModelLogEntry, secret?: string): string {
  const head = `model ${entry.requestId} ${entry.provider} ${entry.model} ${entry.purpose}: ${entry.outcome} in ${entry.latencyMs} ms`;
  const result =
    entry.outcome === 'ok'
      ? ` (${entry.answerChars ?? 0} chars)`
      : `, fallback ${entry.fallbackReason ?? 'network'}${entry.error ? ` (${entry.error})` : ''}`;
  const sent = entry.messages ? `\n  sent: ${JSON.stringify(entry.messages)}` : '';
  const answer = entry.answer !== undefined ? `\n  answer: ${JSON.stringify(entry.answer)}` : '';
  return redact(`${head}${result}${sent}${answer}`, secret);
}
