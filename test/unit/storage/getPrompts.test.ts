import { strict as assert } from 'node:assert';
import { openHistoryStore } from '../../../src/storage/fileHistoryRepository';
import { scoreOf, tempDir, versionOf } from './storeTestKit';

describe('history store: several prompts in one read', function () {
  this.timeout(60_000);

  it('returns each prompt as getPrompt does, in the order asked, leaving out unknown ids', async () => {
    const repo = openHistoryStore(tempDir('get-prompts'));
    const ids: string[] = [];
    for (let p = 0; p < 3; p += 1) {
      const { prompt, original } = await repo.createPrompt(`Prompt ${p}`, {}, { score: scoreOf(10) });
      // Spans two version pages (32 versions each) for the last prompt.
      for (let v = 0; v < (p === 2 ? 33 : 1); v += 1) await repo.appendVersion(prompt.id, versionOf(original.id, `v${v}`), scoreOf(11 + (v % 30)), { adoptIfAtLeastBest: true });
      ids.push(prompt.id);
    }
    const missing = `${ids[0]!.slice(0, -1)}${ids[0]!.endsWith('z') ? 'y' : 'z'}`;
    const many = await repo.getPrompts([ids[2]!, missing, ids[0]!]);
    assert.deepEqual(many.map((d) => d.prompt.id), [ids[2], ids[0]]);
    assert.deepEqual(many[0], await repo.getPrompt(ids[2]!));
    assert.equal(many[0]!.versions.length, 34);
    assert.deepEqual(await repo.getPrompts([]), []);
  });
});
