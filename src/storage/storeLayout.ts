/**
 * Where each file of a store lives, relative to the store folder (always `/`-separated, so the journal is
 * portable). FORMAT.md explains why the history is split this way.
 */

/** Prompts per index page: small enough that rewriting the page on each write stays cheap. */
export const INDEX_PAGE_SIZE = 64;

/** Versions per version page of one prompt: bounds the write cost of a prompt with very many versions. */
export const VERSION_PAGE_SIZE = 32;

/** Events per feedback or metric segment. */
export const EVENT_SEGMENT_SIZE = 256;

/** The head: counters and the revision other windows watch. */
export const HEAD_FILE = 'store.json';

/** Present only while a commit is being applied (or after a crash interrupted one). */
export const JOURNAL_FILE = 'journal.json';

/** The learning state. */
export const LEARNING_FILE = 'learning.json';

/** The cross-process lock (a folder, created atomically by proper-lockfile). */
export const LOCK_DIR = 'store.lock';

/** A single-file history of the unversioned (pre-`schemaVersion`) shape, imported on first open. */
export const LEGACY_FILE = 'history.json';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `index/000001.json` */
export function indexPagePath(page: number): string {
  return `index/${pad(page, 6)}.json`;
}

/** `prompts/<id>` */
export function promptDir(promptId: string): string {
  return `prompts/${promptId}`;
}

/** `prompts/<id>/prompt.json` */
export function manifestPath(promptId: string): string {
  return `${promptDir(promptId)}/prompt.json`;
}

/** The page holding version `versionNo`. */
export function versionPageOf(versionNo: number): number {
  return Math.floor(versionNo / VERSION_PAGE_SIZE);
}

/** `prompts/<id>/versions-0000.json` */
export function versionPagePath(promptId: string, page: number): string {
  return `${promptDir(promptId)}/versions-${pad(page, 4)}.json`;
}

/** The page number in a version page file name, or undefined for other files. */
export function parseVersionPageName(name: string): number | undefined {
  const match = /^versions-(\d{4,})\.json$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Which event log a segment belongs to. */
export type EventLog = 'feedback' | 'metrics';

/** `events/feedback-000001.json`, `events/metrics-000001.json` */
export function segmentPath(log: EventLog, segment: number): string {
  return `events/${log}-${pad(segment, 6)}.json`;
}

/** The page or segment number in an index page or event segment file name. */
export function parseNumberedName(name: string, prefix: string): number | undefined {
  const match = new RegExp(`^${prefix}(\\d{6,})\\.json$`).exec(name);
  return match ? Number(match[1]) : undefined;
}

/** `20261124T205400Z`: a timestamp for file names (UTC, no separators that some file systems refuse). */
export function fileTimestamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
