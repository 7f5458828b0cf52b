/** The prompt and version operations, each run inside one locked session (see fileHistoryRepository.ts). */
import { join } from 'node:path';
import type {
  AppendOptions,
  AppendResult,
  BestPointer,
  CreatePromptOptions,
  CreatedPrompt,
  DeletedVersion,
  JudgeScoreRecord,
  NewScore,
  NewVersion,
  PromptDetail,
  PromptOrigin,
  PromptSummary,
  PromptVersionRecord,
  VersionWithScores,
} from '../core/history';
import type { HeadDoc, ManifestDoc } from './documents';
import { SCHEMA_VERSION, manifestCodec } from './documents';
import { newId, parseVersionId, requirePromptId, requireVersionId, versionIdOf } from './ids';
import { checkNewVersion, checkOrigin, checkScore } from './inputChecks';
import { indexPagePath, manifestPath, promptDir, versionPageOf, versionPagePath } from './storeLayout';
import { StoreError } from './storeError';
import type { StoreSession } from './storeSession';
import { loadIndexPage, loadManifest, pageForNewPrompt, putManifest } from './storeState';
import { loadAllVersions, loadVersionPage, putVersionPage, recountVersions, versionPageNumbers, withScores } from './versionPages';

/** A locked session plus the head it started from; operations that add pages update `head`. */
export interface OpContext {
  session: StoreSession;
  head: HeadDoc;
}

function scoreRecord(versionId: string, score: NewScore, now: number): JudgeScoreRecord {
  return { ...checkScore(score), id: newId(now), promptVersionId: versionId, createdAt: now };
}

function bestOf(manifest: ManifestDoc): BestPointer {
  const { bestVersionId, bestScore } = manifest.prompt;
  return { versionId: bestVersionId, versionNo: parseVersionId(bestVersionId)?.versionNo ?? 0, score: bestScore };
}

async function requireManifest(ctx: OpContext, promptId: string): Promise<ManifestDoc> {
  const manifest = await loadManifest(ctx.session, requirePromptId(promptId), ctx.head);
  if (!manifest) {
    throw new StoreError(
      'not-found',
      `Prompt ${promptId} is not in the history at ${ctx.session.ctx.dir} (it may have been deleted). ` +
        'List the prompts to pick another one.',
    );
  }
  return manifest;
}

/**
 * After a version page of this prompt turned out unreadable (and was moved aside), re-derives the manifest:
 * the version count, and the best version when the best was on that page.
 */
async function reconcile(ctx: OpContext, manifest: ManifestDoc): Promise<ManifestDoc> {
  const { prompt } = manifest;
  const counts = await recountVersions(ctx.session, prompt.id, prompt.originalText, manifest.nextVersionNo);
  const bestGone = !(await findVersion(ctx, prompt.bestVersionId));
  const next: ManifestDoc = {
    ...manifest,
    prompt: bestGone ? { ...prompt, bestVersionId: counts.best.versionId, bestScore: counts.best.score } : prompt,
    versionCount: counts.versionCount,
    nextVersionNo: counts.nextVersionNo,
  };
  await putManifest(ctx.session, ctx.head, next);
  ctx.session.ctx.warn({
    code: 'repaired',
    file: join(ctx.session.ctx.dir, manifestPath(prompt.id)),
    message: `Prompt ${prompt.id} lost the versions on an unreadable page; it now has ${next.versionCount} versions, best v${parseVersionId(next.prompt.bestVersionId)?.versionNo ?? 0}.`,
  });
  return next;
}

async function findVersion(ctx: OpContext, versionId: string): Promise<VersionWithScores | undefined> {
  const parsed = parseVersionId(versionId);
  if (!parsed) return undefined;
  const page = await loadVersionPage(ctx.session, parsed.promptId, versionPageOf(parsed.versionNo));
  return withScores(page).find((entry) => entry.version.id === versionId);
}

