import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { createAndImprove } from '../../../src/core/improveLoop';
import { heuristicResult } from '../../../src/core/model/improveWithModel';
import type { ResultContext } from '../../../src/panel/panelState';
import { promptTitle } from '../../../src/history/tree/historyLabels';
import { panelVersion, resultPanelState, runVersion, storedVersionState } from '../../../src/panel/panelState';
import { parseWebviewMessage } from '../../../src/shared/resultPanelProtocol';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';

const PROMPT = 'Summarize the meeting notes in {notes} for the 3 team leads. Make it good.';
const context: ResultContext = { subject: 'notes.prompt.md', beforeLabel: 'original', timeMs: 12.5, origin: { kind: 'inlineDiff', decision: 'open' }, layout: 'inline' };
const now = () => performance.now();

describe('result panel: state', () => {
  it('from an engine result: rewrite, word diff, scores per axis, reasons with strategies, kept rows, candidates best first, engine', () => {
    const result = heuristicResult(improvePrompt(PROMPT));
    const state = resultPanelState(result, context);
    assert.equal(state.rewrite, result.improved);
    assert.equal(state.diff.granularity, 'word');
    assert.ok(state.diff.parts.some((part) => part.kind === 'added'));
    assert.equal(state.diff.parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join(''), result.improved);
    assert.deepEqual(state.totals, { before: result.judge.before.total, after: result.judge.after.total });
    assert.equal(state.axes.length, 5);
    assert.equal(state.axes[0]!.before, result.judge.before.clarity);
    assert.deepEqual(state.reasons[0], { strategy: result.strategies[0], text: result.explanation.bullets[0] });
    assert.deepEqual(state.keptRows.map((row) => [row.label, row.kept, row.total]), [['variables', 1, 1], ['numbers', 1, 1]]);
    assert.ok(state.candidates.length >= 2);
    assert.deepEqual(state.candidates.map((c) => c.total), [...state.candidates.map((c) => c.total)].sort((a, b) => b - a));
    assert.equal(state.candidates.filter((c) => c.chosen).length, 1);
    assert.deepEqual(state.engine, { kind: 'heuristic', id: 'heuristic@1' });
    assert.equal(state.timeMs, 12.5);
    assert.equal(state.version, undefined);
  });

  it('names the fallback when a model was asked but the heuristic answered, and a model bullet has no strategy', () => {
    const base = heuristicResult(improvePrompt(PROMPT));
    const fell = resultPanelState({ ...base, engine: { ...base.engine, fallbackReason: 'timeout', fallbackDetail: 'after 6 s' } }, context);
    assert.equal(fell.engine?.kind, 'heuristic');
    assert.equal(fell.engine?.fallback, 'The model did not answer in time. (after 6 s)');
    const model = resultPanelState({ ...base, strategies: [], explanation: { ...base.explanation, bullets: ['Made the audience explicit.'] }, engine: { id: 'llm:gpt-4o-mini', discarded: [] } }, context);
    assert.equal(model.engine?.kind, 'model');
    assert.deepEqual(model.reasons, [{ text: 'Made the audience explicit.' }]);
  });

  it('a stored version: diff and scores against its parent, where it stands against the best; the original against itself', async () => {
    const repository = openHistoryStore(mkdtempSync(join(tmpdir(), 'prompter-panel-')));
    const run = await createAndImprove({ repository, now }, PROMPT, { file: 'notes.prompt.md' });
    const detail = (await repository.getPrompt(run.promptId))!;
    const [v0, v1] = detail.versions;
    const state = storedVersionState({ historyKey: 'key', detail, versionId: v1!.version.id, subject: 'notes.prompt.md', layout: 'sideBySide' })!;
    assert.equal(state.rewrite, v1!.version.text);
    assert.equal(state.beforeLabel, 'v0');
    assert.deepEqual(state.totals, { before: v0!.scores[0]!.total, after: v1!.scores[0]!.total });
    assert.equal(state.diff.parts.filter((part) => part.kind !== 'added').map((part) => part.text).join(''), PROMPT);
    assert.deepEqual(state.origin, { kind: 'stored' });
    assert.equal(state.layout, 'sideBySide');
    assert.deepEqual(state.version, { ref: { historyKey: 'key', promptId: run.promptId, versionId: v1!.version.id }, versionNo: 1, promptTitle: promptTitle(PROMPT), score: v1!.scores[0]!.total });
    assert.equal(state.engine?.id, 'heuristic@1');
    assert.deepEqual(state.candidates, []);

    const original = storedVersionState({ historyKey: 'key', detail, versionId: v0!.version.id, subject: 'notes.prompt.md', layout: 'inline' })!;
    assert.equal(original.engine, undefined, 'nothing rewrote the original');
    assert.ok(original.diff.parts.every((part) => part.kind === 'same'));
    assert.deepEqual(original.totals, { before: null, after: v0!.scores[0]!.total });
    assert.deepEqual(panelVersion('key', detail, v0!).best, { versionNo: 1, score: detail.prompt.bestScore }, 'v0 points at the best version');
    assert.equal(storedVersionState({ historyKey: 'key', detail, versionId: 'nope', subject: '', layout: 'inline' }), undefined);
  });

  it("an Improve Prompt run's stored version: best when adopted, else it names the best", () => {
    const stored = { historyKey: 'key', promptId: 'p1', versionId: 'p1-v1', versionNo: 1, adopted: true, best: { versionId: 'p1-v1', versionNo: 1, score: 38 }, message: '' };
    assert.deepEqual(runVersion(stored, PROMPT, 38), { ref: { historyKey: 'key', promptId: 'p1', versionId: 'p1-v1' }, versionNo: 1, promptTitle: promptTitle(PROMPT), score: 38 });
    assert.deepEqual(runVersion({ ...stored, adopted: false, best: { versionId: 'p1-v0', versionNo: 0, score: 40 } }, PROMPT, 38)?.best, { versionNo: 0, score: 40 });
    assert.equal(runVersion({ historyKey: 'key', promptId: 'p1', adopted: false, best: stored.best, message: '' }, PROMPT, 38), undefined, 'nothing stored');
  });
});

describe('result panel: webview messages are validated', () => {
  it('accepts the known messages and nothing else', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'copy', text: 'ignored' }), { type: 'copy' });
    assert.deepEqual(parseWebviewMessage({ type: 'layout', layout: 'sideBySide' }), { type: 'layout', layout: 'sideBySide' });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', seq: 4, painted: true }), { type: 'rendered', seq: 4, painted: true });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', seq: 4, painted: 'yes' }), { type: 'rendered', seq: 4, painted: false });
    for (const bad of [null, 'copy', { type: 'eval' }, { type: 'layout', layout: 'grid' }, { type: 'rendered', seq: -1 }, { type: 'rendered', seq: '1' }, { type: 42 }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
