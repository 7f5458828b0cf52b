/**
 * The extension's settings, read in one place with their defaults (declared with descriptions in
 * package.json under `prompter.*`).
 */
import * as vscode from 'vscode';
import { DEFAULT_MAX_CHARS } from './core/input/promptInput';

/** Where the history is kept (the store wiring reads it). */
export type HistoryLocation = 'workspaceFolder' | 'extensionStorage';

/** The settings as the features use them. */
export interface PrompterSettings {
  inlineDiff: boolean;
  candidates: number;
  openPanelOnImprove: boolean;
  historyLocation: HistoryLocation;
  maxPromptCharacters: number;
}

/** Reads the settings that apply to `scope` (a document, so folder settings count). */
export function readSettings(scope?: vscode.ConfigurationScope): PrompterSettings {
  const config = vscode.workspace.getConfiguration('prompter', scope);
  const candidates = Math.round(config.get<number>('candidates', 3));
  return {
    inlineDiff: config.get<boolean>('inlineDiff.enabled', true),
    candidates: Math.min(3, Math.max(1, Number.isFinite(candidates) ? candidates : 3)),
    openPanelOnImprove: config.get<boolean>('panel.openOnImprove', true),
    historyLocation: config.get<HistoryLocation>('history.location', 'workspaceFolder'),
    maxPromptCharacters: config.get<number>('maxPromptCharacters', DEFAULT_MAX_CHARS),
  };
}
