/**
 * Runs a command's work with the configured model under a cancellable progress notification. Cancelling
 * aborts the model's requests; the model-aware engine and judge then answer with the heuristic result and
 * the reason `cancelled`, so the person still gets a result at once. With no provider on there is no
 * notification and no model.
 */
import * as vscode from 'vscode';
import type { ModelAccess, ModelRun } from './modelAccess';

/** Calls `body` with the command's model (undefined when no provider is on) and saves its usage after. */
export async function runWithModel<T>(access: ModelAccess, title: string, body: (run: ModelRun | undefined) => Promise<T>): Promise<T> {
  if (access.settings().provider === 'off') return body(undefined);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const run = await access.open(controller.signal);
      if (run) progress.report({ message: run.label });
      try {
        return await body(run);
      } finally {
        await run?.finish();
      }
    } finally {
      subscription.dispose();
    }
  });
}
