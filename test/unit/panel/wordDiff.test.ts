import { strict as assert } from 'node:assert';
import { wordDiff } from '../../../src/panel/wordDiff';
import type { PanelDiff } from '../../../src/shared/resultPanelProtocol';

/** One side of a diff put back together: the old text without the added pieces, or the new one without the removed. */
const side = (diff: PanelDiff, which: 'before' | 'after') =>
  diff.parts
    .filter((part) => part.kind !== (which === 'before' ? 'added' : 'removed'))
    .map((part) => part.text)
    .join('');

describe('result panel: word diff', () => {
  it('marks changed words, not whole lines, and keeps spacing and line breaks', () => {
    const before = 'Summarize this article.\nKeep it short.';
    const after = 'Summarize this news article.\nKeep it under 100 words.';
    const diff = wordDiff(before, after);
    assert.equal(diff.granularity, 'word');
    assert.deepEqual(
      diff.parts.filter((part) => part.kind !== 'same').map((part) => [part.kind, part.text]),
      [
        ['added', 'news '],
        ['removed', 'short'],
        ['added', 'under 100 words'],
      ],
    );
    assert.equal(side(diff, 'before'), before);
    assert.equal(side(diff, 'after'), after);
  });

  it('joins neighbouring pieces of one kind, and gives one unchanged piece for equal texts', () => {
    const diff = wordDiff('a b c', 'x y z');
    for (let i = 1; i < diff.parts.length; i += 1) assert.notEqual(diff.parts[i]!.kind, diff.parts[i - 1]!.kind);
    assert.deepEqual(wordDiff('same text\n', 'same text\n').parts, [{ kind: 'same', text: 'same text\n' }]);
    assert.deepEqual(wordDiff('', '').parts, []);
  });

  it('falls back to a line diff for texts too large to compare word by word in time, still exact on both sides', () => {
    const before = Array.from({ length: 4000 }, (_, i) => `Line ${i} says something about item ${i * 7}.`).join('\n');
    const after = before.replace(/Line (\d*5) /g, 'Row $1 ');
    const started = performance.now();
    const diff = wordDiff(before, after);
    assert.equal(diff.granularity, 'line');
    assert.ok(performance.now() - started < 2000, 'the fallback is quick');
    assert.equal(side(diff, 'before'), before);
    assert.equal(side(diff, 'after'), after);
  });
});
