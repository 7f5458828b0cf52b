/**
 * The history store's two figures from issue 3: the append cost at 10,000 versions against 100 (it must not
 * grow with the history), and a cold load of the prompt list at 10,000 versions; plus the cold read
 * `prompter stats` makes of every version, against reading the prompts one by one.
 *
 * Stores are seeded by writing the documented files directly (10,000 appends through the API would take
 * minutes of fsyncs); every seeded file is still decoded and validated by the real repository when read,
 * so a seed that drifted from the format would fail here, not flatter the numbers. The measured appends
 * and reads go through the real repository on the real file system, fsync included.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { versionFacts } from '../../src/cli/commands/statsCommand';
import type { HistoryRepository, JudgeScoreRecord, NewVersion, PromptVersionRecord } from '../../src/core/history';
import type { HeadDoc, IndexPageDoc, ManifestDoc, VersionPageDoc } from '../../src/storage/documents';
import { SCHEMA_VERSION } from '../../src/storage/documents';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { newId, versionIdOf } from '../../src/storage/ids';
import {
  HEAD_FILE,
  INDEX_PAGE_SIZE,
  indexPagePath,
  manifestPath,
  versionPageOf,
  versionPagePath,
} from '../../src/storage/storeLayout';
import { summaryOf } from '../../src/storage/storeState';
import { scoreOf } from '../helpers/scorecards';
import type { BenchFigure, BenchSuite } from './benchTypes';
import { median } from './benchTypes';

const TEXT = `You are a senior Python developer.\nTask: Help me design and implement a parser.\n${'- Deliverable with a concrete detail.\n'.repeat(25)}`;


function rewrite(parentVersionId: string, n: number): NewVersion {
  return {
    text: `${TEXT}\nRun ${n}.`,
    explanation: {
      bullets: ['Added a role', 'Listed deliverables', 'Added constraints'],
      diffs: [0, 1, 2].map((i) => ({
        id: `h${i}`,
        oldStart: 1 + i,
        oldLines: 1,
        newStart: 1 + i * 4,
        newLines: 4,
        lines: ['-Help me code.', '+You are a senior Python developer.', '+Task: Help me code.', '+Deliverables:', '+- A plan'],
        strategies: [['add-role', 'add-deliverables', 'add-constraints'][i]!],
      })),
    },
    source: 'engine/heuristic@1',
    strategies: ['add-role', 'add-deliverables', 'add-constraints'],
    parentVersionId,
    engine: { id: 'heuristic@1', rendering: 'markdown' },
    timeToResultMs: 8,
  };
}

function writeDoc(dir: string, rel: string, doc: unknown): void {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}

/** Writes a store of `prompts` prompts with `versionsEach` versions each (v0 included); returns the prompt ids. */
function seedStore(dir: string, prompts: number, versionsEach: number): string[] {
  const ids: string[] = [];
  const pages: IndexPageDoc[] = [];
  const now = Date.now() - prompts * 1000;
  for (let p = 0; p < prompts; p += 1) {
    const created = now + p * 1000;
    const id = newId(created);
    ids.push(id);
    const versionPages = new Map<number, VersionPageDoc>();
    let best = { id: versionIdOf(id, 0), total: -1 };
    for (let no = 0; no < versionsEach; no += 1) {
      const vid = versionIdOf(id, no);
      const base = rewrite(versionIdOf(id, 0), no);
      const version: PromptVersionRecord =
        no === 0
          ? { id: vid, promptId: id, versionNo: 0, text: TEXT, explanation: { bullets: ['Original'], diffs: [] }, source: 'original', strategies: [], parentVersionId: null, createdAt: created }
          : { ...base, id: vid, promptId: id, versionNo: no, createdAt: created + no };
      const total = 10 + ((no * 7) % 40);
      const judged: JudgeScoreRecord = { ...scoreOf(total), id: newId(created + no), promptVersionId: vid, createdAt: created + no };
      if (total >= best.total) best = { id: vid, total };
      const pageNo = versionPageOf(no);
      const page = versionPages.get(pageNo) ?? { schemaVersion: SCHEMA_VERSION, promptId: id, page: pageNo, prompt_versions: [], judge_scores: [] };
      page.prompt_versions.push(version);
      page.judge_scores.push(judged);
      versionPages.set(pageNo, page);
    }
    for (const page of versionPages.values()) writeDoc(dir, versionPagePath(id, page.page), page);
    const indexPage = Math.floor(p / INDEX_PAGE_SIZE) + 1;
    const manifest: ManifestDoc = {
      schemaVersion: SCHEMA_VERSION,
      prompt: { id, originalText: TEXT, createdAt: created, bestVersionId: best.id, bestScore: best.total, origin: { file: `prompts/${p}.prompt.md`, languageId: 'prompt' } },
      indexPage,
      nextVersionNo: versionsEach,
      versionCount: versionsEach,
      updatedAt: created + versionsEach,
    };
    writeDoc(dir, manifestPath(id), manifest);
    if (!pages[indexPage - 1]) pages[indexPage - 1] = { schemaVersion: SCHEMA_VERSION, page: indexPage, prompts: [] };
    pages[indexPage - 1]!.prompts.push(summaryOf(manifest));
  }
  for (const page of pages) writeDoc(dir, indexPagePath(page.page), page);
  const head: HeadDoc = { schemaVersion: SCHEMA_VERSION, kind: 'prompter-history', revision: 1, updatedAt: Date.now(), indexPages: pages.length, feedbackSegments: 0, metricSegments: 0 };
  writeDoc(dir, HEAD_FILE, head);
  return ids;
}

