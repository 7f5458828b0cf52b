/**
 * What every command receives: the io, the parsed inputs and the output mode. Also the shared handling
 * of refused inputs, so every command reports them the same way.
 */
import type { CliIo } from '../cliIo';
import type { Paint } from '../humanOutput';
import type { NamedInput } from '../readInputs';

/** The state one command runs with. */
export interface CommandContext {
  io: CliIo;
  paint: Paint;
  json: boolean;
}

/** The JSON entry for an input that was refused: stands in its place in the output array. */
export interface InputErrorJson {
  file: string;
  error: { problem: string; message: string };
}

/** Reports a refused input on stderr (always) and returns its JSON entry. */
export function reportRefused(context: CommandContext, named: NamedInput): InputErrorJson | undefined {
  if (named.input.ok) return undefined;
  const { problem, message } = named.input;
  context.io.stderr(`prompter: ${message.startsWith(`${named.file}:`) ? message : `${named.file}: ${message}`}\n`);
  return { file: named.file, error: { problem, message } };
}
