import { strict as assert } from 'node:assert';
import { keptEverything, keptReport } from '../../../src/core/analysis/templateTokens';
import { hunkReason } from '../../../src/core/engine/changeReasons';
import { applyHunks } from '../../../src/core/engine/hunks';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { RENDER_STYLES } from '../../../src/core/engine/render';
import { RESTYLE_STRATEGY } from '../../../src/core/engine/renderStructured';
import { withoutHeadingSyntax } from './headingSyntax';

/** A structured prompt in each style, with a variable, a number, a quoted string and a code fence. */
const STRUCTURED = {
  markdown: 'Some background first.\n\n## Task\nWrite a haiku about {{topic}} in "plain words".\n\n## Constraints\n- 3 lines\n\n```text\n# not a heading\n```\n',
  xml: '<task>\nSummarize the text below in 3 bullets for {audience}.\n</task>\n\n<input>\n"""\n{{text}}\n"""\n</input>',
  compact: 'Task: write a README section on installing the CLI for [PROJECT].\nAudience: developers new to the project.\nKeep "npm install" as the first command.',
} as const;

function assertInOrder(expected: readonly string[], actual: readonly string[], message: string): void {
  let at = 0;
  for (const line of expected) {
    at = actual.indexOf(line, at);
    assert.ok(at >= 0, `${message}: ${JSON.stringify(line)} kept in order`);
    at += 1;
  }
}

const headingCount = (text: string, name: string): number =>
  text.split('\n').filter((line) => new RegExp(`^(?:#{1,6} |<)?${name}(?::|>|$)`, 'i').test(line)).length;