interface Target {
  repo: HistoryRepository;
  ids: string[];
  times: number[];
}

/** Appends to random prompts of each store in turn (interleaved, so machine noise hits both alike). */
async function measureAppends(targets: Target[], rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    for (const target of targets) {
      const promptId = target.ids[Math.floor(Math.random() * target.ids.length)]!;
      const start = performance.now();
      await target.repo.appendVersion(promptId, rewrite(versionIdOf(promptId, 0), round), scoreOf(5 + (round % 45)), { adoptIfAtLeastBest: true });
      target.times.push(performance.now() - start);
    }
  }
}

function ratioFigure(name: string, small: number[], large: number[]): BenchFigure[] {
  const ratio = median(large) / median(small);
  return [
    { name: `${name}.median_ms_at_100`, value: median(small), unit: 'ms' },
    { name: `${name}.median_ms_at_10000`, value: median(large), unit: 'ms' },
    { name: `${name}.median_ratio_10000_vs_100`, value: ratio, unit: 'x', target: '<= 1.5', met: ratio <= 1.5, detail: `${small.length} appends each, interleaved` },
  ];
}

/** Times `read` on a fresh repository instance each time, so every file is read from disk. */
async function measureColdReads(dir: string, times: number, read: (repo: HistoryRepository) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const repo = openHistoryStore(dir);
    const start = performance.now();
    await read(repo);
    ms.push(performance.now() - start);
  }
  return ms;
}

/** Cold loads of the prompt list: each through a fresh repository instance, files read from disk. */
async function measureList(dir: string, times: number): Promise<{ ms: number[]; count: number }> {
  let count = 0;
  const ms = await measureColdReads(dir, times, async (repo) => {
    count = (await repo.listPrompts()).length;
  });
  return { ms, count };
}

// The read stats made before it used the batch read: one getPrompt, so one locked read, per prompt.
async function readOneByOne(repo: HistoryRepository): Promise<number> {
  let versions = 0;
  for (const summary of await repo.listPrompts()) versions += (await repo.getPrompt(summary.id))?.versions.length ?? 0;
  return versions;
}

export const storeBench: BenchSuite = {
  name: 'store',
  async run() {
    const root = mkdtempSync(join(tmpdir(), 'prompter-store-bench-'));
    try {
      const spreadSmall = join(root, 'spread-100');
      const spreadLarge = join(root, 'spread-10000');
      const oneSmall = join(root, 'one-100');
      const oneLarge = join(root, 'one-10000');
      const spread = [
        { repo: openHistoryStore(spreadSmall), ids: seedStore(spreadSmall, 10, 10), times: [] },
        { repo: openHistoryStore(spreadLarge), ids: seedStore(spreadLarge, 1000, 10), times: [] },
      ];
      const one = [
        { repo: openHistoryStore(oneSmall), ids: seedStore(oneSmall, 1, 100), times: [] },
        { repo: openHistoryStore(oneLarge), ids: seedStore(oneLarge, 1, 10_000), times: [] },
      ];
      await measureAppends([...spread, ...one], 5); // warm-up: module loading, zod's compiled parsers
      for (const t of [...spread, ...one]) t.times.length = 0;
      await measureAppends([...spread, ...one], 60);

      const list = await measureList(spreadLarge, 7);
      const listOne = await measureList(oneLarge, 7);
      const statsRead = await measureColdReads(spreadLarge, 3, versionFacts);
      const statsOneByOne = await measureColdReads(spreadLarge, 1, readOneByOne);
      return [
        ...ratioFigure('store.append', spread[0]!.times, spread[1]!.times),
        ...ratioFigure('store.append_one_prompt', one[0]!.times, one[1]!.times),
        {
          name: 'store.list_prompts_ms_at_10000',
          value: median(list.ms),
          unit: 'ms',
          target: '<= 50',
          met: median(list.ms) <= 50,
          detail: `${list.count} prompts x 10 versions, median of ${list.ms.length} fresh instances; first ${list.ms[0]!.toFixed(1)} ms`,
        },
        {
          name: 'store.list_prompts_ms_at_10000_one_prompt',
          value: median(listOne.ms),
          unit: 'ms',
          detail: `1 prompt x 10,000 versions, median of ${listOne.ms.length} fresh instances`,
        },
        {
          name: 'store.stats_read_ms_at_10000',
          value: median(statsRead),
          unit: 'ms',
          detail: `every version of 1,000 prompts x 10 in one getPrompts, median of ${statsRead.length} fresh instances; one getPrompt per prompt took ${statsOneByOne[0]!.toFixed(0)} ms`,
        },
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
