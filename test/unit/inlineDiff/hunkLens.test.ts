import { strict as assert } from 'node:assert';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { layoutDiff, openHunkLines } from '../../../src/inlineDiff/diffLayout';
import { anchorLine, LENS_REASON_CHARS, shortReason } from '../../../src/inlineDiff/hunkLens';

describe('inline diff: a hunk lens and its decorations', () => {
  it('a long reason is cut to about 40 characters at a word, with an ellipsis', () => {
    const reason = 'Added a role that fits the task, so the model knows whose voice and expertise to use.';
    const short = shortReason(reason);
    assert.ok(short.length <= LENS_REASON_CHARS, short);
    assert.ok(short.length >= 30, short);
    assert.ok(short.endsWith('…'), short);
    assert.ok(reason.startsWith(short.slice(0, -1)), short);
    assert.equal(short, 'Added a role that fits the task, so the…');
  });

  it('a short reason is kept whole, on one line; no comma is left before the ellipsis', () => {
    assert.equal(shortReason('Added a role.'), 'Added a role.');
    assert.equal(shortReason('  two\n lines '), 'two lines');
    assert.equal(shortReason('Abcdefghij, klmnopqrstuvwxyz abcdefghijklm, nopq', 30), 'Abcdefghij, klmnopqrstuvwxyz…');
    // One long word: cut inside it.
    assert.equal(shortReason('x'.repeat(50), 10), `${'x'.repeat(9)}…`);
  });

  it('the lens sits on the first shown line with text, else on the first line', () => {
    const blank = new Set([4, 5]);
    assert.equal(anchorLine([4, 5, 6, 7], (line) => blank.has(line)), 6);
    assert.equal(anchorLine([3, 4], (line) => blank.has(line)), 3);
    assert.equal(anchorLine([4, 5], (line) => blank.has(line)), 4);
    assert.equal(anchorLine([], () => false), undefined);
  });

  it('only open hunks are painted: a decided hunk loses its colours while others stay', () => {
    const result = improvePrompt('Summarize this article for me. Make it good and not too long.\n');
    const hunks = result.explanation.diffs;
    assert.ok(hunks.length >= 2, 'the rough prompt should give several hunks');
    const [first, second] = hunks;
    const decisions = new Map([[first!.id, true]]);
    const layout = layoutDiff(result.original, hunks, decisions);
    const painted = openHunkLines(layout, (id) => decisions.has(id));
    const placement = (id: string) => layout.placements.find((item) => item.hunk.id === id)!;
    const linesOf = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);
    const accepted = placement(first!.id);
    assert.ok(accepted.insertedCount > 0 || accepted.removedCount > 0);
    for (const line of linesOf(accepted.insertedStart, accepted.insertedCount)) assert.ok(!painted.inserted.includes(line), `accepted line ${line} still painted`);
    const open = placement(second!.id);
    assert.deepEqual(
      [...painted.removed, ...painted.inserted].filter((line) => line >= open.removedStart && line < open.insertedStart + open.insertedCount),
      [...linesOf(open.removedStart, open.removedCount), ...linesOf(open.insertedStart, open.insertedCount)],
    );
    // With nothing decided every hunk is painted, with everything decided none.
    const all = openHunkLines(layoutDiff(result.original, hunks), () => false);
    assert.equal(all.removed.length + all.inserted.length, hunks.reduce((sum, hunk) => sum + hunk.lines.filter((line) => /^[-+]/.test(line)).length, 0));
    assert.deepEqual(openHunkLines(layoutDiff(result.original, hunks, new Map(hunks.map((hunk) => [hunk.id, false]))), () => true), { removed: [], inserted: [] });
  });
});
