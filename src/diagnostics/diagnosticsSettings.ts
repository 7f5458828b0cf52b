/**
 * The live diagnostics' settings (`prompter.diagnostics.*`, declared in package.json). NOTE: read here
 * rather than in src/settings.ts so this feature stays in its own folder while that file is being changed.
 */
import * as vscode from 'vscode';

/** How live diagnostics behave. */
export interface DiagnosticsSettings {
  /** Whether prompt files are judged as the person types. */
  enabled: boolean;
  /** More glob patterns (beyond `*.prompt.md`, `*.prompt.txt`, `*.prompty`) of files treated as prompts. */
  extraGlobs: string[];
}

/** Reads the window-wide diagnostics settings. */
export function readDiagnosticsSettings(): DiagnosticsSettings {
  const config = vscode.workspace.getConfiguration('prompter.diagnostics');
  const globs = config.get<unknown>('extraGlobs', []);
  return {
    enabled: config.get<boolean>('enabled', true),
    extraGlobs: Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '') : [],
  };
}

/** True when a configuration change touches these settings. */
export function affectsDiagnosticsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('prompter.diagnostics');
}
