/**
 * Migration from format 0: the unversioned single-file history (`history.json` holding the seed's
 * `prompts`, `prompt_versions` and `judge_scores` arrays, diffs as `{from, to}`, sources `engine/v1`). It is
 * imported into the paged layout in one commit, and the old file is renamed, never deleted.
 */
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { JudgeScoreRecord, PromptVersionRecord, VersionSource } from '../core/history';
import type { DiffHunk } from '../core/types';
import type { DocCodec, ManifestDoc, VersionPageDoc } from './documents';
import { SCHEMA_VERSION } from './documents';
import { newId, versionIdOf } from './ids';
import type { OpContext } from './promptOps';
import { LEGACY_FILE, fileTimestamp, versionPageOf } from './storeLayout';
import { pageForNewPrompt, putManifest } from './storeState';
import { pickBest, putVersionPage, withScores } from './versionPages';

const legacyId = z.pipe(z.union([z.string(), z.number()]), z.transform(String));
const strings = z.array(z.string());
const legacyVersion = z.object({
  id: z.optional(legacyId),
  _id: z.optional(legacyId),
  promptId: legacyId,
  versionNo: z.number(),
  text: z.string(),
  explanation: z._default(
    z.object({
      bullets: z._default(strings, []),
      diffs: z._default(z.array(z.object({ from: z.string(), to: z.string() })), []),
    }),
    { bullets: [], diffs: [] },
  ),
  source: z._default(z.string(), 'engine/v1'),
  createdAt: z._default(z.number(), 0),
});
const legacyDoc = z.object({
  prompts: z.array(
    z.object({
      id: z.optional(legacyId),
      _id: z.optional(legacyId),
      userId: z.optional(z.string()),
      originalText: z.string(),
      createdAt: z._default(z.number(), 0),
      bestVersionId: z.optional(legacyId),
    }),
  ),
  prompt_versions: z._default(z.array(legacyVersion), []),
  judge_scores: z._default(
    z.array(
      z.object({
        promptVersionId: legacyId,
        clarity: z.number(),
        specificity: z.number(),
        actionability: z.number(),
        structure: z.number(),
        contextUse: z.number(),
        total: z.number(),
        feedback: z.object({ pros: strings, cons: strings, summary: z.string() }),
        createdAt: z._default(z.number(), 0),
      }),
    ),
    [],
  ),
});
type LegacyDoc = z.infer<typeof legacyDoc>;

const legacyCodec: DocCodec<LegacyDoc> = {
  kind: 'format-0 history',
  schema: legacyDoc,
  // Format 0 is read as is by the schema above; the import below is its migration to format 1.
  migrations: [(raw) => raw],
};

/** `engine/v1` → `engine/heuristic@1`, `engine/llm` → `engine/llm:unknown`. */
function sourceOf(source: string, versionNo: number): VersionSource {
  if (versionNo === 0 || source === 'original') return 'original';
  if (/^engine\/heuristic@\d+$/.test(source)) return source as VersionSource;
  if (source.startsWith('engine/llm:')) return source as VersionSource;
  if (source === 'engine/llm') return 'engine/llm:unknown';
  return 'engine/heuristic@1';
}

/** A whole-text `{from, to}` diff as one hunk: every old line removed, every new line added. */
function hunkOf(diff: { from: string; to: string }, index: number): DiffHunk {
  const from = diff.from.split('\n');
  const to = diff.to.split('\n');
  return {
    id: `h${index}`,
    oldStart: 1,
    oldLines: from.length,
    newStart: 1,
    newLines: to.length,
    lines: [...from.map((l) => `-${l}`), ...to.map((l) => `+${l}`)],
    strategies: [],
  };
}

