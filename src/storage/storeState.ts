/**
 * The derived files (head, index pages, manifests) as one operation reads and updates them, and how each is
 * rebuilt from the files it is derived from when it is missing or was unreadable.
 */
import { join } from 'node:path';
import type { PromptRecord, PromptSummary } from '../core/history';
import type { HeadDoc, IndexPageDoc, ManifestDoc } from './documents';
import { SCHEMA_VERSION, headCodec, indexPageCodec, manifestCodec } from './documents';
import { isPromptId, parseVersionId } from './ids';
import {
  HEAD_FILE,
  INDEX_PAGE_SIZE,
  indexPagePath,
  manifestPath,
  parseNumberedName,
  promptDir,
} from './storeLayout';
import type { StoreSession } from './storeSession';
import { recountVersions } from './versionPages';

/** Characters of the original text kept in the index for titles and tooltips. */
export const PREVIEW_LENGTH = 240;

/** The head of an empty store. */
export function emptyHead(now: number): HeadDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'prompter-history',
    revision: 0,
    updatedAt: now,
    indexPages: 0,
    feedbackSegments: 0,
    metricSegments: 0,
  };
}

/** The head; rebuilt from the folder listing when it is missing or unreadable but the store has content. */
export async function loadHead(session: StoreSession): Promise<HeadDoc> {
  const head = await session.read(HEAD_FILE, headCodec);
  if (head) return head;
  const { fs, dir, now } = session.ctx;
  const highest = async (folder: string, prefix: string): Promise<number> =>
    Math.max(0, ...(await fs.readdir(join(dir, folder))).map((name) => parseNumberedName(name, prefix) ?? 0));
  const rebuilt: HeadDoc = {
    ...emptyHead(now()),
    indexPages: await highest('index', ''),
    feedbackSegments: await highest('events', 'feedback-'),
    metricSegments: await highest('events', 'metrics-'),
  };
  const hasContent = rebuilt.indexPages + rebuilt.feedbackSegments + rebuilt.metricSegments > 0;
  if (hasContent || session.wasCorrupt(HEAD_FILE)) {
    // Revision restarts at 1: watchers compare revisions for inequality, and the file's mtime changes anyway.
    session.write(HEAD_FILE, rebuilt);
    session.ctx.warn({
      code: 'repaired',
      file: join(dir, HEAD_FILE),
      message: `The store head ${HEAD_FILE} was missing or unreadable; it was rebuilt from the files in ${dir}.`,
    });
  }
  return rebuilt;
}

/** Stages the head with the next revision; every commit calls this last. */
export function bumpHead(session: StoreSession, head: HeadDoc): HeadDoc {
  const next = { ...head, revision: head.revision + 1, updatedAt: session.ctx.now() };
  session.write(HEAD_FILE, next);
  return next;
}

/** One index page; rebuilt from the manifests that point at it when it is missing or unreadable. */
export async function loadIndexPage(session: StoreSession, head: HeadDoc, page: number): Promise<IndexPageDoc> {
  const rel = indexPagePath(page);
  const doc = await session.read(rel, indexPageCodec);
  if (doc) return doc;
  const rebuilt: IndexPageDoc = { schemaVersion: SCHEMA_VERSION, page, prompts: [] };
  // Pages up to head.indexPages are never deleted, so a missing one was moved aside (now or before a crash).
  if (page > head.indexPages && !session.wasCorrupt(rel)) return rebuilt;
  const { fs, dir } = session.ctx;
  for (const id of (await fs.readdir(join(dir, 'prompts'))).filter(isPromptId).sort()) {
    const manifest = await session.read(manifestPath(id), manifestCodec);
    if (manifest?.indexPage === page) rebuilt.prompts.push(summaryOf(manifest));
  }
  session.write(rel, rebuilt);
  session.ctx.warn({
    code: 'repaired',
    file: join(dir, rel),
    message: `Index page ${rel} was rebuilt from the prompts it lists (${rebuilt.prompts.length}).`,
  });
  return rebuilt;
}