/** Stores a prompt and its version 0. */
export async function createPrompt(
  ctx: OpContext,
  originalText: string,
  origin: PromptOrigin,
  options: CreatePromptOptions,
): Promise<CreatedPrompt> {
  if (typeof originalText !== 'string') throw new StoreError('invalid-input', 'The prompt text must be a string.');
  const checkedOrigin = checkOrigin(origin);
  const now = ctx.session.ctx.now();
  let id = newId(now);
  while (await ctx.session.ctx.fs.exists(join(ctx.session.ctx.dir, promptDir(id)))) id = newId(now);
  const original: PromptVersionRecord = {
    id: versionIdOf(id, 0),
    promptId: id,
    versionNo: 0,
    text: originalText,
    explanation: { bullets: ['Original'], diffs: [] },
    source: 'original',
    strategies: [],
    parentVersionId: null,
    createdAt: now,
  };
  const score = options.score ? scoreRecord(original.id, options.score, now) : undefined;
  const { page, head } = await pageForNewPrompt(ctx.session, ctx.head);
  ctx.head = head;
  const manifest: ManifestDoc = {
    schemaVersion: SCHEMA_VERSION,
    prompt: {
      id,
      ...(options.userId === undefined ? {} : { userId: options.userId }),
      originalText,
      createdAt: now,
      bestVersionId: original.id,
      bestScore: score ? score.total : null,
      origin: checkedOrigin,
    },
    indexPage: page,
    nextVersionNo: 1,
    versionCount: 1,
    updatedAt: now,
  };
  putVersionPage(ctx.session, {
    schemaVersion: SCHEMA_VERSION,
    promptId: id,
    page: 0,
    prompt_versions: [original],
    judge_scores: score ? [score] : [],
  });
  await putManifest(ctx.session, ctx.head, manifest);
  return { prompt: manifest.prompt, original, ...(score ? { score } : {}) };
}

/** Stores a version with its score and adopts it when asked and total >= best, all on fresh state. */
export async function appendVersion(
  ctx: OpContext,
  promptId: string,
  input: NewVersion,
  newScore: NewScore,
  options: AppendOptions,
): Promise<AppendResult> {
  let manifest = await requireManifest(ctx, promptId);
  const checked = checkNewVersion(promptId, input);
  const checkedScore = checkScore(newScore);
  let page = await loadVersionPage(ctx.session, promptId, versionPageOf(manifest.nextVersionNo));
  if (ctx.session.wasCorrupt(versionPagePath(promptId, page.page))) manifest = await reconcile(ctx, manifest);
  const current = manifest.prompt.bestScore;
  // The seed's non-negotiable, decided on state read under the lock: never adopt below the best. Across
  // judges "below" is the caller's judge's verdict, valid only against the best it compared with.
  const { verdict } = options;
  const atLeastBest = verdict ? verdict.atLeastBest && verdict.comparedWithVersionId === manifest.prompt.bestVersionId : current === null || checkedScore.total >= current;
  const adopted = options.adoptIfAtLeastBest && atLeastBest;
  if (!adopted && options.onlyIfAdopted) return { stored: false, adopted: false, best: bestOf(manifest) };

  const now = ctx.session.ctx.now();
  const versionNo = manifest.nextVersionNo;
  page = await loadVersionPage(ctx.session, promptId, versionPageOf(versionNo));
  const version: PromptVersionRecord = {
    id: versionIdOf(promptId, versionNo),
    promptId,
    versionNo,
    text: checked.text,
    explanation: checked.explanation,
    source: checked.source,
    strategies: checked.strategies,
    parentVersionId: checked.parentVersionId,
    engine: checked.engine,
    timeToResultMs: checked.timeToResultMs,
    createdAt: now,
  };
  const score = scoreRecord(version.id, checkedScore, now);
  putVersionPage(ctx.session, {
    ...page,
    prompt_versions: [...page.prompt_versions, version],
    judge_scores: [...page.judge_scores, score],
  });
  const next: ManifestDoc = {
    ...manifest,
    prompt: adopted ? { ...manifest.prompt, bestVersionId: version.id, bestScore: score.total } : manifest.prompt,
    nextVersionNo: versionNo + 1,
    versionCount: manifest.versionCount + 1,
    updatedAt: now,
  };
  await putManifest(ctx.session, ctx.head, next);
  return { stored: true, version, score, adopted, best: bestOf(next) };
}

/** Every prompt's summary, newest first. */
export async function listPrompts(ctx: OpContext): Promise<PromptSummary[]> {
  const all: PromptSummary[] = [];
  for (let page = 1; page <= ctx.head.indexPages; page += 1) {
    all.push(...(await loadIndexPage(ctx.session, ctx.head, page)).prompts);
  }
  return all.reverse();
}

