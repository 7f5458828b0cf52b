import { strict as assert } from 'node:assert';
import { holdsInstructions } from '../../../src/core/analysis/sections';
import { keptEverything } from '../../../src/core/analysis/templateTokens';
import { codeInputSlot, detectCodeTask } from '../../../src/core/engine/domain';
import { applyHunks } from '../../../src/core/engine/hunks';
import { improvePrompt } from '../../../src/core/engine/improvePrompt';
import { HEADING_NAMES } from '../../../src/core/engine/ownSections';
import { RESTYLE_STRATEGY } from '../../../src/core/engine/renderStructured';
import { judgePrompt } from '../../../src/core/judge/judgePrompt';
import axisPairs from '../../fixtures/judge/axisPairs.json';
import { withoutHeadingSyntax } from './headingSyntax';

const corpus: string[] = [
  'Help me code.',
  'Write a Python function that parses ISO dates from {{input_file}} and returns a list of datetime objects.',
  'Write a marketing email announcing our spring sale to {customer_name}: 20% off until 31 May.',
  'What was the average order value per month in the attached sales data?\n\n${csv_rows}',
  'Summarize the meeting notes below in 5 bullet points.\n\n"""\n<notes>\n"""',
  'Translate "Good morning, [NAME]" into French.',
  'Refactor this:\n```js\nfunction add(a,b){return a+b}\n```',
  // Already structured, one in each style.
  '## Task\nWrite a haiku about {{topic}}.\n\n## Constraints\n- 3 lines\n',
  '<task>\nSummarize the text below in 3 bullets.\n</task>\n\n<input>\n{{text}}\n</input>',
  'Task: write a README section on installing the CLI.\nAudience: developers new to the project.',
  ...(axisPairs as { worse: string }[]).map((pair) => pair.worse),
];

const SEED_IMPROVED = `You are a senior Python developer.
Task: Help me design and implement clean, well-commented Python code for [task].
Deliverables:
- Step-by-step plan with rationale
- Working code examples with docstrings and tests
- Edge cases and performance notes
Constraints: [Python version], [libraries allowed], [time], [I/O limits]
If information is missing, list 3–5 clarifying questions first, then proceed with reasonable assumptions.`;

