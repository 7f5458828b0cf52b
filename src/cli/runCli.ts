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
import { runLint } from './commands/lintCommand';
import { findPromptFiles } from './findPromptFiles';
import { paint } from './humanOutput';
import { readInputs } from './readInputs';
import { IMPROVE_USAGE, JUDGE_USAGE, LINT_USAGE, MAIN_USAGE } from './usage';

/** The version printed by --version (kept in step with package.json by a unit test). */
export const CLI_VERSION = '0.1.0';

class UsageError extends Error {}

const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'max-chars': { type: 'string' },
} as const;

const COMMANDS = {
  judge: { usage: JUDGE_USAGE, options: COMMON_OPTIONS },
  improve: { usage: IMPROVE_USAGE, options: { ...COMMON_OPTIONS, 'no-store': { type: 'boolean' } } },
  lint: { usage: LINT_USAGE, options: { ...COMMON_OPTIONS, min: { type: 'string' } } },
} as const;

type CommandName = keyof typeof COMMANDS;

function parseNumber(flag: string, value: string | undefined, fallback: number, accept: (n: number) => boolean, kind: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !accept(parsed)) throw new UsageError(`--${flag} takes ${kind}, not "${value}".`);
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
    const command = COMMANDS[name as CommandName];
    const { values, positionals } = parse([...rest], command.options);
    if (values.help) {
      io.stdout(command.usage);
      return 0;
    }
    const maxChars = parseNumber('max-chars', values['max-chars'], DEFAULT_MAX_CHARS, (n) => Number.isInteger(n) && n > 0, 'a positive whole number');
    const context: CommandContext = { io, paint: paint(io.color && !values.json), json: Boolean(values.json) };
    switch (name as CommandName) {
      case 'judge':
        return runJudge(context, await readInputs(positionals, io, maxChars));
      case 'improve':
        return runImprove(context, await readInputs(positionals, io, maxChars));
      case 'lint': {
        if (positionals.length === 0) throw new UsageError('lint needs the prompt files or folders to check, e.g. "prompter lint prompts/".');
        const min = parseNumber('min', (values as { min?: string }).min, 0, (n) => Number.isFinite(n) && n >= 0 && n <= 50, 'a score from 0 to 50');
        const { files, missing } = await findPromptFiles(positionals);
        return runLint(context, await readInputs([...files, ...missing], io, maxChars), min);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`prompter: ${error.message}\nRun "prompter --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}
