import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { StoreWarning } from '../../../src/core/history';
import type { DocCodec } from '../../../src/storage/documents';
import { CorruptFileError, SCHEMA_VERSION, decodeDocument } from '../../../src/storage/documents';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { StoreError } from '../../../src/storage/storeError';
import { tempDir } from './storeTestKit';

const fixtures = join(__dirname, '../../../../test/fixtures/storage');

/** A copy of a fixture store in a temp folder (fixtures are never written in place). */
function copyFixture(name: string): string {
  const dir = join(tempDir('fixture'), name);
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

describe('history store: schemaVersion and migration', () => {
  it('imports the unversioned single-file history (format 0) and keeps the old file under a new name', async () => {
    const dir = copyFixture('format0');
    const before = readFileSync(join(dir, 'history.json'), 'utf8');
    const warnings: StoreWarning[] = [];
    const repo = openHistoryStore(dir, { onWarning: (w) => warnings.push(w) });

    const list = await repo.listPrompts();
    assert.deepEqual(list.map((p) => p.preview), ['Write a haiku about rain.', 'Help me code.'], 'newest first');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.code, 'migrated');
    assert.match(warnings[0]?.message ?? '', /Imported 2 prompts .* kept as history\.json\.migrated-\d{8}T\d{6}Z/);
    assert.equal(existsSync(join(dir, 'history.json')), false);
    const kept = readdirSync(dir).find((n) => n.startsWith('history.json.migrated-'));
    assert.ok(kept, 'the old file is kept');
    assert.equal(readFileSync(join(dir, kept), 'utf8'), before, 'byte for byte');
    assert.equal(JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')).schemaVersion, SCHEMA_VERSION);

    const code = list[1]!;
    assert.equal(code.userId, 'user-1');
    assert.equal(code.bestScore, 40);
    assert.equal(code.bestVersionNo, 1);
    const detail = await repo.getPrompt(code.id);
    assert.deepEqual(detail?.versions.map((v) => v.version.source), ['original', 'engine/heuristic@1', 'engine/llm:unknown']);
    const v1 = detail?.versions[1];
    assert.deepEqual(v1?.version.explanation.diffs[0]?.lines, [
      '-Help me code.',
      '+You are a senior Python developer.',
      '+Task: Help me code.',
    ]);
    assert.equal(v1?.version.parentVersionId, `${code.id}-v0`);
    assert.equal(v1?.scores[0]?.total, 40);
    assert.equal(v1?.scores[0]?.judge, 'legacy');
    assert.deepEqual(v1?.scores[0]?.suggestions, []);

    const haiku = await repo.getPrompt(list[0]!.id);
    assert.deepEqual(haiku?.versions.map((v) => [v.version.versionNo, v.version.text]), [[0, 'Write a haiku about rain.']]);
    assert.equal(haiku?.prompt.bestScore, null, 'an unscored original is best with no score');

    const again: StoreWarning[] = [];
    const reopened = openHistoryStore(dir, { onWarning: (w) => again.push(w) });
    assert.equal((await reopened.listPrompts()).length, 2, 'imported once, not twice');
    assert.deepEqual(again, []);
  });

  it('refuses a file written by a newer format, with a clear message, and leaves it untouched', async () => {
    const dir = copyFixture('future');
    const before = readFileSync(join(dir, 'store.json'), 'utf8');
    const repo = openHistoryStore(dir);
    for (const attempt of [repo.listPrompts(), repo.createPrompt('x', {})]) {
      await assert.rejects(attempt, (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, 'newer-format');
        assert.match(error.message, /newer Prompter \(format 99; this one reads up to 1\)\. Update/);
        return true;
      });
    }
    assert.equal(readFileSync(join(dir, 'store.json'), 'utf8'), before);
    assert.deepEqual(readdirSync(dir).sort(), ['store.json'], 'nothing moved aside or added');
  });

  it('runs the migration chain from an older schemaVersion before validating', () => {
    interface Doc {
      schemaVersion: number;
      title: string;
    }
    const codec: DocCodec<Doc> = {
      kind: 'test doc',
      schema: z.object({ schemaVersion: z.number(), title: z.string() }),
      migrations: [(raw) => ({ title: String(raw['name']) })],
    };
    assert.deepEqual(decodeDocument(codec, { name: 'old' }, 'x.json'), { schemaVersion: 1, title: 'old' });
    assert.deepEqual(decodeDocument(codec, { schemaVersion: 1, title: 'new' }, 'x.json'), { schemaVersion: 1, title: 'new' });
    assert.throws(() => decodeDocument(codec, { schemaVersion: 1, title: 3 }, 'x.json'), CorruptFileError);
    assert.throws(() => decodeDocument(codec, [], 'x.json'), CorruptFileError);
    assert.throws(() => decodeDocument({ ...codec, migrations: [] }, { name: 'old' }, 'x.json'), /no migration from format 0/);
  });
});
