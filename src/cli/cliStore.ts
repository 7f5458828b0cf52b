/**
 * Where the CLI keeps history: `--store DIR`, default `.prompter/` in the current folder, or none with
 * `--no-store`. Store warnings (a file moved aside, a migration) are shown on stderr as they happen.
 */
import { resolve } from 'node:path';
import type { HistoryRepository } from '../core/history';
import { openHistoryStore } from '../storage/fileHistoryRepository';
import { StoreError } from '../storage/storeError';
import type { CliIo } from './cliIo';

/** The default store folder, relative to the current directory. */
export const DEFAULT_STORE_DIR = '.prompter';

/** Opens the store the options name, or undefined with `--no-store`. Opening does no I/O. */
export function openCliStore(io: CliIo, options: { store?: string; noStore?: boolean }): HistoryRepository | undefined {
  if (options.noStore) return undefined;
  return openHistoryStore(resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR), {
    onWarning: (warning) => io.stderr(`prompter: warning: ${warning.message}\n`),
  });
}

/** A store failure as one line for people, or undefined when the error is not the store's. */
export function describeStoreError(error: unknown): string | undefined {
  return error instanceof StoreError ? `history store: ${error.message}` : undefined;
}
