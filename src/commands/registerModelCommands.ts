/** Registers *Select Model*, *Set API Key* and *Clear API Key*; their handlers return outcomes tests can read. */
import type * as vscode from 'vscode';
import type { Services } from '../services';
import { clearApiKey, setApiKey } from './apiKeyCommands';
import { CommandId } from './commandIds';
import { registerGuardedCommand } from './guardedCommand';
import { selectModel } from './selectModelCommand';

/** The command registrations; the caller owns them. */
export function registerModelCommands(services: Services): vscode.Disposable[] {
  return [
    registerGuardedCommand(services.log, CommandId.selectModel, 'Select Model', (arg?: unknown) => selectModel(services, arg)),
    registerGuardedCommand(services.log, CommandId.setApiKey, 'Set API Key', () => setApiKey(services)),
    registerGuardedCommand(services.log, CommandId.clearApiKey, 'Clear API Key', () => clearApiKey(services)),
  ];
}
