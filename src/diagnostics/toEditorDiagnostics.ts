/** Turns the core's diagnostics (offsets into the file) into VS Code diagnostics (ranges in the document). */
import * as vscode from 'vscode';
import type { DiagnosticSeverity, PromptDiagnostic } from '../core/diagnostics/diagnosePrompt';

/** Shown as the diagnostics' source, and used to pick our diagnostics out of a Code Action context. */
export const DIAGNOSTIC_SOURCE = 'Prompter';

const SEVERITY: Record<DiagnosticSeverity, vscode.DiagnosticSeverity> = {
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** One VS Code diagnostic per core diagnostic; `code` is the rule id, as `prompter lint --json` prints it. */
export function toEditorDiagnostics(document: vscode.TextDocument, diagnostics: readonly PromptDiagnostic[]): vscode.Diagnostic[] {
  return diagnostics.map((found) => {
    const range = new vscode.Range(document.positionAt(found.span.start), document.positionAt(found.span.end));
    const diagnostic = new vscode.Diagnostic(range, found.message, SEVERITY[found.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = found.rule;
    return diagnostic;
  });
}

/** True for a diagnostic this feature published. */
export function isPrompterDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE;
}
