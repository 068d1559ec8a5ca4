import { existsSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { isCorruption } from './storage-errors.ts';

export type FileCheck = 'missing' | 'ok' | 'damaged';

// Beside the database, SQLite keeps its write-ahead log and the log's index. Committed saves
// can still be in the log, so the three files always move together.
export const COMPANIONS = ['', '-wal', '-shm'] as const;

export function quickCheck(db: DatabaseSync): boolean {
  const rows = db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
  return rows.length === 1 && rows[0]!.quick_check === 'ok';
}

// Looks at the file without changing it: a read-only connection neither writes nor, on close,
// folds the log into the file, so a damaged database is set aside exactly as it was found.
// Errors that are not damage (permissions, locks) are thrown: the caller must not move a good
// file aside because it could not be read just now.
export function checkDatabaseFile(file: string): FileCheck {
  if (!existsSync(file)) return 'missing';
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    return quickCheck(db) ? 'ok' : 'damaged';
  } catch (error) {
    if (isCorruption(error)) return 'damaged';
    throw error;
  } finally {
    db?.close();
  }
}

// Renames drafts.db (and its -wal/-shm) to drafts.db.damaged-<time>, in the same folder so it is
// a rename, never a copy that could fail halfway. Returns the new file name, without a path.
export function moveAside(file: string, now: Date, label = 'damaged'): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.${label}-${stamp}`;
  for (let n = 2; COMPANIONS.some((suffix) => existsSync(target + suffix)); n++) target = `${file}.${label}-${stamp}-${n}`;
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return basename(target);
}

// The newest file moveAside() made of this database (without its -wal/-shm), if any.
export function lastSetAside(file: string): string | undefined {
  const prefix = `${basename(file)}.damaged-`;
  return readdirSync(dirname(file))
    .filter((name) => name.startsWith(prefix) && !name.endsWith('-wal') && !name.endsWith('-shm'))
    .sort()
    .at(-1);
}
