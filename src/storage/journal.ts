/**
 * Multi-file commits. A write touches a few small files (a version page, a manifest, an index page, the
 * head); each is replaced atomically, and the journal makes the set atomic: it is written (fsynced, renamed
 * into place) before any file changes, so after a crash either no journal exists (old state) or a complete
 * one does, and the next operation under the lock replays it to the end (new state).
 */
import { dirname, join } from 'node:path';
import type { JournalDoc, JournalOp } from './documents';
import { SCHEMA_VERSION, journalCodec } from './documents';
import { AtomicJsonFile, TEMP_SUFFIX, writeFileAtomic } from './atomicJsonFile';
import { lowClass } from './lowdbModule';
import { JOURNAL_FILE } from './storeLayout';
import type { StoreFs } from './storeFs';

/** Commits `ops` in `dir`: journal first, then each step, then the journal is removed. */
export async function commitJournal(fs: StoreFs, dir: string, ops: JournalOp[], now: number): Promise<void> {
  if (ops.length === 0) return;
  const journal: JournalDoc = { schemaVersion: SCHEMA_VERSION, createdAt: now, ops };
  // NOTE: the journal is compact JSON: it holds every file of the commit once more, and nobody diffs it.
  await writeFileAtomic(fs, join(dir, JOURNAL_FILE), JSON.stringify(journal));
  await fs.syncDir(dir); // the commit point: from here on the commit survives a crash
  await applyJournal(fs, dir, journal);
}

/** Reads the journal left by an interrupted commit; null when there is none. Throws CorruptFileError. */
export async function readJournal(fs: StoreFs, dir: string): Promise<JournalDoc | null> {
  const Low = await lowClass();
  const db = new Low<JournalDoc | null>(new AtomicJsonFile(fs, join(dir, JOURNAL_FILE), journalCodec, undefined), null);
  await db.read();
  return db.data;
}

/** Applies every step of a journal (each is idempotent, so a replay after a crash is safe), then removes it. */
export async function applyJournal(fs: StoreFs, dir: string, journal: JournalDoc): Promise<void> {
  const touched = new Set<string>();
  const made = new Set<string>();
  const ensureDir = async (folder: string): Promise<void> => {
    if (made.has(folder)) return;
    await fs.mkdirp(folder);
    made.add(folder);
  };
  for (const op of journal.ops) {
    switch (op.op) {
      case 'write': {
        const path = join(dir, op.path);
        await ensureDir(dirname(path));
        await writeFileAtomic(fs, path, `${JSON.stringify(op.doc, null, 2)}\n`);
        touched.add(dirname(path));
        break;
      }
      case 'remove':
        await fs.remove(join(dir, op.path));
        touched.add(dirname(join(dir, op.path)));
        break;
      case 'rename':
        if (await fs.exists(join(dir, op.from))) await fs.rename(join(dir, op.from), join(dir, op.to));
        touched.add(dirname(join(dir, op.to)));
        break;
    }
  }
  // Every replaced file must be durable before the journal that could replay it goes away.
  for (const folder of touched) await fs.syncDir(folder);
  await fs.remove(join(dir, JOURNAL_FILE));
}

/** Deletes temp files a crashed writer left in `folder` (safe under the lock: no one else is writing). */
export async function removeStaleTemps(fs: StoreFs, folder: string): Promise<void> {
  for (const name of await fs.readdir(folder)) {
    if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) await fs.remove(join(folder, name));
  }
}

/** The folders a journal's steps write into, for cleaning temp files after a crash. */
export function journalFolders(dir: string, journal: JournalDoc): string[] {
  const folders = new Set<string>([dir]);
  for (const op of journal.ops) folders.add(dirname(join(dir, op.op === 'rename' ? op.to : op.path)));
  return [...folders];
}
