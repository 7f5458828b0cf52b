import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputErrorJson } from '../../../src/cli/commands/commandContext';
import type { ImproveJson } from '../../../src/cli/commands/improveCommand';
import type { JudgeJson } from '../../../src/cli/commands/judgeCommand';
import { CLI_VERSION, runCli } from '../../../src/cli/runCli';
import { memoryIo } from '../../helpers/memoryIo';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const SAMPLE = 'test/fixtures/samples/help-me-code.prompt.md';

describe('prompter CLI', () => {
  describe('judge', () => {
    it('prints ONE JSON array with a scorecard per input, in order', async () => {
      const io = memoryIo('Summarize the notes below in 3 bullets.\n\n"""\n{notes}\n"""');
      const code = await runCli(['judge', '--json', SAMPLE, '-'], io);
      assert.equal(code, 0);
      const cards = JSON.parse(io.out) as Record<string, unknown>[];
      assert.equal(cards.length, 2);
      assert.deepEqual(cards.map((c) => c.file), [SAMPLE, '-']);
      for (const card of cards) {
        for (const key of ['clarity', 'specificity', 'actionability', 'structure', 'contextUse', 'total', 'feedback', 'suggestions']) assert.ok(key in card, key);
        const feedback = card.feedback as Record<string, unknown>;
        assert.ok(Array.isArray(feedback.pros) && Array.isArray(feedback.cons) && typeof feedback.summary === 'string');
      }
    });

    it('reads stdin when no file is given, and prints a readable scorecard', async () => {
      const io = memoryIo('Write a haiku about autumn.');
      assert.equal(await runCli(['judge'], io), 0);
      assert.match(io.out, /\/50/);
      assert.match(io.out, /clarity/);
    });
  });

  describe('improve', () => {
    it('prints ONE JSON array with the documented fields', async () => {
      const io = memoryIo();
      assert.equal(await runCli(['improve', '--json', '--no-store', SAMPLE], io), 0);
      const entry = (JSON.parse(io.out) as ImproveJson[])[0]!;
      assert.equal(entry.file, SAMPLE);
      assert.ok(entry.improved.includes('Help me code.'));
      assert.ok(entry.explanation.bullets.length > 0);
      assert.ok(entry.explanation.diffs.every((h) => Array.isArray(h.lines) && typeof h.id === 'string'));
      assert.ok(entry.strategies.includes('add-role'));
      assert.equal(typeof entry.kept.summary, 'string');
      assert.ok(entry.judge.after.total > entry.judge.before.total);
      assert.ok(entry.candidates.length >= 3 && entry.candidates.every((c) => typeof c.style === 'string' && typeof c.total === 'number'));
    });

    it('prints the rewrite, the bullets, the diff and the scores for people', async () => {
      const io = memoryIo();
      assert.equal(await runCli(['improve', '--no-store', SAMPLE], io), 0);
      for (const part of ['Help me code.', 'Why:', 'Diff:', '@@', 'Scores:', 'Candidates:']) assert.ok(io.out.includes(part), part);
      assert.ok(!io.out.includes('\u001b['), 'no colour when not a terminal');
    });

    it('colours the diff on a terminal: added lines green, hunk headers cyan', async () => {
      const io = memoryIo('', {}, { color: true });
      assert.equal(await runCli(['improve', '--no-store', SAMPLE], io), 0);
      assert.ok(io.out.includes('\u001b[32m+'), 'green added lines');
      assert.ok(io.out.includes('\u001b[36m@@'), 'cyan hunk headers');
    });
  });

  describe('bad input gets a clear message and loses nothing', () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['empty', '', /empty/],
      ['white space only', '  \n\t ', /empty/],
      ['binary', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /binary/],
      ['invalid UTF-8', new Uint8Array([0x48, 0x69, 0xc3, 0x28]), /UTF-8/],
      ['too large', 'x'.repeat(5001), /more than the limit of 5,000/],
    ];
    for (const [label, content, message] of cases) {
      it(`${label}: exit 2, a one-line message, and the other inputs still processed`, async () => {
        const io = memoryIo('', { 'bad.txt': content });
        const code = await runCli(['judge', '--json', '--max-chars', '5000', SAMPLE, 'bad.txt', SAMPLE], io);
        assert.equal(code, 2);
        assert.match(io.err, message);
        assert.equal(io.err.trim().split('\n').length, 1);
        const entries = JSON.parse(io.out) as [JudgeJson, InputErrorJson, JudgeJson];
        assert.equal(entries.length, 3);
        assert.equal(typeof entries[0].total, 'number');
        assert.equal(entries[1].error.problem.length > 0, true);
        assert.equal(typeof entries[2].total, 'number');
      });
    }

    it('a missing file is named', async () => {
      const io = memoryIo();
      assert.equal(await runCli(['improve', 'no/such/file.md'], io), 2);
      assert.match(io.err, /no\/such\/file\.md: no such file/);
    });

    it('usage errors exit 2 with a hint', async () => {
      for (const args of [['frobnicate'], ['judge', '--bogus'], ['judge', '--max-chars', 'lots'], []]) {
        const io = memoryIo();
        assert.equal(await runCli(args, io), 2, args.join(' '));
        assert.ok(io.err.length > 0 || io.out.includes('Usage'), args.join(' '));
      }
    });

    it('odd Unicode comes through intact', async () => {
      const text = 'Résumé ✨ 请总结 اكتب 👩‍💻 e\u0301 \u202e';
      const io = memoryIo(text);
      assert.equal(await runCli(['improve', '--json', '--no-store'], io), 0);
      assert.ok((JSON.parse(io.out) as { improved: string }[])[0]!.improved.includes(text));
    });
  });

  it('--version matches package.json', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['--version'], io), 0);
    assert.equal(io.out.trim(), (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    assert.equal(CLI_VERSION, io.out.trim());
  });

  describe('the built binary', () => {
    it('runs as a real process: stdin, files, exit codes', () => {
      const ok = spawnSync(process.execPath, [CLI, 'judge', '--json', '-'], { input: 'Explain recursion in Python to a beginner in 5 sentences.', encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stderr);
      assert.equal((JSON.parse(ok.stdout) as unknown[]).length, 1);
      const bad = spawnSync(process.execPath, [CLI, 'improve', 'missing.prompt.md'], { encoding: 'utf8' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /missing\.prompt\.md: no such file/);
    });
  });
});
