/** Why a store operation failed, for callers that react differently (the CLI's exit code, the editor's message). */
export type StoreErrorCode =
  /** The folder or a file in it cannot be written (read-only disk, permissions). */
  | 'read-only'
  /** The folder cannot be created or opened (a parent is a file, the path is invalid). */
  | 'unavailable'
  /** Another process held the store lock for longer than we waited. */
  | 'busy'
  /** Our lock was taken over while we held it (the machine slept, or the disk stalled). */
  | 'lock-lost'
  /** A file was written by a newer Prompter than this one. */
  | 'newer-format'
  /** The prompt or version does not exist (any more). */
  | 'not-found'
  /** Version 0 is the original and is only deleted with its prompt. */
  | 'protected-original'
  /** The caller passed something the store cannot keep (malformed id, wrong prompt). */
  | 'invalid-input'
  /** An unexpected I/O failure; the message carries the system error. */
  | 'io';

/** A failure a person can act on: `message` says what happened and what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The `code` of a Node system error (`ENOENT`, `EROFS`, …), if it is one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

/**
 * Turns a system error met while writing `dir` into a StoreError that says what to do. `creating` is true
 * when the error came from creating the folder itself, where a missing parent means the path is unusable.
 */
export function writeFailure(dir: string, error: unknown, creating = false): StoreError {
  if (error instanceof StoreError) return error;
  const code = errnoCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (['EROFS', 'EACCES', 'EPERM'].includes(code)) {
    return new StoreError(
      'read-only',
      `Cannot write the prompt history in ${dir}: the folder is read-only (${code}). ` +
        'Make it writable, or choose another history location (the CLI takes --store DIR).',
      { cause: error },
    );
  }
  if (['ENOTDIR', 'ENAMETOOLONG', 'EINVAL'].includes(code) || (creating && ['ENOENT', 'EEXIST'].includes(code))) {
    return new StoreError(
      'unavailable',
      `Cannot create the prompt history folder ${dir}: part of that path is not a folder or does not exist ` +
        `(${code}). Choose another history location (the CLI takes --store DIR).`,
      { cause: error },
    );
  }
  if (['ENOSPC', 'EDQUOT'].includes(code)) {
    return new StoreError(
      'io',
      `Cannot write the prompt history in ${dir}: the disk is full (${code}). Free some space and try again.`,
      { cause: error },
    );
  }
  return new StoreError('io', `Writing the prompt history in ${dir} failed: ${detail}. Try again.`, { cause: error });
}
