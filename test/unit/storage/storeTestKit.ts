/** Shared builders for the storage tests: temp folders, versions, scores, and a canonical dump of a store. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryRepository, NewVersion } from '../../../src/core/history';

/** A fresh empty folder under the system temp folder. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `prompter-${label}-`));
}

export { scoreOf } from '../../helpers/scorecards';

/** A rewrite of `parentVersionId` carrying one hunk per strategy. */
export function versionOf(parentVersionId: string, text: string, strategies: string[] = ['add-role']): NewVersion {
  return {
    text,
    explanation: {
      bullets: strategies.map((s) => `Applied ${s}`),
      diffs: strategies.map((s, i) => ({
        id: `h${i}`,
        oldStart: 1,
        oldLines: 0,
        newStart: i + 1,
        newLines: 1,
        lines: [`+${s} line`],
        strategies: [s],
      })),
    },
    source: 'engine/heuristic@1',
    strategies,
    parentVersionId,
    engine: { id: 'heuristic@1', rendering: 'markdown' },
    timeToResultMs: 12,
  };
}

/** Everything a store holds, in a stable shape (ids of scores and events left out: they are random). */
export async function dumpStore(repo: HistoryRepository): Promise<unknown> {
  const prompts = await repo.listPrompts();
  const details = [];
  for (const summary of prompts) {
    const detail = await repo.getPrompt(summary.id);
    details.push({
      prompt: detail?.prompt,
      versions: detail?.versions.map((v) => ({ version: v.version, scores: v.scores.map(({ id: _id, ...s }) => s) })),
    });
  }
  const strip = <T extends { id: string }>(items: T[]): unknown[] => items.map(({ id: _id, ...rest }) => rest);
  return {
    prompts,
    details,
    feedback: strip(await repo.listFeedback()),
    metrics: strip(await repo.listMetrics()),
    learning: (await repo.readLearningState())?.state ?? null,
  };
}
