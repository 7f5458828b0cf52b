import { strict as assert } from 'node:assert';
import { applyHunks } from '../../../src/core/engine/hunks';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { layoutDiff, splitLines } from '../../../src/inlineDiff/diffLayout';
import { InlineDiffSession } from '../../../src/inlineDiff/inlineDiffSession';
import { lineEdit } from '../../../src/inlineDiff/lineEdit';
import axisPairs from '../../fixtures/judge/axisPairs.json';

const corpus: string[] = [
  'Help me code.',
  'Summarize this article for me. Make it good and not too long.\n',
  'Write a marketing email announcing our spring sale to {customer_name}: 20% off until 31 May.',
  'Summarize the meeting notes below in 5 bullet points.\n\n"""\n<notes>\n"""\n',
  '## Task\nWrite a haiku about {{topic}}.\n\n## Constraints\n- 3 lines\n',
  ...(axisPairs as { worse: string }[]).slice(0, 12).map((pair) => pair.worse),
];

const changed = corpus.map((text) => improvePrompt(text)).filter((result) => result.changed);

/** Every subset of the first hunks (up to 2^6) plus a few patterns over all of them. */
function subsets(ids: string[]): Set<string>[] {
  const head = ids.slice(0, 6);
  const sets: Set<string>[] = [];
  for (let mask = 0; mask < 1 << head.length; mask += 1) sets.push(new Set(head.filter((_, i) => mask & (1 << i))));
  sets.push(new Set(ids), new Set(ids.filter((_, i) => i % 2 === 1)));
  return sets;
}

const applyEdit = (text: string, edit: ReturnType<typeof lineEdit>): string =>
  text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.deleteLength);

describe('inline diff layout', () => {
  it('has prompts that the engine changes (the corpus is meaningful)', () => {
    assert.ok(changed.length >= 8, `only ${changed.length} prompts changed`);
  });

  it('shows the original lines and every inserted line while nothing is decided', () => {
    for (const result of changed) {
      const layout = layoutDiff(result.original, result.explanation.diffs);
      const shown = splitLines(layout.text);
      assert.equal(shown.length, layout.lineCount);
      for (const placement of layout.placements) {
        const inserted = placement.hunk.lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1));
        assert.deepEqual(shown.slice(placement.insertedStart, placement.insertedStart + placement.insertedCount), inserted);
        const removed = placement.hunk.lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1));
        assert.deepEqual(shown.slice(placement.removedStart, placement.removedStart + placement.removedCount), removed);
      }
      // Dropping every inserted line gives back the original.
      const rejected = new Map(result.explanation.diffs.map((hunk) => [hunk.id, false]));
      assert.equal(layoutDiff(result.original, result.explanation.diffs, rejected).text, result.original);
    }
  });

  it('equals applyHunks once every hunk is decided, for any mix of decisions', () => {
    for (const result of changed) {
      const hunks = result.explanation.diffs;
      for (const accepted of subsets(hunks.map((hunk) => hunk.id))) {
        const decisions = new Map(hunks.map((hunk) => [hunk.id, accepted.has(hunk.id)]));
        assert.equal(layoutDiff(result.original, hunks, decisions).text, applyHunks(result.original, hunks, accepted));
      }
    }
  });
});

describe('inline diff session', () => {
  const start = (text: string, eol = '\n', prefix = 'Before.\n') =>
    new InlineDiffSession({ documentOriginal: text.replace(/\n/g, eol), result: improvePrompt(text), start: prefix.length, eol });

  it('walks decisions in any order to exactly the accepted hunks, each step a whole-line edit', () => {
    for (const result of changed) {
      for (const accepted of subsets(result.explanation.diffs.map((hunk) => hunk.id)).slice(0, 20)) {
        const session = new InlineDiffSession({ documentOriginal: result.original, result, start: 0, eol: '\n' });
        let documentText = session.documentOriginal;
        const step = (next: string) => {
          const edit = lineEdit(documentText, next);
          const noOp = edit.deleteLength === 0 && edit.insert === ''; // accepting a pure insertion changes no text
          assert.ok(noOp || edit.offset === 0 || documentText[edit.offset - 1] === '\n', 'an edit must start at a line start');
          documentText = applyEdit(documentText, edit);
          assert.equal(documentText, next);
        };
        step(session.begin());
        for (const hunk of [...result.explanation.diffs].reverse()) step(session.decide(hunk.id, accepted.has(hunk.id)));
        assert.ok(session.complete);
        const expected = accepted.size === 0 ? result.original : applyHunks(result.original, result.explanation.diffs, accepted);
        assert.equal(documentText, expected);
      }
    }
  });

  it('restores the document text byte for byte on reject all, with CRLF line breaks', () => {
    const session = start('Summarize this article for me. Make it good and not too long.\n', '\r\n');
    const shown = session.begin();
    assert.ok(shown.includes('\r\n') && !/[^\r]\n/.test(shown), 'shown text must use the document line break');
    assert.equal(session.decideAll(false), 'Summarize this article for me. Make it good and not too long.\r\n');
    assert.equal(session.outcome(), 'rejected');
  });

  it('encodes the accepted text (string literals) but restores the original as it was', () => {
    const text = 'Write a haiku about the sea, keep it short.';
    const result = improvePrompt(text);
    const encoding = { encode: (value: string) => value.replace(/\n/g, '\\n') };
    const accept = new InlineDiffSession({ documentOriginal: text, result, start: 0, eol: '\n', encoding });
    accept.begin();
    assert.equal(accept.decideAll(true), result.improved.replace(/\n/g, '\\n'));
    const reject = new InlineDiffSession({ documentOriginal: text, result, start: 0, eol: '\n', encoding });
    reject.begin();
    assert.equal(reject.decideAll(false), text);
  });

  it('anchors on changes before it, and tells edits inside it from edits next to it', () => {
    const session = start('Summarize this article for me. Make it good and not too long.\n');
    session.begin();
    const { start: first, end } = session;
    assert.equal(session.track(0, 0, 'New line\n'), 'before');
    assert.equal(session.start, first + 9);
    assert.equal(session.track(0, 4, ''), 'before');
    assert.equal(session.start, first + 5);
    assert.equal(session.track(session.start, 0, 'typed'), 'inside', 'typing at the first line joins the diff');
    assert.equal(session.track(session.start, 0, 'whole line\n'), 'before');
    assert.equal(session.track(session.end, 0, 'after'), 'after', 'the diff ends with a line break');
    assert.equal(session.track(session.start + 3, 2, ''), 'inside');
    assert.equal(session.end - session.start, end - first);
  });
});

describe('lineEdit', () => {
  it('replaces only the lines that differ', () => {
    assert.deepEqual(lineEdit('a\nb\nc\n', 'a\nc\n'), { offset: 2, deleteLength: 2, insert: '' });
    assert.deepEqual(lineEdit('a\nc\n', 'a\nb\nc\n'), { offset: 2, deleteLength: 0, insert: 'b\n' });
    assert.deepEqual(lineEdit('a\r\nb\r\n', 'a\r\nX\r\n'), { offset: 3, deleteLength: 3, insert: 'X\r\n' });
    assert.deepEqual(lineEdit('same', 'same'), { offset: 4, deleteLength: 0, insert: '' });
    assert.deepEqual(lineEdit('abc', 'abd'), { offset: 0, deleteLength: 3, insert: 'abd' });
  });
});
