/**
 * Asks a model for a JSON object of a known shape: parse, validate, and on failure one repair request that
 * shows the model its answer and what is wrong with it. Never more than one repair (each costs a call and
 * time under the same deadline).
 */
import type * as z from 'zod/mini';
import { describeIssues } from './answerSchemas';
import type { ChatModel, ChatRequest } from './chatModel';
import { reasonOf } from './chatModel';
import type { FallbackReason } from './fallbackReasons';

/** What to ask and how to check the answer. */
export interface JsonAsk<T> {
  model: ChatModel;
  request: ChatRequest;
  schema: z.ZodMiniType<T>;
  /** The reason to report when the JSON parses but does not fit the schema. */
  invalidReason: 'invalid-json' | 'invalid-scores';
  signal: AbortSignal;
}

/** A validated answer with the raw text it came from. */
export interface JsonAnswer<T> {
  ok: true;
  value: T;
  raw: string;
  /** 1, or 2 when the repair was needed. */
  attempts: number;
}

/** No usable answer: why, in words, and the last raw answer when there was one. */
export interface JsonFailure {
  ok: false;
  reason: FallbackReason;
  message: string;
  raw?: string;
}

type Check<T> = { ok: true; value: T } | { ok: false; reason: 'invalid-json' | 'invalid-scores'; problem: string };

// NOTE: servers without a JSON mode often wrap the object in a ```json fence; that one wrapping is removed,
// nothing else is guessed at (no searching for braces inside prose).
const FENCED = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i;

/** Parses a model's answer as JSON, accepting one surrounding code fence. */
export function parseJsonText(raw: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const trimmed = raw.trim();
  const body = FENCED.exec(trimmed)?.[1] ?? trimmed;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
}

function check<T>(raw: string, schema: z.ZodMiniType<T>, invalidReason: 'invalid-json' | 'invalid-scores'): Check<T> {
  const parsed = parseJsonText(raw);
  if (!parsed.ok) return { ok: false, reason: 'invalid-json', problem: parsed.problem };
  const result = schema.safeParse(parsed.value);
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: invalidReason, problem: describeIssues(result.error) };
}

const MAX_ECHO = 8000;

function repairRequest(request: ChatRequest, raw: string, problem: string): ChatRequest {
  return {
    ...request,
    purpose: `${request.purpose ?? 'request'}:repair`,
    messages: [
      ...request.messages,
      { role: 'assistant', content: raw.slice(0, MAX_ECHO) },
      { role: 'user', content: `That answer is not valid: ${problem}. Answer again with only the corrected JSON object, no other text.` },
    ],
  };
}

/** Asks, validates, and repairs at most once. Model call failures end the ask with their own reason. */
export async function askForJson<T>(ask: JsonAsk<T>): Promise<JsonAnswer<T> | JsonFailure> {
  let request = ask.request;
  let last: { raw: string; reason: FallbackReason; problem: string } | undefined;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    let raw: string;
    try {
      raw = await ask.model.complete(request, ask.signal);
    } catch (error) {
      return { ok: false, reason: reasonOf(error, ask.signal), message: (error as Error).message, ...(last ? { raw: last.raw } : {}) };
    }
    const checked = check(raw, ask.schema, ask.invalidReason);
    if (checked.ok) return { ok: true, value: checked.value, raw, attempts: attempt };
    last = { raw, reason: checked.reason, problem: checked.problem };
    request = repairRequest(ask.request, raw, checked.problem);
  }
  return { ok: false, reason: last!.reason, message: last!.problem, raw: last!.raw };
}