describe('engine: an already structured prompt', () => {
  for (const [own, text] of Object.entries(STRUCTURED)) {
    describe(`written in ${own}`, () => {
      const result = improvePrompt(text);

      it('gets three candidates: its own layout first, then restyled in the two other styles', () => {
        assert.ok(result.changed);
        assert.deepEqual(
          result.candidates.map((candidate) => candidate.style),
          [own, ...RENDER_STYLES.filter((style) => style !== own)],
        );
        assert.deepEqual(result.candidates.map((candidate) => candidate.ownLayout === true), [true, false, false], 'only the first is the own layout');
      });

      it('keeps every token and the text under each heading verbatim in every candidate', () => {
        for (const candidate of result.candidates) {
          const kept = keptReport(text, candidate.text);
          assert.ok(keptEverything(kept), `${candidate.style}: ${kept.summary}`);
          assertInOrder(withoutHeadingSyntax(text), withoutHeadingSyntax(candidate.text), candidate.style);
        }
      });

      it('has each section once in every candidate', () => {
        for (const candidate of result.candidates) {
          for (const name of ['task', 'role', 'constraints', 'steps', 'audience', 'input', 'success criteria', 'success_criteria']) {
            assert.ok(headingCount(candidate.text, name) <= 1, `${candidate.style}: ${name} appears ${headingCount(candidate.text, name)} times`);
          }
        }
      });

      it('converges: improving again soon finds nothing more, and adds no section twice', () => {
        let current = result;
        for (let round = 0; round < 4 && current.changed; round += 1) current = improvePrompt(current.improved);
        assert.equal(current.changed, false, `still changing: ${current.improved}`);
        for (const name of ['task', 'role', 'constraints', 'steps', 'deliverables']) assert.ok(headingCount(current.original, name) <= 1, name);
      });

      it('is deterministic', () => {
        assert.deepEqual(improvePrompt(text), result);
      });
    });
  }

  it('keeps its own layout when a restyle only ties with it', () => {
    const result = improvePrompt('Task: Classify the sentiment of the review.\nInstructions: answer with one word.');
    const totals = result.candidates.map((candidate) => candidate.total);
    assert.deepEqual(totals, [totals[0], totals[0], totals[0]], 'the three renderings tie on this prompt');
    assert.equal(result.style, 'compact');
    assert.ok(!result.strategies.includes(RESTYLE_STRATEGY));
    assert.ok(result.improved.startsWith('Task: Classify the sentiment of the review.\nInstructions: answer with one word.\n'));
  });

  it('is not restyled as XML for its tags alone: with no material to fence, XML only ties with its own layout', () => {
    for (const text of [STRUCTURED.compact, '## Task\nWrite a blog post about tea.\n\n## Constraints\n- Keep it short.\n- Do not use jargon.']) {
      const result = improvePrompt(text);
      const [ownLayout, ...restyles] = result.candidates;
      assert.equal(restyles.find((candidate) => candidate.style === 'xml')!.total, ownLayout!.total, text);
      assert.equal(result.style, ownLayout!.style);
      assert.ok(!result.strategies.includes(RESTYLE_STRATEGY));
    }
  });

  it('restyled, explains the change as a restyle and credits every hunk to the strategy that made it', () => {
    const result = improvePrompt(STRUCTURED.markdown, { styles: ['xml'] });
    assert.equal(result.style, 'xml');
    assert.equal(result.strategies.at(-1), RESTYLE_STRATEGY);
    assert.equal(result.explanation.bullets.length, result.strategies.length);
    assert.match(result.explanation.bullets.at(-1)!, /^Rewrote your section headings as XML tags .* instead of markdown headings/);
    const { diffs } = result.explanation;
    assert.ok(diffs.every((hunk) => hunk.strategies.length > 0), 'no hunk is left to "layout"');
    const headingHunk = diffs.find((hunk) => hunk.lines.includes('-## Task'))!;
    assert.deepEqual(headingHunk.lines, ['-## Task', '+<task>']);
    assert.deepEqual(hunkReason(result, headingHunk), { kind: 'strategies', reasons: [{ strategy: RESTYLE_STRATEGY, text: result.explanation.bullets.at(-1) }] });
    assert.equal(applyHunks(STRUCTURED.markdown, diffs, new Set(diffs.map((hunk) => hunk.id))), result.improved);
    assert.equal(applyHunks(STRUCTURED.markdown, diffs, new Set()), STRUCTURED.markdown);
    // Accepting only the restyle gives the person's prompt in the new style, every element closed.
    const restyleOnly = applyHunks(STRUCTURED.markdown, diffs, new Set(diffs.filter((hunk) => hunk.strategies.includes(RESTYLE_STRATEGY)).map((hunk) => hunk.id)));
    assert.equal(restyleOnly, 'Some background first.\n\n<task>\nWrite a haiku about {{topic}} in "plain words".\n</task>\n\n<constraints>\n- 3 lines\n\n```text\n# not a heading\n```\n</constraints>\n');
  });

  it('restyled from XML, credits the removed closing tags to the restyle too', () => {
    const result = improvePrompt(STRUCTURED.xml, { styles: ['markdown'] });
    assert.equal(result.style, 'markdown');
    assert.ok(result.improved.startsWith('## Task\nSummarize the text below in 3 bullets for {audience}.\n\n## Input\n"""\n{{text}}\n"""\n'), result.improved);
    const removals = result.explanation.diffs.filter((hunk) => hunk.lines.includes('-</task>'));
    assert.equal(removals.length, 1);
    assert.ok(removals[0]!.strategies.includes(RESTYLE_STRATEGY));
  });

  it('keeps a sentence after a label outside the restyled field, and a code fence whole', () => {
    const xml = improvePrompt(STRUCTURED.compact, { styles: ['xml'] }).improved;
    assert.match(xml, /<audience>\ndevelopers new to the project\.\n(?:.*\n)*?<\/audience>\n\nKeep "npm install" as the first command\./);
    const fenced = improvePrompt(STRUCTURED.markdown, { styles: ['compact'] }).improved;
    assert.ok(fenced.includes('```text\n# not a heading\n```'));
    assert.match(fenced, /^Task:\nWrite a haiku/m);
  });

  it('adds a part the person already has a section for at the end of that section, in every style', () => {
    const text = '## Task\nWrite a blog post about tea.\n\n## Constraints\n- Keep it short.\n- Do not use jargon.';
    const result = improvePrompt(text);
    assert.ok(result.strategies.includes('pin-length'));
    for (const candidate of result.candidates) {
      assert.equal(headingCount(candidate.text, 'constraints'), 1, candidate.style);
      assert.match(candidate.text, /- Do not use jargon\.\n- Length: 3–5 sentences\./, candidate.style);
    }
  });

  it('keeps a closing cue last in every candidate', () => {
    const text = 'Context: We run a small bakery in Lyon.\nTask: List 3 bread names for the autumn menu.\n- ';
    const result = improvePrompt(text);
    assert.ok(result.changed);
    for (const candidate of result.candidates) assert.ok(candidate.text.endsWith('\n- '), `${candidate.style}: ${JSON.stringify(candidate.text.slice(-30))}`);
  });

  it('tries only as many renderings as asked for, its own layout first', () => {
    const compact = STRUCTURED.compact;
    assert.deepEqual(improvePrompt(compact, { candidates: 1 }).candidates.map((c) => c.style), ['compact']);
    assert.deepEqual(improvePrompt(compact, { candidates: 2 }).candidates.map((c) => c.style), ['compact', 'markdown']);
    assert.deepEqual(improvePrompt(compact, { styles: ['xml', 'compact'] }).candidates.map((c) => c.style), ['compact', 'xml']);
    assert.deepEqual(improvePrompt('Write a haiku about autumn.', { candidates: 2 }).candidates.map((c) => c.style), ['markdown', 'xml']);
  });
});
