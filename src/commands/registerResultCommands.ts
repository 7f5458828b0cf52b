/** Registers *Improve Again* and *Open Version*, the commands that put stored versions in the result panel. */
import type * as vscode from 'vscode';
import type { ResultPanel } from '../panel/resultPanel';
import type { Services } from '../services';
import { CommandId } from './commandIds';
import { registerGuardedCommand } from './guardedCommand';
import { improveAgainCommand } from './improveAgainCommand';
import { openVersionCommand } from './openVersionCommand';

/** The command registrations; the caller owns them. */
export function registerResultCommands(services: Services, panel: ResultPanel): vscode.Disposable[] {
  return [
    registerGuardedCommand(services.log, CommandId.improveAgain, 'Improve Again', (argument?: unknown) => improveAgainCommand(services, panel, argument)),
    registerGuardedCommand(services.log, CommandId.openVersion, 'Open Version', (argument?: unknown) => openVersionCommand(services, panel, argument)),
  ];
}
