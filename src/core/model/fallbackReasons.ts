/**
 * Why a model was asked but the deterministic engine or judge answered. Stored in `engine.fallbackReason`
 * and in metric events, so the ids are stable; the sentences are for people.
 */

/** Every reason, in the order the metrics list them. */
export const FALLBACK_REASONS = [
  'timeout',
  'cancelled',
  'http-429',
  'http-5xx',
  'http-4xx',
  'network',
  'no-permission',
  'unavailable',
  'invalid-json',
  'invalid-scores',
  'intent-check',
  'no-gain',
  'judge-disagrees',
  'budget',
] as const;

/** A stable fallback reason id. */
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

const MESSAGES: Record<FallbackReason, string> = {
  timeout: 'The model did not answer in time.',
  cancelled: 'The model request was cancelled.',
  'http-429': 'The model endpoint is rate-limiting requests (HTTP 429); try again later.',
  'http-5xx': 'The model endpoint had a server error (HTTP 5xx).',
  'http-4xx': 'The model endpoint refused the request (HTTP 4xx): check the base URL, the model name and the API key.',
  network: 'The model endpoint could not be reached: check the base URL and that the server is running.',
  'no-permission': 'The editor has not been allowed to use this language model yet: select the model again to grant access.',
  unavailable: 'The selected language model is not available any more: select another one.',
  'invalid-json': 'The model did not answer with the JSON asked for, even after one repair attempt.',
  'invalid-scores': 'The model judge answered scores that are out of range or inconsistent, even after one repair attempt.',
  'intent-check': 'Every model rewrite dropped something of the original (a variable, number, quoted string or code block).',
  'no-gain': 'The model judge did not score the model rewrite above the current version.',
  'judge-disagrees': 'The model judge changed its verdict when the two prompts swapped places, so the rewrite was not trusted.',
  budget: 'The hourly or daily limit on model calls is reached.',
};

/** One sentence for people: what went wrong, and what to do when there is something to do. */
export function describeFallback(reason: FallbackReason): string {
  return MESSAGES[reason];
}

/** True for a known reason id (for values read back from JSON). */
export function isFallbackReason(value: unknown): value is FallbackReason {
  return typeof value === 'string' && (FALLBACK_REASONS as readonly string[]).includes(value);
}
