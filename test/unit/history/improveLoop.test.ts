import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImproveOptions } from '../../../src/core/engine/improvePrompt';
import { createAndImprove, improveAgain, UnknownPromptError, UnknownVersionError } from '../../../src/core/improveLoop';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';

const store = () => openHistoryStore(mkdtempSync(join(tmpdir(), 'prompter-loop-')));
const now = () => performance.now();

describe('improve loop over the history', () => {
  it('create stores v0 (the original, scored) and the best candidate as v1, and makes v1 best', async () => {
    const repository = store();
    const outcome = await createAndImprove({ repository, now }, 'Write a haiku about autumn.', { file: 'poems/autumn.prompt.md' });
    const detail = (await repository.getPrompt(outcome.promptId))!;
    assert.equal(detail.versions.length, 2);
    const [v0, v1] = detail.versions;
    assert.equal(v0!.version.versionNo, 0);
    assert.equal(v0!.version.text, 'Write a haiku about autumn.');
    assert.equal(v0!.version.source, 'original');
    assert.equal(v0!.scores[0]!.total, outcome.result.judge.before.total);
    assert.equal(v1!.version.versionNo, 1);
    assert.equal(v1!.version.text, outcome.result.improved);
    assert.equal(v1!.version.parentVersionId, v0!.version.id);
    assert.deepEqual(v1!.version.strategies, outcome.result.strategies);
    assert.equal(v1!.version.source, 'engine/heuristic@1');
    assert.equal(v1!.version.engine?.id, 'heuristic@1');
    assert.equal(typeof v1!.version.timeToResultMs, 'number');
    assert.ok(v1!.version.explanation.diffs.length > 0 && v1!.version.explanation.diffs[0]!.lines.length > 0, 'real hunks are stored');
    assert.equal(detail.prompt.bestVersionId, v1!.version.id);
    assert.equal(detail.prompt.bestScore, outcome.result.judge.after.total);
    assert.equal(detail.prompt.origin.file, 'poems/autumn.prompt.md');
    assert.equal(outcome.adopted, true);
  });

  it('improve again starts from the best version and adopts only a version that scores at least as well', async () => {
    const repository = store();
    // The first rewrite may use only one strategy, so there is room to improve from it.
    const onlyRole = (): ImproveOptions => ({ selectStrategies: () => ['add-role'] });
    const first = await createAndImprove({ repository, now, engineOptions: onlyRole }, 'Summarize the meeting notes below.\n\n{notes}');
    assert.deepEqual(first.result.strategies, ['add-role']);
    const second = await improveAgain({ repository, now }, first.promptId);
    assert.equal(second.adopted, true);
    assert.equal(second.versionNo, 2);
    const v2 = (await repository.getVersion(second.versionId!))!;
    assert.equal(v2.version.parentVersionId, first.versionId, 'improved from the best version, not the original');
    assert.ok(v2.version.text.includes(first.result.improved.split('\n')[0]!));
    assert.ok(second.result.judge.after.total >= first.result.judge.after.total);
    const prompt = (await repository.getPrompt(first.promptId))!.prompt;
    assert.equal(prompt.bestVersionId, second.versionId);
  });

  it('says so, and stores nothing, when nothing raises the score', async () => {
    const repository = store();
    const first = await createAndImprove({ repository, now }, 'Write a haiku about autumn.');
    const again = await improveAgain({ repository, now }, first.promptId);
    assert.equal(again.adopted, false);
    assert.equal(again.versionId, undefined);
    assert.match(again.message, /^No further improvement found; v1 stays best at [\d.]+\/50\.$/);
    assert.equal((await repository.getPrompt(first.promptId))!.versions.length, 2);
  });

  it('improve again from a given version rewrites that version, and adopts the rewrite when it reaches the best', async () => {
    const repository = store();
    const onlyRole = (): ImproveOptions => ({ selectStrategies: () => ['add-role'] });
    const first = await createAndImprove({ repository, now, engineOptions: onlyRole }, 'Summarize the meeting notes below.\n\n{notes}');
    const v0 = (await repository.getPrompt(first.promptId))!.versions[0]!.version;
    const again = await improveAgain({ repository, now }, first.promptId, v0.id);
    assert.equal(again.adopted, true, again.message);
    assert.ok(again.result.judge.after.total >= first.result.judge.after.total);
    const stored = (await repository.getVersion(again.versionId!))!;
    assert.equal(stored.version.parentVersionId, v0.id, 'the rewrite records the version it started from');
    assert.equal(stored.version.versionNo, 2);
    assert.equal(again.result.original, v0.text);
  });

  it('from an older version, a rewrite below the best is not stored, and the message says both scores', async () => {
    const repository = store();
    const first = await createAndImprove({ repository, now }, 'Summarize the meeting notes below.\n\n{notes}');
    const v0 = (await repository.getPrompt(first.promptId))!.versions[0]!.version;
    const onlyRole = (): ImproveOptions => ({ selectStrategies: () => ['add-role'] });
    const again = await improveAgain({ repository, now, engineOptions: onlyRole }, first.promptId, v0.id);
    assert.equal(again.result.changed, true);
    assert.ok(again.result.judge.after.total < first.result.judge.after.total, 'the test needs a rewrite below the best');
    assert.equal(again.adopted, false);
    assert.equal(again.versionId, undefined);
    assert.equal(again.message, `No further improvement found; v1 stays best at ${first.result.judge.after.total}/50. (The rewrite of v0 scored ${again.result.judge.after.total}/50.)`);
    assert.equal((await repository.getPrompt(first.promptId))!.versions.length, 2, 'nothing was stored');
  });

  it('improve again from a version the prompt does not have says so', async () => {
    const repository = store();
    const first = await createAndImprove({ repository, now }, 'Explain recursion.');
    await assert.rejects(improveAgain({ repository, now }, first.promptId, `${first.promptId}-v9`), (error: unknown) => error instanceof UnknownVersionError && /no version/.test(error.message));
  });

  it('records a metric event per run', async () => {
    const repository = store();
    const first = await createAndImprove({ repository, now }, 'Explain recursion.');
    await improveAgain({ repository, now }, first.promptId);
    const metrics = await repository.listMetrics();
    assert.deepEqual(metrics.map((m) => [m.kind, m.adopted, m.engine]), [['improve', true, 'heuristic@1'], ['improve', false, 'heuristic@1']]);
    assert.equal(metrics[0]!.versionId, first.versionId);
    assert.equal(metrics[0]!.total, first.result.judge.after.total);
  });

  it('rejects an unknown or malformed prompt id with a message that says what to do', async () => {
    const repository = store();
    const gone = await createAndImprove({ repository, now }, 'Explain recursion.');
    await repository.deletePrompt(gone.promptId);
    await assert.rejects(improveAgain({ repository, now }, gone.promptId), (error: unknown) => error instanceof UnknownPromptError && /prompter history/.test(error.message));
    await assert.rejects(improveAgain({ repository, now }, 'nope'), /not a prompt id/);
  });
});
