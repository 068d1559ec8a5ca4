import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { BACKUP_NAME, type BackupInfo } from '../../model/storage.ts';
import { quickCheck } from './integrity.ts';

// The backup files themselves: naming, writing a verified copy, listing, rotating.

export interface RotationPolicy {
  // The newest few, whatever their age: the last hours of work.
  keepNewest: number;
  // Plus the newest backup of each of the last few calendar days: a mistake noticed late (a
  // draft emptied on Monday, found on Thursday) still has a copy from before it.
  keepDays: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepNewest: 5, keepDays: 7 };

export function backupName(at: Date): string {
  return `drafts-${at.toISOString().replace(/[:.]/g, '-')}.db`;
}

export function backupTime(name: string): Date | undefined {
  if (!BACKUP_NAME.test(name)) return undefined;
  const match = /^drafts-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/.exec(name)!;
  const time = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

// Counts a backup's drafts, or undefined when it is not sound. A parameter so the tests can
// make verification fail, which a real VACUUM INTO almost never does.
export type Verify = (file: string) => number | undefined;

export class BackupFiles {
  readonly dir: string;
  readonly #verify: Verify;

  constructor(dir: string, verify: Verify = (file) => inspect(file)) {
    this.dir = dir;
    this.#verify = verify;
  }

  // Only names that match the pattern exactly ever become a path, so an id from the renderer
  // cannot reach outside the folder.
  pathOf(id: string): string | undefined {
    return backupTime(id) ? join(this.dir, id) : undefined;
  }

  names(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((name) => backupTime(name) !== undefined)
      .sort()
      .reverse();
  }

  // Newest first; a backup that cannot be read is left out rather than offered for restore.
  // Each was verified when written, and is verified again before a restore, so listing only
  // counts (an index scan) instead of reading every page of up to a dozen files.
  list(): BackupInfo[] {
    return this.names().flatMap((id) => {
      const drafts = inspect(join(this.dir, id), false);
      return drafts === undefined ? [] : [{ id, createdAt: backupTime(id)!.toISOString(), drafts }];
    });
  }

  // VACUUM INTO writes a compact, consistent copy even while the database is in use. It goes to
  // a temporary name first and only takes its real name once it is on disk and passes
  // quick_check, so a half-written or bad copy never counts as a backup.
  write(db: DatabaseSync, at: Date): BackupInfo {
    mkdirSync(this.dir, { recursive: true });
    const id = backupName(at);
    const final = join(this.dir, id);
    const partial = `${final}.partial`;
    rmSync(partial, { force: true });
    try {
      db.prepare('VACUUM INTO ?').run(partial);
      syncFile(partial, 'r+');
      const drafts = this.#verify(partial);
      if (drafts === undefined) throw new Error('backup failed verification (quick_check)');
      renameSync(partial, final);
      syncFile(this.dir, 'r');
      return { id, createdAt: at.toISOString(), drafts };
    } finally {
      rmSync(partial, { force: true });
    }
  }

  // Deletes what the policy does not keep. Called only after a new backup was verified, so the
  // old copies go only once a good new one is there.
  rotate(now: Date, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
    const kept = chooseKept(this.names(), now, policy);
    const removed = this.names().filter((name) => !kept.has(name));
    // Copies a crash interrupted mid-write never became backups; they go too.
    const partials = readdirSync(this.dir).filter((name) => name.endsWith('.partial') && backupTime(name.slice(0, -'.partial'.length)));
    for (const name of [...removed, ...partials]) rmSync(join(this.dir, name), { force: true });
    return removed;
  }
}

// Names come newest first. Days are the writer's local calendar days: today and the
// keepDays - 1 days before it.
export function chooseKept(names: readonly string[], now: Date, policy: RotationPolicy): Set<string> {
  const kept = new Set(names.slice(0, policy.keepNewest));
  const today = startOfDay(now);
  const days = new Set<number>();
  for (const name of names) {
    const day = startOfDay(backupTime(name)!);
    // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
    const back = Math.round((today - day) / (24 * 60 * 60_000));
    if (back < 0 || back >= policy.keepDays || days.has(day)) continue;
    days.add(day);
    kept.add(name);
  }
  return kept;
}

function startOfDay(time: Date): number {
  return new Date(time.getFullYear(), time.getMonth(), time.getDate()).getTime();
}

// The number of drafts outside the trash, or undefined when the file is not a sound database
// (or, with verify, does not pass quick_check).
export function inspect(file: string, verify = true): number | undefined {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    if (verify && !quickCheck(db)) return undefined;
    const row = db.prepare('SELECT count(*) AS n FROM drafts WHERE trashed_at IS NULL').get() as { n: number };
    return row.n;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

// Flushed to the disk before it is renamed into place, so a power cut cannot leave a backup
// that has a name but not its pages; then the folder, so the new name survives too. Folders
// cannot be opened this way on Windows: that step is skipped there.
function syncFile(path: string, mode: 'r+' | 'r'): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, mode);
    fsyncSync(fd);
  } catch (error) {
    if (mode === 'r+') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
