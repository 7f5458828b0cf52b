/** Registers *Improve Prompt* and *Score Prompt*; their handlers return outcomes that tests can read. */
import type * as vscode from 'vscode';
import type { InlineDiffManager } from '../inlineDiff/inlineDiffManager';
import type { ResultPanel } from '../panel/resultPanel';
import type { ReportDocuments } from '../reports/reportDocuments';
import type { Services } from '../services';
import { CommandId } from './commandIds';
import { registerGuardedCommand } from './guardedCommand';
import { improveActiveEditor } from './improveCommand';
import { scoreActiveEditor } from './scoreCommand';

/** The command registrations; the caller owns them. */
export function registerPromptCommands(services: Services, diffs: InlineDiffManager, reports: ReportDocuments, panel: ResultPanel): vscode.Disposable[] {
  return [
    registerGuardedCommand(services.log, CommandId.improvePrompt, 'Improve Prompt', () => improveActiveEditor(services, diffs, panel)),
    registerGuardedCommand(services.log, CommandId.scorePrompt, 'Score Prompt', () => scoreActiveEditor(services, reports)),
  ];
}
