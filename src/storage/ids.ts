import { randomBytes } from 'node:crypto';
import { StoreError } from './storeError';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Prompt ids and event ids: 9 base-36 characters of milliseconds, then 6 random ones. */
const ID_PATTERN = /^[0-9a-z]{15}$/;

/** Version ids: `<promptId>-v<versionNo>`. */
const VERSION_ID_PATTERN = /^([0-9a-z]{15})-v(0|[1-9][0-9]{0,8})$/;

/**
 * A short id, unique across processes and sortable by creation time.
 * NOTE: 6 random base-36 characters (about 2 billion values) per millisecond make a collision between two
 * writers practically impossible; ids are not sequence numbers, so the lock is not needed to make them.
 */
export function newId(now: number): string {
  const time = Math.max(0, Math.floor(now)).toString(36).padStart(9, '0').slice(-9);
  const bytes = randomBytes(6);
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte % ALPHABET.length];
  return time + random;
}

/**
 * The id of version `versionNo` of a prompt.
 * NOTE: the id carries its prompt and number on purpose: `getVersion(id)` then reads one page of one prompt
 * instead of a global id→location table, which would grow with the whole history.
 */
export function versionIdOf(promptId: string, versionNo: number): string {
  return `${promptId}-v${versionNo}`;
}

/** True when `id` is a well-formed prompt id (also what keeps ids from escaping the store folder). */
export function isPromptId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** The prompt id and version number inside a version id, or undefined when it is not one. */
export function parseVersionId(id: string): { promptId: string; versionNo: number } | undefined {
  const match = VERSION_ID_PATTERN.exec(id);
  if (!match) return undefined;
  return { promptId: match[1]!, versionNo: Number(match[2]) };
}

/** Throws a StoreError unless `id` is a prompt id. */
export function requirePromptId(id: string): string {
  if (!isPromptId(id)) {
    throw new StoreError('invalid-input', `"${id}" is not a prompt id. Use an id from the history list.`);
  }
  return id;
}

/** Throws a StoreError unless `id` is a version id; returns its parts. */
export function requireVersionId(id: string): { promptId: string; versionNo: number } {
  const parsed = parseVersionId(id);
  if (!parsed) {
    throw new StoreError(
      'invalid-input',
      `"${id}" is not a version id (they look like <prompt id>-v<number>). Use an id from the history.`,
    );
  }
  return parsed;
}