/** One prompt with all its versions, or undefined. */
export async function getPrompt(ctx: OpContext, promptId: string): Promise<PromptDetail | undefined> {
  let manifest = await loadManifest(ctx.session, requirePromptId(promptId), ctx.head);
  if (!manifest) return undefined;
  let versions = await loadAllVersions(ctx.session, promptId);
  if (versions.length !== manifest.versionCount) {
    manifest = await reconcile(ctx, manifest);
    versions = await loadAllVersions(ctx.session, promptId);
  }
  return { prompt: manifest.prompt, versions };
}

// Enough reads in flight to keep the I/O thread pool busy; more only adds memory.
const PREFETCH_CONCURRENCY = 16;

/**
 * Several prompts with all their versions (unknown ids are left out). A store of 10,000 versions is
 * thousands of files: each prompt's files are read concurrently first (distinct files, so a moved-aside
 * one cannot clash), then the prompts are assembled one by one from the session's cache, so any repair
 * stays sequential.
 */
export async function getPrompts(ctx: OpContext, promptIds: readonly string[]): Promise<PromptDetail[]> {
  const { session } = ctx;
  const pending = promptIds.map((id) => requirePromptId(id));
  const readOne = async (promptId: string): Promise<void> => {
    if (!(await session.read(manifestPath(promptId), manifestCodec))) return;
    await Promise.all((await versionPageNumbers(session, promptId)).map((page) => loadVersionPage(session, promptId, page)));
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length) await readOne(pending[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PREFETCH_CONCURRENCY, pending.length) }, worker));
  const details: PromptDetail[] = [];
  for (const promptId of pending) {
    const detail = await getPrompt(ctx, promptId);
    if (detail) details.push(detail);
  }
  return details;
}

/** One version with its scores, or undefined. */
export async function getVersion(ctx: OpContext, versionId: string): Promise<VersionWithScores | undefined> {
  const { promptId, versionNo } = requireVersionId(versionId);
  const found = await findVersion(ctx, versionId);
  if (!found && ctx.session.wasCorrupt(versionPagePath(promptId, versionPageOf(versionNo)))) {
    const manifest = await loadManifest(ctx.session, promptId, ctx.head);
    if (manifest) await reconcile(ctx, manifest);
  }
  return found;
}

/** Deletes a prompt's folder and its index entry; false when it did not exist. */
export async function deletePrompt(ctx: OpContext, promptId: string): Promise<boolean> {
  const manifest = await loadManifest(ctx.session, requirePromptId(promptId), ctx.head);
  if (!manifest) return false;
  const page = await loadIndexPage(ctx.session, ctx.head, manifest.indexPage);
  ctx.session.write(indexPagePath(page.page), { ...page, prompts: page.prompts.filter((p) => p.id !== promptId) });
  ctx.session.remove(promptDir(promptId));
  return true;
}

/** Deletes one version (never version 0); re-picks the best when the best was deleted. */
export async function deleteVersion(ctx: OpContext, versionId: string): Promise<DeletedVersion> {
  const { promptId, versionNo } = requireVersionId(versionId);
  if (versionNo === 0) {
    throw new StoreError(
      'protected-original',
      `${versionId} is version 0, the original prompt; it is kept as long as the prompt exists. Delete the whole prompt instead.`,
    );
  }
  const manifest = await requireManifest(ctx, promptId);
  const page = await loadVersionPage(ctx.session, promptId, versionPageOf(versionNo));
  if (!page.prompt_versions.some((v) => v.id === versionId)) {
    throw new StoreError('not-found', `Version ${versionId} is not in the history (it may have been deleted already).`);
  }
  putVersionPage(ctx.session, {
    ...page,
    prompt_versions: page.prompt_versions.filter((v) => v.id !== versionId),
    judge_scores: page.judge_scores.filter((s) => s.promptVersionId !== versionId),
  });
  let prompt = manifest.prompt;
  if (prompt.bestVersionId === versionId) {
    const counts = await recountVersions(ctx.session, promptId, prompt.originalText, manifest.nextVersionNo);
    prompt = { ...prompt, bestVersionId: counts.best.versionId, bestScore: counts.best.score };
  }
  const next: ManifestDoc = { ...manifest, prompt, versionCount: manifest.versionCount - 1 };
  await putManifest(ctx.session, ctx.head, next);
  return { best: bestOf(next) };
}
