/**
 * Everything the command line touches outside itself, behind one small interface, so tests can run the
 * real commands in-process and the entry point wires the real process.
 */
import { readFile } from 'node:fs/promises';

/** The outside world as the CLI sees it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that shows colour. */
  color: boolean;
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  /** Whether stdin is a terminal: then "no FILE" means the person forgot one, not that text is piped in. */
  stdinIsTerminal?: boolean;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The real process: stdout/stderr, files, stdin, colour only on a terminal and without NO_COLOR. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    readFile: (path) => readFile(path),
    readStdin: () => readAll(process.stdin),
    stdinIsTerminal: Boolean(process.stdin.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}