describe('engine', () => {
  describe('keeps the user’s words', () => {
    for (const text of corpus) {
      it(JSON.stringify(text.slice(0, 50)), () => {
        const result = improvePrompt(text);
        // Unstructured prompts are embedded whole; a structured one may have its empty headings filled in,
        // so its lines must all be there, in order; restyled, only its heading syntax may change.
        const restyled = result.strategies.includes(RESTYLE_STRATEGY);
        const lines = restyled ? withoutHeadingSyntax(result.improved) : result.improved.split('\n');
        let at = 0;
        for (const line of restyled ? withoutHeadingSyntax(text) : text.replace(/\n+$/, '').split('\n')) {
          at = lines.indexOf(line, at);
          assert.ok(at >= 0, `line kept in order: ${JSON.stringify(line)}`);
          at += 1;
        }
        if (!/^(?:Role|Task):|^## |^<task>/m.test(text)) assert.ok(result.improved.includes(text.replace(/\n+$/, '')), 'embedded verbatim');
        assert.ok(keptEverything(result.kept), result.kept.summary);
      });
    }
  });

  it('says what it kept', () => {
    const result = improvePrompt('Write {{count}} taglines for {product} aimed at <audience> in [REGION], each under 8 words, 2 per line.');
    assert.equal(result.kept.summary, 'kept 4/4 variables, 2/2 numbers');
  });

  it('improves weak prompts and explains every change', () => {
    for (const text of corpus) {
      const result = improvePrompt(text);
      assert.ok(result.changed, `no change for ${text}`);
      assert.ok(result.judge.after.total > result.judge.before.total);
      assert.equal(result.explanation.bullets.length, result.strategies.length);
      assert.ok(result.explanation.diffs.length > 0);
      // A prompt with its own sections gets its own layout and two restyles; others three renderings.
      assert.ok(result.candidates.length >= 3, 'renderings judged');
      assert.equal(result.judge.after.total, Math.max(...result.candidates.map((c) => c.total)));
      assert.equal(result.source, 'engine/heuristic@1');
    }
  });

  it('converges: improving again adds no duplicate sections and soon finds nothing more', () => {
    for (const text of corpus) {
      let current = improvePrompt(text);
      let rounds = 1;
      while (current.changed && rounds < 4) {
        const next = improvePrompt(current.improved);
        if (!next.changed) break;
        current = next;
        rounds += 1;
      }
      const final = improvePrompt(current.improved);
      assert.equal(final.changed, false, `still changing after ${rounds} rounds: ${text}`);
      assert.match(final.unchangedReason ?? '', /No further improvement found/);
      for (const heading of ['Role', 'Steps', 'Deliverables', 'Constraints', 'Success criteria']) {
        const count = current.improved.split('\n').filter((line) => new RegExp(`^(?:## |<)?${heading}(?::|>|$)`, 'i').test(line)).length;
        assert.ok(count <= 1, `${heading} appears ${count} times`);
      }
    }
  });

  it('is deterministic', () => {
    for (const text of corpus) assert.deepEqual(improvePrompt(text), improvePrompt(text));
  });

  it('carries any Unicode through intact', () => {
    for (const text of ['请帮我写一封邀请函，邀请{{name}}参加3月5日的发布会。', 'اكتب قصيدة قصيرة عن البحر 🌊', 'Résumé ✨ naïve café — emoji 👩‍💻 and e\u0301']) {
      const result = improvePrompt(text);
      assert.ok(result.improved.includes(text));
    }
  });

  it('fits the domain: Python gets a Python developer and tests', () => {
    const result = improvePrompt('Write a Python script that deduplicates rows in a CSV file.');
    assert.match(result.improved, /Python developer/);
    assert.match(result.improved, /tests/i);
  });

  it('fits the domain: a marketing email gets a copywriter, audience and tone', () => {
    const result = improvePrompt('Write a marketing email announcing our spring sale.');
    assert.match(result.improved, /copywriter/);
    assert.match(result.improved, /Audience/);
    assert.match(result.improved, /Tone/);
  });

  it('fills the empty headings a person left instead of adding new ones', () => {
    const result = improvePrompt('Role:\nTask:\nWrite release notes for version 2.4.\nConstraints:');
    const [ownLayout, ...restyles] = result.candidates;
    assert.equal(ownLayout!.style, 'compact');
    const lines = ownLayout!.text.split('\n');
    assert.equal(lines.filter((l) => l.startsWith('Role:')).length, 1);
    assert.match(lines[lines.indexOf('Role:') + 1]!, /^You are /);
    assert.match(lines[lines.indexOf('Constraints:') + 1]!, /^- /);
    // Restyled, the heading becomes an element (or a markdown heading) with the new text under it.
    const xml = restyles.find((candidate) => candidate.style === 'xml')!.text.split('\n');
    assert.equal(xml.filter((l) => l === '<role>').length, 1);
    assert.match(xml[xml.indexOf('<role>') + 1]!, /^You are /);
    assert.match(xml[xml.indexOf('<constraints>') + 1]!, /^- /);
  });

  it('fits the domain: a data question gets an analyst and an output format', () => {
    const result = improvePrompt('What was the average order value per month last year, and which month was highest?');
    assert.match(result.improved, /data analyst/);
    assert.match(result.improved, /table of the key figures/);
  });

  it('does at least as well as the seed’s improved version of "Help me code."', () => {
    const ours = improvePrompt('Help me code.');
    assert.ok(ours.judge.after.total >= judgePrompt(SEED_IMPROVED).total, `${ours.judge.after.total} vs ${judgePrompt(SEED_IMPROVED).total}`);
  });

  it('ties each hunk to the strategy that made it, and replays any subset of hunks', () => {
    const result = improvePrompt('Write a haiku about autumn.');
    const { diffs } = result.explanation;
    assert.ok(diffs.every((hunk) => /^h\d+$/.test(hunk.id)));
    const named = new Set(diffs.flatMap((hunk) => hunk.strategies));
    for (const strategy of result.strategies) assert.ok(named.has(strategy), `${strategy} has a hunk`);
    assert.equal(applyHunks(result.original, diffs, new Set(diffs.map((h) => h.id))), result.improved);
    assert.equal(applyHunks(result.original, diffs, new Set()), result.original);
    const roleHunk = diffs.find((hunk) => hunk.strategies.includes('add-role'))!;
    const onlyRole = applyHunks(result.original, diffs, new Set([roleHunk.id]));
    assert.ok(onlyRole.includes('Write a haiku about autumn.'));
    assert.ok(roleHunk.lines.filter((l) => l.startsWith('+')).every((l) => onlyRole.includes(l.slice(1))));
    assert.ok(!onlyRole.includes('Deliverables'));
  });

  describe('delimiters: every rendering fences the material, and none gets credit for section tags', () => {
    const fencesData = (text: string): boolean => judgePrompt(text).feedback.pros.includes('Fences input data with delimiters.');

    it('the slot added for the material is fenced in every style', () => {
      const result = improvePrompt('Summarize this article in 3 bullet points.');
      assert.ok(result.strategies.includes('add-input-slot'));
      for (const candidate of result.candidates) assert.ok(fencesData(candidate.text), candidate.style);
    });

    it('without material, the XML rendering scores as the markdown one, and the tie goes to markdown', () => {
      const result = improvePrompt('Write a haiku about autumn.');
      const xml = result.candidates.find((candidate) => candidate.style === 'xml')!;
      assert.equal(fencesData(xml.text), false);
      assert.equal(xml.total, result.candidates.find((candidate) => candidate.style === 'markdown')!.total);
      assert.equal(result.style, 'markdown');
    });

    it('the analysis reads every section name the engine writes as instructions, except the input', () => {
      for (const [key, names] of Object.entries(HEADING_NAMES)) {
        for (const name of names) assert.equal(holdsInstructions(name), key !== 'input', name);
      }
    });
  });

  it('keeps a completion cue at the very end', () => {
    const text = 'Q: A shop sells 3 pens for 2 euros. How much do 12 pens cost?\nA: The answer is';
    const result = improvePrompt(text);
    assert.ok(result.changed);
    assert.ok(result.improved.endsWith('A: The answer is'));
    assert.ok(result.strategies.includes('add-reasoning'));
  });

  it('reports an empty prompt instead of inventing one', () => {
    const result = improvePrompt('   \n ');
    assert.equal(result.changed, false);
    assert.match(result.unchangedReason!, /empty/);
  });

  it('lets a selector choose among the applicable strategies', () => {
    const all = improvePrompt('Write a haiku about autumn.');
    const onlyRole = improvePrompt('Write a haiku about autumn.', { selectStrategies: () => ['add-role'] });
    assert.deepEqual(onlyRole.strategies, ['add-role']);
    assert.deepEqual(onlyRole.skippedStrategies, all.strategies.filter((s) => s !== 'add-role'));
  });

  describe('code work that is not writing code gets its own role, deliverables and input slot', () => {
    const section = (text: string, heading: string): string => {
      const match = new RegExp(`## ${heading}\\n([\\s\\S]*?)(?:\\n\\n## |$)`).exec(text);
      return match?.[1] ?? '';
    };
    const writingOnly = [/writes clean, tested/, /Implement it, then write tests/, /every test passes/, /Unit tests that cover/];

    it('a review asks for findings ranked by severity, with line references and fixes', () => {
      const result = improvePrompt("Review my code and tell me what's wrong");
      assert.equal(result.domain, 'code');
      assert.match(section(result.improved, 'Role'), /reviews code/);
      assert.match(section(result.improved, 'Deliverables'), /Findings ranked by severity/);
      assert.match(section(result.improved, 'Deliverables'), /line reference/);
      assert.match(section(result.improved, 'Deliverables'), /suggested fix/i);
      assert.match(section(result.improved, 'Success criteria'), /names a line/);
      assert.match(section(result.improved, 'Input'), /\[paste the code to review here\]/);
      for (const pattern of writingOnly) assert.doesNotMatch(result.improved, pattern);
      assert.match(result.explanation.bullets.join('\n'), /code review task/);
    });

    it('a triage of a bug report asks for a severity with reasons, and a slot for the report', () => {
      const result = improvePrompt('look at the bug report and figure out how bad it is');
      assert.equal(result.domain, 'code');
      assert.match(section(result.improved, 'Role'), /triages bug reports/);
      assert.match(section(result.improved, 'Deliverables'), /severity rating .* with the reasons/);
      assert.match(section(result.improved, 'Input'), /\[paste the bug report here\]/);
      assert.doesNotMatch(result.improved, /\[paste the code here\]/);
      assert.doesNotMatch(result.improved, /The code is for/);
      for (const pattern of writingOnly) assert.doesNotMatch(result.improved, pattern);
    });

    it('a triage, review or explanation of named material gets an output format that fits its deliverables', () => {
      // "report", "diff" and "regex" name what to work on here, not the shape of the answer.
      const triage = improvePrompt('Please triage the incident report below: is it a release blocker?');
      assert.equal(triage.domain, 'code');
      assert.ok(triage.strategies.includes('add-output-format'));
      assert.match(section(triage.improved, 'Output format'), /^The severity on the first line, then the reasons as bullets \(impact, likelihood, likely cause\)/);
      const review = improvePrompt('Review this Python diff before I merge it.');
      assert.match(section(review.improved, 'Output format'), /numbered list from most to least severe, each as "severity — file, line N: .*suggested fix"/);
      const explain = improvePrompt('Explain what this regex does, step by step please.');
      assert.match(explain.improved, /walk-through as numbered steps/);
      for (const result of [triage, review, explain]) {
        assert.equal(improvePrompt(result.improved).strategies.includes('add-output-format'), false, 'a second improve adds no second format');
      }
    });

    it('a diagnosis asks for the root cause, the evidence and a minimal fix', () => {
      const result = improvePrompt('Why does my Python function return None?');
      assert.match(section(result.improved, 'Role'), /Python developer who debugs/);
      assert.match(section(result.improved, 'Deliverables'), /root cause/);
      assert.match(section(result.improved, 'Deliverables'), /smallest fix/);
      for (const pattern of writingOnly) assert.doesNotMatch(result.improved, pattern);
      assert.equal(codeInputSlot('Debug this code, it fails with the stack trace below', 'diagnose'), '[paste the stack trace here]');
    });

    it('an explanation walks through the code instead of writing new code', () => {
      const result = improvePrompt('Explain what this regex does');
      assert.match(section(result.improved, 'Role'), /explains code/);
      assert.match(section(result.improved, 'Deliverables'), /walk-through/);
      assert.match(section(result.improved, 'Input'), /\[paste the code to explain here\]/);
      for (const pattern of writingOnly) assert.doesNotMatch(result.improved, pattern);
    });

    it('names the input slot after the material the prompt mentions', () => {
      assert.match(improvePrompt('Review this pull request for security issues').improved, /\[paste the diff here\]/);
      assert.equal(codeInputSlot('Review my code for security issues', 'review'), '[paste the code to review here]');
      assert.equal(codeInputSlot('Triage this issue and tell me how urgent it is', 'triage'), '[paste the issue here]');
    });

    it('tells the kinds of code work apart by the earliest verb', () => {
      const cases: [string, string][] = [
        ['Help me code.', 'write'],
        ['Write a Python function that parses ISO dates.', 'write'],
        ['Fix the bug in this function.', 'write'],
        ['Refactor this class, then review it.', 'write'],
        ['Write a parser and explain how the code works.', 'write'],
        ['Review my code and fix the bugs.', 'review'],
        ['Audit this script for security problems.', 'review'],
        ['Debug this: my loop never ends.', 'diagnose'],
        ['My script is not working after the upgrade.', 'diagnose'],
        ['Triage this crash report.', 'triage'],
        ['How serious is this bug?', 'triage'],
        ['Walk me through this function line by line.', 'explain'],
      ];
      for (const [text, task] of cases) assert.equal(detectCodeTask(text), task, text);
    });

    it('leaves a writing-code prompt as it was: a developer who writes tested code', () => {
      const result = improvePrompt('Write a Python function that parses dates');
      assert.equal(section(result.improved, 'Role') || /<role>\n(.*)\n/.exec(result.improved)?.[1], 'You are a senior Python developer who writes clean, tested, well-documented code.');
      assert.match(result.improved, /Implement it, then write tests for normal, edge and error cases\./);
      assert.match(result.improved, /- Working code with docstrings and comments that explain why, not what/);
      assert.match(result.improved, /- The code runs as given, and every test passes/);
      assert.match(improvePrompt('Fix the bug in this function').improved, /\[paste the code here\]/);
    });
  });
});
