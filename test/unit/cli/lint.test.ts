import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LintJson } from '../../../src/cli/commands/lintCommand';
import { runCli } from '../../../src/cli/runCli';
import { memoryIo } from '../../helpers/memoryIo';

function promptTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'prompter-lint-'));
  mkdirSync(join(root, 'team', 'node_modules'), { recursive: true });
  writeFileSync(join(root, 'team', 'weak.prompt.md'), '---\nmode: agent\ndescription: a long front matter block that must not be judged\n---\nWrite a haiku.\n');
  writeFileSync(join(root, 'team', 'strong.prompty'), 'You are a release manager. Write release notes for version 2.4 as a bulleted list, one line per change, for end users.\n\nChanges:\n"""\n{changes}\n"""\n\nIf a change is unclear, ask me before including it.\n');
  writeFileSync(join(root, 'team', 'README.md'), 'Not a prompt file.');
  writeFileSync(join(root, 'team', 'node_modules', 'dep.prompt.md'), 'Dependency prompt.');
  return root;
}

describe('prompter lint', () => {
  it('judges prompt files under a folder, skips others, and fails below --min', async () => {
    const root = promptTree();
    const io = memoryIo();
    const code = await runCli(['lint', '--json', '--min', '25', root], io);
    const entries = JSON.parse(io.out) as LintJson[];
    assert.deepEqual(entries.map((e) => e.file.slice(root.length + 1)).sort(), ['team/strong.prompty', 'team/weak.prompt.md']);
    const weak = entries.find((e) => e.file.endsWith('weak.prompt.md'))!;
    const strong = entries.find((e) => e.file.endsWith('strong.prompty'))!;
    assert.equal(weak.pass, false);
    assert.equal(strong.pass, true, `strong scored ${strong.total}`);
    assert.equal(code, 1);
  });

  it('passes when every file reaches --min, and prints one line per file for people', async () => {
    const root = promptTree();
    const io = memoryIo();
    assert.equal(await runCli(['lint', '--min', '5', root], io), 0);
    const lines = io.out.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /weakest: /);
    assert.match(lines[2]!, /^2 files linted, 0 below 5$/);
  });

  it('does not judge YAML front matter', async () => {
    const root = mkdtempSync(join(tmpdir(), 'prompter-lint-'));
    writeFileSync(join(root, 'a.prompt.md'), 'Write a haiku.');
    writeFileSync(join(root, 'b.prompt.md'), '---\ntools: [search, "Output format: JSON", "You are an expert"]\n---\nWrite a haiku.');
    const io = memoryIo();
    await runCli(['lint', '--json', root], io);
    const [a, b] = JSON.parse(io.out) as LintJson[];
    assert.equal(a!.total, b!.total);
  });

  it('names a file on the command line even without a prompt extension, and reports missing paths', async () => {
    const root = promptTree();
    const io = memoryIo();
    const code = await runCli(['lint', '--json', join(root, 'team', 'README.md'), join(root, 'missing')], io);
    assert.equal(code, 2);
    assert.match(io.err, /missing: no such file/);
    assert.equal((JSON.parse(io.out) as LintJson[])[0]!.file, join(root, 'team', 'README.md'));
  });

  it('rejects a bad --min and a missing path list', async () => {
    for (const args of [['lint'], ['lint', '--min', '60', '.'], ['lint', '--min', 'high', '.']]) {
      const io = memoryIo();
      assert.equal(await runCli(args, io), 2, args.join(' '));
    }
  });
});
