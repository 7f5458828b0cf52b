/**
 * A stand-in for a model that could not be set up (no `vscode.lm` model matches, no model name, an unusable
 * base URL): every call fails at once with the reason, so the model-aware engine and judge fall back to the
 * heuristic ones and say why, through the same path as any other model failure.
 */
import type { ChatModel } from '../core/model/chatModel';
import { ModelCallError } from '../core/model/chatModel';
import type { FallbackReason } from '../core/model/fallbackReasons';

/** A model whose every request fails with `reason` and `message`. */
export function unavailableModel(id: string, provider: string, reason: FallbackReason, message: string): ChatModel {
  return { id, provider, complete: () => Promise.reject(new ModelCallError(reason, message)) };
}
