/**
 * The `prompter` command line: parses the arguments, opens what the command needs and runs it.
 * Exit codes are part of the contract: 0 ok, 1 lint found a prompt below --min, 2 usage or input error.
 */
import { parseArgs } from 'node:util';
import type { ImproveOptions } from '../core/engine/improvePrompt';
import type { HistoryRepository } from '../core/history';
import { UnknownPromptError } from '../core/improveLoop';
import type { LearningLink } from '../core/learningStore';
import { learningLoopDeps, linkLearning } from '../core/learningStore';
import { DEFAULT_MAX_CHARS } from '../core/input/promptInput';
import type { EngineResult } from '../core/model/improveWithModel';
import { improveWithModel } from '../core/model/improveWithModel';
import { judgeWithModel } from '../core/model/modelJudge';
import type { CliIo } from './cliIo';
import { describeStoreError, openCliStore } from './cliStore';
import type { CommandContext } from './commands/commandContext';
import { FeedbackUsageError, runFeedback } from './commands/feedbackCommand';
import { runHistory } from './commands/historyCommand';
import { runImprove } from './commands/improveCommand';
import { runJudge } from './commands/judgeCommand';
import { runLint } from './commands/lintCommand';
import { runStats } from './commands/statsCommand';
import { expandInputPaths, InputPathError } from './findPromptFiles';
import { paint } from './humanOutput';
import type { LlmSession } from './llmSession';
import { LLM_OPTIONS, LlmUsageError, openLlmSession } from './llmSession';
import type { NamedInput } from './readInputs';
import { readInputs } from './readInputs';
import { USAGE } from './usage';

/** The version printed by --version (kept in step with package.json by a unit test). */
export const CLI_VERSION = '0.1.0';

class UsageError extends Error {}

const flag = { type: 'boolean' } as const;
const text = { type: 'string' } as const;
const BASE = { json: flag, help: { type: 'boolean', short: 'h' } } as const;
const STORE = { store: text } as const;

const OPTIONS = {
  judge: { ...BASE, ...LLM_OPTIONS, 'max-chars': text },
  improve: { ...BASE, ...STORE, ...LLM_OPTIONS, 'max-chars': text, 'no-store': flag, again: text },
  lint: { ...BASE, 'max-chars': text, min: text },
  history: { ...BASE, ...STORE },
  feedback: { ...BASE, ...STORE, hunks: text },
  stats: { ...BASE, ...STORE },
  'reset-learning': { ...BASE, ...STORE },
} as const;

type CommandName = keyof typeof OPTIONS;
type Values = { [key: string]: string | boolean | undefined };

function parseNumber(name: string, value: string | boolean | undefined, fallback: number, accept: (n: number) => boolean, kind: string): number {
  if (typeof value !== 'string') return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !accept(parsed)) throw new UsageError(`--${name} takes ${kind}, not "${value}".`);
  return parsed;
}

function parse(name: CommandName, args: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args, options: OPTIONS[name], allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}

function storeOf(io: CliIo, values: Values): HistoryRepository {
  return openCliStore(io, { store: typeof values.store === 'string' ? values.store : undefined })!;
}

function learningOf(io: CliIo, repository: HistoryRepository): LearningLink {
  return linkLearning(repository, (message) => io.stderr(`prompter: warning: ${message}\n`));
}

// The model-aware engine for one input: every request shares one deadline; the learning loop's options
// still steer the heuristic engine, which is the fallback.
function modelImprove(session: LlmSession): (text: string, options: ImproveOptions) => Promise<EngineResult> {
  return (prompt, options) => improveWithModel(prompt, options, { model: session.model, signal: session.deadline(), preflight: (calls) => session.budget.check(calls) });
}

// judge, improve and lint read the same way: stdin only when no path is given, folders expanded alike.
// No path with a terminal on stdin is a usage error rather than a silent wait for typed text: it is how a
// shell glob that matched nothing arrives under `nullglob`. An explicit `-` still reads the terminal.
async function inputsOf(positionals: string[], io: CliIo, maxChars: number): Promise<NamedInput[]> {
  if (positionals.length === 0 && io.stdinIsTerminal) {
    throw new UsageError('no prompt given: name a FILE or folder, or pipe the prompt in (use - to type it here).');
  }
  return readInputs(await expandInputPaths(positionals, io.cwd), io, maxChars);
}

