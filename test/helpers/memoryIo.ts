/** An in-memory CliIo for running the real commands inside a test. */
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../src/cli/cliIo';

/** A CliIo that records output and serves stdin from a buffer. */
export interface MemoryIo extends CliIo {
  out: string;
  err: string;
}

/** Creates an io whose stdin holds `stdin` and whose files come from disk (or `files`), with `overrides`. */
export function memoryIo(stdin: string | Uint8Array = '', files: Record<string, string | Uint8Array> = {}, overrides: Partial<Pick<CliIo, 'color' | 'cwd'>> = {}): MemoryIo {
  const io: MemoryIo = {
    out: '',
    err: '',
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    color: false,
    readFile: async (path) => {
      const known = files[path];
      if (known !== undefined) return typeof known === 'string' ? Buffer.from(known) : known;
      return readFile(path);
    },
    readStdin: () => Promise.resolve(typeof stdin === 'string' ? Buffer.from(stdin) : stdin),
    cwd: process.cwd(),
    env: {},
    ...overrides,
  };
  return io;
}
