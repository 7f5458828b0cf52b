/**
 * A separate process that writes to a store through the real repository (bundled by esbuild to
 * out/test/helpers/storeWriter.js). The storage tests spawn it to get real concurrency, real crashes and a
 * real unprivileged user:
 *
 *   node storeWriter.js prompts DIR COUNT TAG          COUNT prompts, each v0 + a judged v1; prints JSON
 *   node storeWriter.js same-prompt DIR PROMPT COUNT SEED   COUNT versions of one prompt; prints JSON
 *   node storeWriter.js crash-loop DIR PROMPT         appends until killed; prints "ack <versionNo>" per commit
 *   node storeWriter.js probe DIR                     lists, then tries to write; prints JSON of what happened
 */
import { scoreOf } from './scorecards';
import type { NewVersion } from '../../src/core/history';
import { openHistoryStore } from '../../src/storage/fileHistoryRepository';
import { StoreError } from '../../src/storage/storeError';


function rewrite(parentVersionId: string, text: string): NewVersion {
  return {
    text,
    explanation: { bullets: ['Added a role'], diffs: [] },
    source: 'engine/heuristic@1',
    strategies: ['add-role'],
    parentVersionId,
    engine: { id: 'heuristic@1' },
    timeToResultMs: 1,
  };
}

/** Deterministic pseudo-random totals (mulberry32), so a failing run can be replayed. */
function totals(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 51);
  };
}

async function main(): Promise<void> {
  const [mode, dir, ...rest] = process.argv.slice(2);
  if (!mode || !dir) throw new Error('usage: storeWriter.js MODE DIR ...');
  const repo = openHistoryStore(dir, { lock: { staleMs: 2000 } });
  switch (mode) {
    case 'prompts': {
      const count = Number(rest[0]);
      const tag = rest[1] ?? 'w';
      const created: { promptId: string; versionId: string; total: number }[] = [];
      for (let i = 0; i < count; i += 1) {
        const { prompt, original } = await repo.createPrompt(`${tag} prompt ${i}`, { file: `${tag}/${i}.prompt.md` }, { score: scoreOf(i % 20) });
        const total = 20 + (i % 31);
        const result = await repo.appendVersion(prompt.id, rewrite(original.id, `${tag} rewrite ${i}`), scoreOf(total), {
          adoptIfAtLeastBest: true,
        });
        if (!result.stored) throw new Error('not stored');
        created.push({ promptId: prompt.id, versionId: result.version.id, total });
      }
      process.stdout.write(JSON.stringify(created));
      break;
    }
    case 'same-prompt': {
      const [promptId, countText, seedText] = rest;
      const next = totals(Number(seedText));
      const appended: { versionNo: number; total: number; adopted: boolean }[] = [];
      for (let i = 0; i < Number(countText); i += 1) {
        const total = next();
        const result = await repo.appendVersion(promptId!, rewrite(`${promptId!}-v0`, `seed ${seedText} #${i}`), scoreOf(total), {
          adoptIfAtLeastBest: true,
        });
        if (!result.stored) throw new Error('not stored');
        appended.push({ versionNo: result.version.versionNo, total, adopted: result.adopted });
      }
      process.stdout.write(JSON.stringify(appended));
      break;
    }
    case 'crash-loop': {
      const promptId = rest[0]!;
      for (let i = 0; ; i += 1) {
        const result = await repo.appendVersion(promptId, rewrite(`${promptId}-v0`, `crash loop ${i} ${'x'.repeat(2000)}`), scoreOf(i % 51), {
          adoptIfAtLeastBest: true,
        });
        if (result.stored) process.stdout.write(`ack ${result.version.versionNo}\n`);
        if (i % 5 === 4) await repo.recordFeedback({ promptId, versionId: `${promptId}-v0`, decision: 'rejected', hunks: [], strategies: [], via: 'test' });
      }
    }
    case 'probe': {
      const listed = (await repo.listPrompts()).length;
      let writeError: { code: string; message: string } | undefined;
      try {
        await repo.createPrompt('from the probe', {});
      } catch (error) {
        writeError = error instanceof StoreError ? { code: error.code, message: error.message } : { code: 'not-a-StoreError', message: String(error) };
      }
      process.stdout.write(JSON.stringify({ listed, writeError }));
      break;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
