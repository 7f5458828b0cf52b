import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputErrorJson } from '../../../src/cli/commands/commandContext';
import type { ImproveJson } from '../../../src/cli/commands/improveCommand';
import type { JudgeJson } from '../../../src/cli/commands/judgeCommand';
import type { LintJson } from '../../../src/cli/commands/lintCommand';
import { runCli } from '../../../src/cli/runCli';
import { memoryIo } from '../../helpers/memoryIo';

// Front matter that would move the score if it were judged: it names a role and an output format.
const HEAD = '---\r\nmode: agent\r\ntools: [codebase, "Output format: JSON", "You are an expert"]\r\n---\r\n\r\n';
const BODY = 'Summarize this article for me. Make it good and not too long.\n';

function promptFiles(files: Record<string, string>): (name: string) => string {
  const root = mkdtempSync(join(tmpdir(), 'prompter-front-matter-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return (name) => join(root, name);
}

async function json<T>(args: string[], stdin = ''): Promise<{ code: number; entries: T[]; err: string }> {
  const io = memoryIo(stdin);
  const code = await runCli(args, io);
  return { code, entries: JSON.parse(io.out) as T[], err: io.err };
}

describe('prompter judge and improve on files with front matter', () => {
  it('improve keeps the front matter on top, byte for byte, and rewrites only the prompt', async () => {
    const path = promptFiles({ 'a.prompt.md': HEAD + BODY, 'b.prompt.md': BODY });
    const { code, entries } = await json<ImproveJson>(['improve', '--json', '--no-store', path('a.prompt.md'), path('b.prompt.md')]);
    assert.equal(code, 0);
    const [withHead, plain] = entries as [ImproveJson, ImproveJson];
    assert.ok(withHead.changed);
    assert.ok(withHead.improved.startsWith(`${HEAD}## Role`), withHead.improved.slice(0, 160));
    // The same rewrite as the prompt alone gets: nothing of the YAML went in.
    assert.equal(withHead.improved.slice(HEAD.length), plain.improved);
    assert.equal(withHead.improved.split('mode: agent').length, 2);
    assert.equal(withHead.judge.before.total, plain.judge.before.total);
    assert.equal(readFileSync(path('a.prompt.md'), 'utf8'), HEAD + BODY, 'the file itself is left alone');
  });

  it('improve counts hunk lines from the top of the file, so they match `improved`', async () => {
    const path = promptFiles({ 'a.prompt.md': HEAD + BODY });
    const [entry] = (await json<ImproveJson>(['improve', '--json', '--no-store', path('a.prompt.md')])).entries;
    const lines = entry!.improved.split('\n');
    assert.ok(entry!.explanation.diffs.length > 0);
    for (const hunk of entry!.explanation.diffs) {
      const added = hunk.lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1));
      assert.deepEqual(lines.slice(hunk.newStart - 1, hunk.newStart - 1 + added.length), added, hunk.id);
    }
  });

  it('improve prints the front matter at the top of the rewrite for people', async () => {
    const path = promptFiles({ 'a.prompt.md': HEAD + BODY });
    const io = memoryIo();
    assert.equal(await runCli(['improve', '--no-store', path('a.prompt.md')], io), 0);
    const rewrite = io.out.slice(io.out.indexOf('\n\n') + 2);
    assert.ok(rewrite.startsWith(`${HEAD}## Role`), rewrite.slice(0, 160));
  });

  it('improve stores the prompt without its front matter', async () => {
    const path = promptFiles({ 'a.prompt.md': HEAD + BODY });
    const store = mkdtempSync(join(tmpdir(), 'prompter-front-matter-store-'));
    const [entry] = (await json<ImproveJson>(['improve', '--json', '--store', store, path('a.prompt.md')])).entries;
    assert.ok(entry!.improved.startsWith(HEAD));
    const io = memoryIo();
    assert.equal(await runCli(['history', '--json', '--store', store, entry!.promptId!], io), 0);
    const detail = JSON.parse(io.out) as { prompt: { originalText: string }; versions: { version: { versionNo: number; text: string } }[] };
    assert.equal(detail.prompt.originalText, BODY);
    assert.equal(detail.versions.length, 2);
    assert.ok(detail.versions.every(({ version }) => !version.text.includes('mode: agent')));
  });

  it('judge scores the prompt after the front matter, the same total lint gives the file', async () => {
    const path = promptFiles({ 'a.prompt.md': HEAD + BODY, 'b.prompt.md': BODY });
    const judged = await json<JudgeJson>(['judge', '--json', path('a.prompt.md'), path('b.prompt.md')]);
    const linted = await json<LintJson>(['lint', '--json', path('a.prompt.md')]);
    const [withHead, plain] = judged.entries as [JudgeJson, JudgeJson];
    assert.equal(withHead.total, plain.total);
    assert.equal(withHead.total, linted.entries[0]!.total);
  });

  it('front matter on standard input is set aside too, as lint does for any file', async () => {
    const judged = await json<JudgeJson>(['judge', '--json'], HEAD + BODY);
    const plain = await json<JudgeJson>(['judge', '--json'], BODY);
    assert.equal(judged.entries[0]!.total, plain.entries[0]!.total);
    const improved = await json<ImproveJson>(['improve', '--json', '--no-store', '-'], HEAD + BODY);
    assert.ok(improved.entries.at(-1)!.improved.startsWith(HEAD));
  });

  it('a file of front matter only is refused as empty by judge, improve and lint, and the other inputs are still processed', async () => {
    const path = promptFiles({ 'only.prompt.md': '---\nmode: agent\n---\n\n', 'empty.prompt.md': '', 'b.prompt.md': BODY });
    for (const command of ['judge', 'improve', 'lint']) {
      const args = [command, '--json', ...(command === 'improve' ? ['--no-store'] : []), path('only.prompt.md'), path('empty.prompt.md'), path('b.prompt.md')];
      const { code, entries, err } = await json<InputErrorJson | JudgeJson>(args);
      assert.equal(code, 2, command);
      const [only, empty, ok] = entries as [InputErrorJson, InputErrorJson, JudgeJson];
      assert.equal(only.error.problem, 'empty');
      assert.equal(empty.error.problem, 'empty');
      assert.match(only.error.message, /only front matter/);
      assert.ok(err.includes(`${path('only.prompt.md')}: The prompt is empty`), err);
      assert.ok(!('error' in ok), `${command}: the last file was not processed`);
    }
  });
});
