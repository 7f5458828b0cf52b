/**
 * The `prompter` command line: parses the arguments, reads the inputs and runs one command.
 * Exit codes are part of the contract: 0 ok, 2 usage or input error.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_CHARS } from '../core/input/promptInput';
import type { CliIo } from './cliIo';
import type { CommandContext } from './commands/commandContext';
import { runImprove } from './commands/improveCommand';
import { runJudge } from './commands/judgeCommand';
import { paint } from './humanOutput';
import { readInputs } from './readInputs';
import { IMPROVE_USAGE, JUDGE_USAGE, MAIN_USAGE } from './usage';

/** The version printed by --version (kept in step with package.json by a unit test). */
export const CLI_VERSION = '0.1.0';

class UsageError extends Error {}

const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'max-chars': { type: 'string' },
} as const;

const COMMANDS = {
  judge: { usage: JUDGE_USAGE, options: COMMON_OPTIONS, run: runJudge },
  improve: { usage: IMPROVE_USAGE, options: { ...COMMON_OPTIONS, 'no-store': { type: 'boolean' } }, run: runImprove },
} as const;

function parseMaxChars(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_CHARS;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new UsageError(`--max-chars takes a positive whole number, not "${value}".`);
  return parsed;
}

function parse(args: string[], options: (typeof COMMANDS)[keyof typeof COMMANDS]['options']) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(MAIN_USAGE);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${CLI_VERSION}\n`);
      return 0;
    }
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    const command = COMMANDS[name as keyof typeof COMMANDS];
    const { values, positionals } = parse([...rest], command.options);
    if (values.help) {
      io.stdout(command.usage);
      return 0;
    }
    const maxChars = parseMaxChars(values['max-chars']);
    const context: CommandContext = { io, paint: paint(io.color && !values.json), json: Boolean(values.json) };
    return command.run(context, await readInputs(positionals, io, maxChars));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`prompter: ${error.message}\nRun "prompter --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}