async function withSession(values: Values, io: CliIo, run: (session: LlmSession | undefined) => Promise<number>): Promise<number> {
  const session = await openLlmSession(values, io);
  try {
    return await run(session);
  } finally {
    await session?.finish();
  }
}

async function improve(context: CommandContext, values: Values, positionals: string[], io: CliIo, maxChars: number, session: LlmSession | undefined): Promise<number> {
  const repository = values['no-store'] ? undefined : storeOf(io, values);
  const learning = repository ? learningOf(io, repository) : undefined;
  const deps = {
    now: () => performance.now(),
    ...(session ? { improve: modelImprove(session) } : {}),
    ...(learning ? learningLoopDeps(learning) : {}),
  };
  if (typeof values.again === 'string') {
    if (!repository) throw new UsageError('--again improves a stored prompt, so it cannot be combined with --no-store.');
    if (positionals.length) throw new UsageError('--again takes a prompt id and no files.');
    return runImprove(context, { againPromptId: values.again }, repository, deps);
  }
  return runImprove(context, { inputs: await inputsOf(positionals, io, maxChars) }, repository, deps);
}

async function runCommand(name: CommandName, values: Values, positionals: string[], io: CliIo): Promise<number> {
  const context: CommandContext = { io, paint: paint(io.color && !values.json), json: Boolean(values.json) };
  const maxChars = parseNumber('max-chars', values['max-chars'], DEFAULT_MAX_CHARS, (n) => Number.isInteger(n) && n > 0, 'a positive whole number');
  switch (name) {
    case 'judge':
      return withSession(values, io, async (session) =>
        runJudge(context, await inputsOf(positionals, io, maxChars), session ? (prompt) => judgeWithModel(prompt, session.model, session.deadline()) : undefined),
      );
    case 'improve':
      return withSession(values, io, (session) => improve(context, values, positionals, io, maxChars, session));
    case 'lint': {
      if (positionals.length === 0) throw new UsageError('lint needs the prompt files or folders to check, e.g. "prompter lint prompts/".');
      const min = parseNumber('min', values.min, 0, (n) => Number.isFinite(n) && n >= 0 && n <= 50, 'a score from 0 to 50');
      return runLint(context, await inputsOf(positionals, io, maxChars), min);
    }
    case 'history':
      if (positionals.length > 1) throw new UsageError('history takes at most one prompt id.');
      return runHistory(context, storeOf(io, values), positionals[0]);
    case 'feedback': {
      const [versionId, verb, ...extra] = positionals;
      if (!versionId || !verb || extra.length) throw new UsageError('usage: prompter feedback VERSION_ID accept|reject [--hunks 0,2]');
      const repository = storeOf(io, values);
      const learning = learningOf(io, repository);
      return runFeedback(context, repository, versionId, verb, typeof values.hunks === 'string' ? values.hunks : undefined, (event) => learning.recordDecision(event));
    }
    case 'stats': {
      if (positionals.length) throw new UsageError('stats takes no arguments.');
      const repository = storeOf(io, values);
      return runStats(context, repository, () => learningOf(io, repository).report());
    }
    case 'reset-learning': {
      if (positionals.length) throw new UsageError('reset-learning takes no arguments.');
      const repository = storeOf(io, values);
      await repository.resetLearningState();
      io.stdout(context.json ? `${JSON.stringify({ reset: true, store: repository.location })}\n` : `Learning statistics in ${repository.location} were reset; the history itself is unchanged.\n`);
      return 0;
    }
  }
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(USAGE.main);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${CLI_VERSION}\n`);
      return 0;
    }
    if (!Object.hasOwn(OPTIONS, name)) throw new UsageError(`unknown command "${name}". Commands: ${Object.keys(OPTIONS).join(', ')}.`);
    const command = name as CommandName;
    const { values, positionals } = parse(command, [...rest]);
    if (values.help) {
      io.stdout(USAGE[command]);
      return 0;
    }
    return await runCommand(command, values, positionals, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FeedbackUsageError || error instanceof LlmUsageError) {
      io.stderr(`prompter: ${error.message}\nRun "prompter ${name && Object.hasOwn(OPTIONS, name) ? `${name} ` : ''}--help" for usage.\n`);
      return 2;
    }
    const message = error instanceof UnknownPromptError || error instanceof InputPathError ? error.message : describeStoreError(error);
    if (message) {
      io.stderr(`prompter: ${message}\n`);
      return 2;
    }
    throw error;
  }
}
