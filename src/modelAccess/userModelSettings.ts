/**
 * Reads and writes `prompter.model.*` in the person's own settings only. The settings are machine-scoped
 * (VS Code ignores them in workspace and folder settings) and restricted in untrusted workspaces; reading
 * the user value explicitly keeps the rule even if a scope is ever loosened by mistake.
 */
import * as vscode from 'vscode';
import type { ModelSettings } from '../llm/modelSettings';
import { MODEL_SECTION, parseModelSettings } from '../llm/modelSettings';

/** The model settings as the person set them (user or remote-machine settings), with defaults. */
export function readModelSettings(): ModelSettings {
  const config = vscode.workspace.getConfiguration(MODEL_SECTION);
  return parseModelSettings((key) => config.inspect(key)?.globalValue);
}

/** Writes model settings to the person's settings (machine-scoped settings cannot go anywhere else). */
export async function writeModelSettings(values: Record<string, string>): Promise<void> {
  const config = vscode.workspace.getConfiguration(MODEL_SECTION);
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
}