/** A prompt's manifest; rebuilt from its version pages and index entry when those survive. */
export async function loadManifest(session: StoreSession, promptId: string, head: HeadDoc): Promise<ManifestDoc | null> {
  const manifest = await session.read(manifestPath(promptId), manifestCodec);
  if (manifest) return manifest;
  const { fs, dir } = session.ctx;
  if (!(await fs.exists(join(dir, promptDir(promptId))))) return null;
  // The folder exists without a readable manifest: an unreadable file was moved aside. Rebuild it.
  let entry: PromptSummary | undefined;
  let indexPage = 0;
  for (let page = 1; page <= head.indexPages && !entry; page += 1) {
    entry = (await loadIndexPage(session, head, page)).prompts.find((p) => p.id === promptId);
    if (entry) indexPage = page;
  }
  const counts = await recountVersions(session, promptId, undefined);
  const original = counts.original;
  if (!original && !entry) return null;
  const prompt: PromptRecord = {
    id: promptId,
    ...(entry?.userId === undefined ? {} : { userId: entry.userId }),
    originalText: original?.text ?? entry?.preview ?? '',
    createdAt: entry?.createdAt ?? original?.createdAt ?? session.ctx.now(),
    bestVersionId: counts.best.versionId,
    bestScore: counts.best.score,
    origin: entry?.origin ?? {},
  };
  const rebuilt: ManifestDoc = {
    schemaVersion: SCHEMA_VERSION,
    prompt,
    indexPage: indexPage || head.indexPages,
    nextVersionNo: counts.nextVersionNo,
    versionCount: counts.versionCount,
    updatedAt: counts.updatedAt ?? prompt.createdAt,
  };
  session.write(manifestPath(promptId), rebuilt);
  session.ctx.warn({
    code: 'repaired',
    file: join(dir, manifestPath(promptId)),
    message: `The record of prompt ${promptId} was rebuilt from its versions${entry ? '' : ' (where it came from was lost)'}.`,
  });
  return rebuilt;
}

/** The index entry of a prompt. */
export function summaryOf(manifest: ManifestDoc): PromptSummary {
  const { prompt } = manifest;
  return {
    id: prompt.id,
    ...(prompt.userId === undefined ? {} : { userId: prompt.userId }),
    preview: prompt.originalText.slice(0, PREVIEW_LENGTH),
    createdAt: prompt.createdAt,
    updatedAt: manifest.updatedAt,
    bestVersionId: prompt.bestVersionId,
    bestVersionNo: parseVersionId(prompt.bestVersionId)?.versionNo ?? 0,
    bestScore: prompt.bestScore,
    versionCount: manifest.versionCount,
    origin: prompt.origin,
  };
}

/** Stages a manifest and its index entry (added at the end of its page when the prompt is new). */
export async function putManifest(session: StoreSession, head: HeadDoc, manifest: ManifestDoc): Promise<void> {
  session.write(manifestPath(manifest.prompt.id), manifest);
  const page = await loadIndexPage(session, head, manifest.indexPage);
  const summary = summaryOf(manifest);
  const at = page.prompts.findIndex((p) => p.id === summary.id);
  const prompts = [...page.prompts];
  if (at >= 0) prompts[at] = summary;
  else prompts.push(summary);
  session.write(indexPagePath(manifest.indexPage), { ...page, prompts });
}

/** The page that takes a new prompt: the last one, or a new one when it is full. Updates the head. */
export async function pageForNewPrompt(session: StoreSession, head: HeadDoc): Promise<{ page: number; head: HeadDoc }> {
  if (head.indexPages > 0) {
    const last = await loadIndexPage(session, head, head.indexPages);
    if (last.prompts.length < INDEX_PAGE_SIZE) return { page: head.indexPages, head };
  }
  const page = head.indexPages + 1;
  const empty: IndexPageDoc = { schemaVersion: SCHEMA_VERSION, page, prompts: [] };
  session.write(indexPagePath(page), empty);
  return { page, head: { ...head, indexPages: page } };
}
