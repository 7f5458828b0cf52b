/**
 * How a command tells the person which engine answered: a log fragment for every run, and a notification
 * when a model was asked but the offline engine or judge answered (with the reason and what to do).
 */
import * as vscode from 'vscode';
import type { FallbackReason } from '../core/model/fallbackReasons';
import { describeFallback } from '../core/model/fallbackReasons';

/** The part of an engine or judge report these need. */
export interface AnsweredBy {
  id: string;
  fallbackReason?: FallbackReason;
  fallbackDetail?: string;
}

/** `engine llm:gpt-4o-mini`, or `engine heuristic@1, model fallback timeout (…)` for the log. */
export function engineSummary(engine: AnsweredBy, label: 'engine' | 'judge' = 'engine'): string {
  const fallback = engine.fallbackReason ? `, model fallback ${engine.fallbackReason}${engine.fallbackDetail ? ` (${engine.fallbackDetail})` : ''}` : '';
  return `${label} ${engine.id}${fallback}`;
}

/** Tells the person when the model was asked but not used. `what` is the offline engine or judge. */
export function reportFallback(engine: AnsweredBy, what: 'engine' | 'judge' = 'engine'): void {
  const reason = engine.fallbackReason;
  // The person who cancelled knows; the log has it.
  if (!reason || reason === 'cancelled') return;
  // The budget's own message says when more calls are possible.
  const why = reason === 'budget' && engine.fallbackDetail ? engine.fallbackDetail : describeFallback(reason);
  const message =
    what === 'engine'
      ? vscode.l10n.t('Prompter used its offline engine for this rewrite. {0}', why)
      : vscode.l10n.t('Prompter used its offline judge for this score. {0}', why);
  void vscode.window.showInformationMessage(message);
}
