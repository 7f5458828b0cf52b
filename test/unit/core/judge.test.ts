import { strict as assert } from 'node:assert';
import { judgePrompt } from '../../../src/core/judge/judgePrompt';
import type { Axis } from '../../../src/core/types';
import { AXES } from '../../../src/core/types';
import axisPairs from '../../fixtures/judge/axisPairs.json';

interface AxisPair {
  axis: Axis;
  note: string;
  worse: string;
  better: string;
}

const pairs = axisPairs as AxisPair[];
const allPrompts = pairs.flatMap((pair) => [pair.worse, pair.better]);

describe('judge', () => {
  it('scores each axis 0–10 and totals them, with feedback and the judge id', () => {
    for (const text of [...allPrompts, '', 'x', '🙂'.repeat(50)]) {
      const card = judgePrompt(text);
      for (const axis of AXES) assert.ok(card[axis] >= 0 && card[axis] <= 10, `${axis}=${card[axis]} for ${text}`);
      const sum = AXES.reduce((total, axis) => total + card[axis], 0);
      assert.ok(Math.abs(card.total - sum) < 0.051, `total ${card.total} vs sum ${sum}`);
      assert.ok(card.total <= 50);
      assert.equal(card.judge, 'heuristic@1');
      assert.equal(typeof card.feedback.summary, 'string');
    }
  });

  describe('own fixtures: the better prompt wins on its axis and in total', () => {
    for (const pair of pairs) {
      it(`${pair.axis}: ${pair.note}`, () => {
        const worse = judgePrompt(pair.worse);
        const better = judgePrompt(pair.better);
        assert.ok(better[pair.axis] > worse[pair.axis], `${pair.axis}: ${better[pair.axis]} should beat ${worse[pair.axis]}`);
        assert.ok(better.total > worse.total, `total: ${better.total} should beat ${worse.total}`);
      });
    }
  });

  it('never raises a score for appended polite filler', () => {
    const filler = ['Thanks!', 'Please and thank you so much.', 'I would really appreciate your help.', 'You are the best, thanks in advance!'];
    for (const text of allPrompts) {
      const base = judgePrompt(text).total;
      for (const sentence of filler) {
        for (const join of [' ', '\n', '\n\n']) {
          assert.ok(judgePrompt(text + join + sentence).total <= base, `filler raised: ${JSON.stringify(text + join + sentence)}`);
        }
      }
    }
  });

  it('does not reward empty rubric headings', () => {
    const plain = 'Write release notes for version 2.4 as a bulleted list.';
    const scaffolded = `${plain}\n\nRole:\nContext:\nConstraints:\nExamples:`;
    assert.ok(judgePrompt(scaffolded).total < judgePrompt(plain).total);
    assert.ok(judgePrompt(scaffolded).suggestions.some((s) => s.rule === 'empty-heading'));
  });

  it('lets a short precise prompt beat a long vague one', () => {
    const vague = 'Could you maybe write some kind of description for the product, fairly short but not too short, with various nice things about it and stuff, whatever seems good and appropriate really.';
    const precise = 'Describe the product in 3 sentences for first-time buyers.';
    assert.ok(judgePrompt(precise).total > judgePrompt(vague).total);
  });

  it('ties suggestions to an axis, with the place of the problem when it has one', () => {
    const card = judgePrompt('Write a fairly short summary of it.');
    const vague = card.suggestions.find((s) => s.rule === 'vague-words');
    assert.ok(vague, 'a vague-words suggestion');
    assert.equal(vague.axis, 'clarity');
    assert.equal('Write a fairly short summary of it.'.slice(vague.span!.start, vague.span!.end), 'fairly');
    assert.ok(card.feedback.cons.length > 0);
  });

  it('is deterministic', () => {
    for (const text of allPrompts) assert.deepEqual(judgePrompt(text), judgePrompt(text));
  });

  it('judges any Unicode text without failing', () => {
    for (const text of ['请用三句话总结下面的文章。\n\n"""\n{article}\n"""', 'اكتب ملخصًا من ثلاث جمل للنص التالي.', '✍️ Write 3 haiku about 🌊 for kids.', 'e\u0301\u200d\ufeff\u202e']) {
      const card = judgePrompt(text);
      assert.ok(card.total >= 0 && card.total <= 50);
    }
  });

  describe('credits delimiters for fencing data, not for tagging sections', () => {
    const FENCE_CREDIT = 'Fences input data with delimiters.';
    const fenced = (text: string): boolean => judgePrompt(text).feedback.pros.includes(FENCE_CREDIT);
    const sectionsOnly = '<role>\nYou are a release manager for a mobile banking app.\n</role>\n\n<task>\nWrite release notes for version 2.4 as a bulleted list.\n</task>\n\n<constraints>\n- At most 5 bullets.\n- Plain words, no internal ticket numbers.\n</constraints>';

    it('XML tags around parts of the instructions are sections, not fences, and score as markdown headings do', () => {
      assert.equal(fenced(sectionsOnly), false);
      assert.equal(fenced('<task>Write release notes for version 2.4.</task>\n<output_format>A bulleted list.</output_format>'), false);
      assert.equal(fenced('Write release notes for version 2.4. Put them in <answer></answer> tags.'), false);
      const markdown = sectionsOnly.replace(/^<\/\w+>\n?/gm, '').replace(/^<(\w+)>$/gm, (_, name: string) => `## ${name.charAt(0).toUpperCase()}${name.slice(1)}`);
      assert.equal(judgePrompt(sectionsOnly).structure, judgePrompt(markdown).structure, markdown);
      assert.equal(judgePrompt(sectionsOnly).contextUse, judgePrompt(markdown).contextUse, 'no material is supplied either way');
    });

    it('XML tags around pasted material or a slot for it are fences', () => {
      const email = 'Hi team, the launch moves to Friday because the payment provider needs two more days of testing.';
      assert.ok(fenced(`<task>\nSummarize the email below in 2 sentences.\n</task>\n\n<email>\n${email}\n</email>`));
      assert.ok(fenced(`Summarize the email below in 2 sentences.\n\n<customer_message>\n${email}\n</customer_message>`));
      assert.ok(fenced(`Summarize <email>${email}</email> in 2 sentences.`));
      assert.ok(fenced('<task>\nAnswer the question from the documents only.\n</task>\n\n<context>\n{{retrieved_documents}}\n</context>'));
      assert.ok(fenced('Review the function for off-by-one errors.\n\n<input>\n[paste the code to review here]\n</input>'));
      assert.ok(fenced(`${sectionsOnly}\n\n<input>\n{{release_tickets}}\n</input>`), 'a data element beside section elements');
    });

    it('a closing tag closes only an element of its name', () => {
      assert.equal(fenced('<notes>\nSummarize the meeting in 3 bullets.\n</task>'), false);
      assert.ok(fenced('<task>\nSummarize the meeting notes in 3 bullets.\n<notes>\nAna: ship Friday. Ben: QA needs two more days.\n</notes>\n</task>'));
    });

    it('fence lines around data still count, in any layout', () => {
      assert.ok(fenced('## Task\nExplain what the function below returns for an empty list.\n\n## Input\n```python\ndef first(items):\n    return items[0] if items else None\n```'));
      assert.ok(fenced('Translate the note into Spanish.\n\n"""\nThe office is closed on Monday.\n"""'));
    });
  });

  describe('the cons agree with the total and the suggestions', () => {
    const prompts = [...allPrompts, 'Write a newsletter intro for {{company}} about our Q3 results. Keep it short and fun.', 'x', 'Summarize this.', 'Write a poem.'];

    it('a weak total or any suggestion comes with at least one con, never "nothing significant"', () => {
      for (const text of prompts) {
        const card = judgePrompt(text);
        if (card.total < 30 || card.suggestions.length > 0) assert.ok(card.feedback.cons.length > 0, `no cons for ${JSON.stringify(text)} (${card.total}/50, ${card.suggestions.length} suggestions)`);
      }
    });

    it('the newsletter sample: same scores as before, cons from its weakest axis and missing parts', () => {
      const card = judgePrompt('Write a newsletter intro for {{company}} about our Q3 results. Keep it short and fun.');
      assert.deepEqual([card.clarity, card.specificity, card.actionability, card.structure, card.contextUse, card.total], [6, 3.3, 3, 2.5, 4, 18.8]);
      assert.equal(card.suggestions.length, 5);
      assert.match(card.feedback.cons[0]!, /^Weak structure \(2\.5\/10\)/);
      assert.ok(card.feedback.cons.some((con) => /No steps or deliverables/.test(con)));
      assert.ok(card.feedback.cons.length <= 4);
    });

    it('keeps the rubric’s own cons when there are some', () => {
      const card = judgePrompt('Write something good about stuff, maybe some things.');
      assert.ok(card.feedback.cons.some((con) => /Vague/.test(con)));
      assert.ok(!card.feedback.cons.some((con) => /^Weak /.test(con)));
    });
  });
});
