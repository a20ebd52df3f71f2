/**
 * The local store's write-ahead journal. A change to several documents (a transaction, or a plain
 * write that touches many) is first written whole to one journal file — written to a temporary
 * name, fsynced, renamed, the directory fsynced — then applied to the collection files, which are
 * fsynced, and only then is the journal file deleted. A process killed at any point leaves either
 * no journal (nothing of the change, or all of it, is in the collection files) or a complete one,
 * which the next start applies again: applying is idempotent (whole documents, removals by id).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { StoredDoc } from '../server/db/types';

/** One document as the change leaves it: its whole new content, or null when it is removed. */
export type JournalEntry = { collection: string; id: string; doc: StoredDoc | null };

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class Journal {
  private sequence = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Durably records a change before it is applied; returns the file to clear once applied. */
  async record(entries: JournalEntry[]): Promise<string> {
    this.sequence += 1;
    const name = `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${String(this.sequence).padStart(6, '0')}.json`;
    const file = path.join(this.dir, name);
    const temporary = `${file}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify(entries));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    await fsyncPath(this.dir);
    return file;
  }

  async clear(file: string): Promise<void> {
    await rm(file, { force: true });
  }

  /**
   * Complete journals left by a process that died before clearing them, oldest first; half-written
   * temporaries are dropped. A journal that cannot be read (it was renamed into place only after
   * its fsync, so this means the disk lied) is moved to `bad/` and reported, not retried forever.
   */
  leftOver(): { file: string; entries: JournalEntry[] }[] {
    if (!existsSync(this.dir)) return [];
    const names = readdirSync(this.dir).sort();
    for (const name of names.filter((one) => one.endsWith('.tmp'))) rmSync(path.join(this.dir, name), { force: true });
    return names
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => {
        const file = path.join(this.dir, name);
        try {
          const entries = JSON.parse(readFileSync(file, 'utf8')) as JournalEntry[];
          if (!Array.isArray(entries)) throw new Error('not a list of entries');
          return [{ file, entries }];
        } catch (error) {
          mkdirSync(path.join(this.dir, 'bad'), { recursive: true });
          renameSync(file, path.join(this.dir, 'bad', name));
          console.error(`[store] unreadable journal ${name} moved to journal/bad: ${(error as Error).message}`);
          return [];
        }
      });
  }
}

/** Flush a collection file to the disk (the journal is cleared only after this). */
export async function flushFile(file: string): Promise<void> {
  if (existsSync(file)) await fsyncPath(file);
}
