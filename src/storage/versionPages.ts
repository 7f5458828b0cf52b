/** A prompt's versions and scores, kept in pages of VERSION_PAGE_SIZE versions by version number. */
import { join } from 'node:path';
import type { BestPointer, JudgeScoreRecord, PromptVersionRecord, VersionWithScores } from '../core/history';
import type { VersionPageDoc } from './documents';
import { SCHEMA_VERSION, versionPageCodec } from './documents';
import { versionIdOf } from './ids';
import { parseVersionPageName, promptDir, versionPagePath } from './storeLayout';
import type { StoreSession } from './storeSession';

/** A version page; an empty one when the file does not exist (yet, or any more). */
export async function loadVersionPage(session: StoreSession, promptId: string, page: number): Promise<VersionPageDoc> {
  const doc = await session.read(versionPagePath(promptId, page), versionPageCodec);
  return doc ?? { schemaVersion: SCHEMA_VERSION, promptId, page, prompt_versions: [], judge_scores: [] };
}

/** Stages a version page. */
export function putVersionPage(session: StoreSession, doc: VersionPageDoc): void {
  session.write(versionPagePath(doc.promptId, doc.page), doc);
}

/** Page numbers of a prompt's version pages, ascending. */
export async function versionPageNumbers(session: StoreSession, promptId: string): Promise<number[]> {
  const folder = promptDir(promptId);
  const names = [...(await session.ctx.fs.readdir(join(session.ctx.dir, folder))), ...session.stagedNames(folder)];
  const pages = new Set(names.map(parseVersionPageName).filter((page): page is number => page !== undefined));
  return [...pages].sort((a, b) => a - b);
}

/** Every version of a prompt with its scores, oldest first. */
export async function loadAllVersions(session: StoreSession, promptId: string): Promise<VersionWithScores[]> {
  const all: VersionWithScores[] = [];
  for (const page of await versionPageNumbers(session, promptId)) {
    all.push(...withScores(await loadVersionPage(session, promptId, page)));
  }
  return all.sort((a, b) => a.version.versionNo - b.version.versionNo);
}

/** A page's versions joined with their scores. */
export function withScores(doc: VersionPageDoc): VersionWithScores[] {
  const byVersion = new Map<string, JudgeScoreRecord[]>();
  for (const score of doc.judge_scores) {
    const list = byVersion.get(score.promptVersionId) ?? [];
    list.push(score);
    byVersion.set(score.promptVersionId, list);
  }
  return doc.prompt_versions.map((version) => ({ version, scores: byVersion.get(version.id) ?? [] }));
}

/** The total a version counts with: its latest score's, or null when it has none. */
export function totalOf(entry: VersionWithScores): number | null {
  const last = entry.scores[entry.scores.length - 1];
  return last ? last.total : null;
}

/**
 * The best version by the adopt rule replayed over what exists: the highest total, and among equal totals
 * the latest (a later version with an equal total would have been adopted). Version 0 when nothing is scored.
 */
export function pickBest(versions: VersionWithScores[]): BestPointer | undefined {
  let best: BestPointer | undefined;
  for (const entry of versions) {
    const total = totalOf(entry);
    const pointer = { versionId: entry.version.id, versionNo: entry.version.versionNo, score: total };
    if (!best) best = pointer;
    else if (total !== null && (best.score === null || total >= best.score)) best = pointer;
  }
  return best;
}

/** Counts re-derived from a prompt's pages, for deletes and for repairs after a page was unreadable. */
export interface VersionCounts {
  versionCount: number;
  nextVersionNo: number;
  best: BestPointer;
  original?: PromptVersionRecord;
  updatedAt?: number;
}

/**
 * Re-derives a prompt's counts and best version from its pages. When version 0 was lost with an unreadable
 * page and the original text is known (the manifest keeps it), version 0 is restored from it.
 */
export async function recountVersions(
  session: StoreSession,
  promptId: string,
  originalText: string | undefined,
  minNextVersionNo = 0,
): Promise<VersionCounts> {
  const versions = await loadAllVersions(session, promptId);
  if (versions[0]?.version.versionNo !== 0 && originalText !== undefined) {
    const restored: PromptVersionRecord = {
      id: versionIdOf(promptId, 0),
      promptId,
      versionNo: 0,
      text: originalText,
      explanation: { bullets: ['Original (restored from the prompt record after its page was unreadable)'], diffs: [] },
      source: 'original',
      strategies: [],
      parentVersionId: null,
      createdAt: session.ctx.now(),
    };
    const page0 = await loadVersionPage(session, promptId, 0);
    putVersionPage(session, { ...page0, prompt_versions: [restored, ...page0.prompt_versions] });
    versions.unshift({ version: restored, scores: [] });
  }
  const last = versions[versions.length - 1];
  const best = pickBest(versions) ?? { versionId: versionIdOf(promptId, 0), versionNo: 0, score: null };
  return {
    versionCount: versions.length,
    nextVersionNo: Math.max(minNextVersionNo, (last?.version.versionNo ?? 0) + 1),
    best,
    ...(versions[0]?.version.versionNo === 0 ? { original: versions[0].version } : {}),
    ...(last ? { updatedAt: last.version.createdAt } : {}),
  };
}