/** Imports `history.json` when it exists; returns true when it did (the caller commits). */
export async function importLegacyHistory(ctx: OpContext): Promise<boolean> {
  const { session } = ctx;
  const { fs, dir, now } = session.ctx;
  if (!(await fs.exists(join(dir, LEGACY_FILE)))) return false;
  // An unreadable old file is moved aside and reported by the session like any other.
  const legacy = await session.read(LEGACY_FILE, legacyCodec);
  if (!legacy) return false;

  for (const old of [...legacy.prompts].sort((a, b) => a.createdAt - b.createdAt)) {
    const oldId = old.id ?? old._id ?? '';
    const id = newId(old.createdAt || now());
    const oldVersions = legacy.prompt_versions
      .filter((v) => v.promptId === oldId)
      .sort((a, b) => a.versionNo - b.versionNo || a.createdAt - b.createdAt);
    if (oldVersions[0]?.versionNo !== 0) {
      oldVersions.unshift({ promptId: oldId, versionNo: 0, text: old.originalText, explanation: { bullets: ['Original'], diffs: [] }, source: 'original', createdAt: old.createdAt });
    }
    const versions: PromptVersionRecord[] = [];
    const scores: JudgeScoreRecord[] = [];
    const idMap = new Map<string, string>();
    oldVersions.forEach((old, versionNo) => {
      const source = sourceOf(old.source, versionNo);
      const version: PromptVersionRecord = {
        id: versionIdOf(id, versionNo),
        promptId: id,
        versionNo,
        text: old.text,
        explanation: { bullets: old.explanation.bullets, diffs: old.explanation.diffs.map(hunkOf) },
        source,
        strategies: [],
        parentVersionId: versionNo === 0 ? null : versionIdOf(id, 0),
        ...(versionNo === 0 ? {} : { engine: { id: source.replace(/^engine\//, '') } }),
        createdAt: old.createdAt,
      };
      versions.push(version);
      const oldVersionId = old.id ?? old._id;
      if (oldVersionId !== undefined) idMap.set(oldVersionId, version.id);
    });
    for (const score of legacy.judge_scores) {
      const versionId = idMap.get(score.promptVersionId);
      if (!versionId) continue;
      scores.push({ ...score, suggestions: [], judge: 'legacy', id: newId(score.createdAt || now()), promptVersionId: versionId });
    }
    const pages = new Map<number, VersionPageDoc>();
    for (const version of versions) {
      const page = versionPageOf(version.versionNo);
      const doc = pages.get(page) ?? { schemaVersion: SCHEMA_VERSION, promptId: id, page, prompt_versions: [], judge_scores: [] };
      doc.prompt_versions.push(version);
      doc.judge_scores.push(...scores.filter((s) => s.promptVersionId === version.id));
      pages.set(page, doc);
    }
    for (const doc of pages.values()) putVersionPage(session, doc);
    const all = [...pages.values()].flatMap(withScores);
    const mappedBest = old.bestVersionId === undefined ? undefined : idMap.get(old.bestVersionId);
    const best = all.find((e) => e.version.id === mappedBest);
    const picked = best
      ? { versionId: best.version.id, score: best.scores[best.scores.length - 1]?.total ?? null }
      : (pickBest(all) ?? { versionId: versionIdOf(id, 0), score: null });
    const { page, head } = await pageForNewPrompt(session, ctx.head);
    ctx.head = head;
    const manifest: ManifestDoc = {
      schemaVersion: SCHEMA_VERSION,
      prompt: {
        id,
        ...(old.userId === undefined ? {} : { userId: old.userId }),
        originalText: old.originalText,
        createdAt: old.createdAt,
        bestVersionId: picked.versionId,
        bestScore: picked.score,
        origin: {},
      },
      indexPage: page,
      nextVersionNo: versions.length,
      versionCount: versions.length,
      updatedAt: versions[versions.length - 1]?.createdAt ?? old.createdAt,
    };
    await putManifest(session, ctx.head, manifest);
  }
  const aside = `${LEGACY_FILE}.migrated-${fileTimestamp(now())}`;
  session.rename(LEGACY_FILE, aside);
  session.ctx.warn({
    code: 'migrated',
    file: join(dir, aside),
    message:
      `Imported ${legacy.prompts.length} prompts from the old single-file history (format 0) into the current ` +
      `format. The old file was kept as ${aside}; delete it once you have checked the history.`,
  });
  return true;
}
