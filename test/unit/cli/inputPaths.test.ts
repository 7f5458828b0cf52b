import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readInputs } from '../../../src/cli/readInputs';
import { runCli } from '../../../src/cli/runCli';
import type { MemoryIo } from '../../helpers/memoryIo';
import { memoryIo } from '../../helpers/memoryIo';

const PROMPT = 'You are a release manager. Write release notes for version 2.4 as a bulleted list, one line per change, for end users.\n';

/** A folder with the given files (relative path → text). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'prompter-paths-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** An io whose stdin must never be read: reading it records the fact and yields a prompt. */
function noStdinIo(): MemoryIo & { stdinRead: boolean } {
  const io = Object.assign(memoryIo(), { stdinRead: false });
  io.readStdin = () => {
    io.stdinRead = true;
    return Promise.resolve(Buffer.from('Write a haiku.'));
  };
  return io;
}

async function files(command: string, ...paths: string[]): Promise<string[]> {
  const io = noStdinIo();
  const code = await runCli([command, '--json', ...(command === 'improve' ? ['--no-store'] : []), ...paths], io);
  assert.equal(code === 0 || code === 1, true, `${command}: exit ${code}, ${io.err}`);
  assert.equal(io.stdinRead, false);
  return (JSON.parse(io.out) as { file: string }[]).map((entry) => entry.file);
}

describe('prompter: which files a folder gives', () => {
  it('a folder of plain .md and .txt prompts is linted (it was "0 files linted" from an empty stdin)', async () => {
    const root = tree({ 'summary.md': PROMPT, 'triage.txt': PROMPT, 'nested/review.md': PROMPT });
    const io = noStdinIo();
    const code = await runCli(['lint', '--min', '5', root], io);
    assert.equal(code, 0, io.err);
    assert.equal(io.stdinRead, false);
    assert.match(io.out, /^3 files linted, 0 below 5$/m);
  });

  it('skips project documents, dependencies, build output and hidden folders, but searches .github', async () => {
    const root = tree({
      'a.prompt.md': PROMPT,
      'b.md': PROMPT,
      'README.md': 'About these prompts.',
      'CHANGELOG.md': '## 1.0',
      'LICENSE.txt': 'MIT',
      'docs/readme.de.md': 'Über diese Prompts.',
      'node_modules/dep/x.prompt.md': PROMPT,
      'dist/x.md': PROMPT,
      '.prompter/x.md': PROMPT,
      '.drafts/x.prompt.md': PROMPT,
      '.github/prompts/c.prompt.md': PROMPT,
    });
    assert.deepEqual(await files('lint', root), [join(root, '.github', 'prompts', 'c.prompt.md'), join(root, 'a.prompt.md'), join(root, 'b.md')]);
  });

  it('a repository root gives only *.prompt.md, *.prompt.txt and *.prompty; its prompts folder gives plain .md too', async () => {
    const root = tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/x.prompt.md': PROMPT, 'docs/guide.md': 'How to build.', 'requirements.txt': 'zod', 'prompts/a.md': PROMPT, 'prompts/b.prompty': PROMPT });
    assert.deepEqual(await files('lint', root), [join(root, 'prompts', 'b.prompty')]);
    assert.deepEqual(await files('lint', join(root, 'prompts')), [join(root, 'prompts', 'a.md'), join(root, 'prompts', 'b.prompty')]);
  });

  it('judge, improve and lint expand a folder alike, show relative paths as given, and keep each file once', async () => {
    const folder = 'test/fixtures/sample-prompts';
    const expected = ['code-review.prompt.md', 'meeting-notes.prompt.txt', 'newsletter.prompt.md', 'support-reply.prompt.md'].map((name) => `${folder}/${name}`);
    for (const command of ['judge', 'improve', 'lint']) assert.deepEqual(await files(command, folder, `${folder}/`), expected, command);
  });

  it('a file named on the command line is taken as it is, in the order given, beside stdin', async () => {
    const root = tree({ 'notes.md': PROMPT, 'prompts/a.md': PROMPT });
    const io = noStdinIo();
    assert.equal(await runCli(['judge', '--json', join(root, 'notes.md'), '-', join(root, 'prompts')], io), 0);
    assert.equal(io.stdinRead, true);
    assert.deepEqual((JSON.parse(io.out) as { file: string }[]).map((e) => e.file), [join(root, 'notes.md'), '-', join(root, 'prompts', 'a.md')]);
  });

  describe('a folder or pattern that gives nothing is an error, never a read of stdin', () => {
    const empty = (): string => tree({ 'README.md': 'About.', 'node_modules/x.prompt.md': PROMPT });
    for (const command of ['judge', 'improve', 'lint']) {
      it(`${command}: one line naming the folder, exit 2, nothing read`, async () => {
        const root = empty();
        const io = noStdinIo();
        const code = await runCli([command, '--json', ...(command === 'improve' ? ['--no-store'] : []), join(root, 'README.md'), root], io);
        assert.equal(code, 2);
        assert.equal(io.stdinRead, false);
        assert.equal(io.out, '');
        assert.equal(io.err.trim().split('\n').length, 1, io.err);
        assert.ok(io.err.startsWith(`prompter: ${root}: no prompt files in this folder`), io.err);
      });
    }

    it('a repository root says which files count there', async () => {
      const root = tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'notes.md': PROMPT });
      const io = noStdinIo();
      assert.equal(await runCli(['lint', root], io), 2);
      assert.match(io.err, /repository's root, so only \*\.prompt\.md, \*\.prompt\.txt and \*\.prompty files count/);
    });

    for (const command of ['judge', 'improve']) {
      it(`${command} with no path and a terminal on stdin (a nullglob pattern that matched nothing): exit 2, no wait for typing`, async () => {
        const io = Object.assign(noStdinIo(), { stdinIsTerminal: true });
        assert.equal(await runCli([command, ...(command === 'improve' ? ['--no-store'] : [])], io), 2);
        assert.equal(io.stdinRead, false);
        assert.equal(io.out, '');
        assert.equal(io.err, `prompter: no prompt given: name a FILE or folder, or pipe the prompt in (use - to type it here).\nRun "prompter ${command} --help" for usage.\n`);
      });
    }

    it('an explicit - reads stdin even when it is a terminal', async () => {
      const io = Object.assign(noStdinIo(), { stdinIsTerminal: true });
      assert.equal(await runCli(['judge', '--json', '-'], io), 0);
      assert.equal(io.stdinRead, true);
    });

    it('a glob pattern the shell passed unexpanded', async () => {
      const root = tree({ 'a.txt': PROMPT });
      const io = noStdinIo();
      assert.equal(await runCli(['lint', join(root, '*.md')], io), 2);
      assert.equal(io.err, `prompter: ${join(root, '*.md')}: no file matches this pattern.\n`);
      assert.equal(io.stdinRead, false);
    });
  });

  it('stdin is read when no path is given, and reading an empty list reads nothing', async () => {
    const io = noStdinIo();
    assert.equal(await runCli(['judge', '--json'], io), 0);
    assert.equal(io.stdinRead, true);
    const quiet = noStdinIo();
    assert.deepEqual(await readInputs([], quiet, 1000), []);
    assert.equal(quiet.stdinRead, false);
  });
});
