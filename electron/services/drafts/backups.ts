import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { BackupInfo } from '../../model/storage.ts';
import { BackupFiles, DEFAULT_ROTATION, type RotationPolicy, type Verify } from './backup-files.ts';

// Rolling backups of drafts.db in <dataDir>/backups/.
//
// When: on open, then at most every 30 minutes while the app runs, and on close.
// Kept: the newest 5, plus the newest of each of the last 7 calendar days (see backup-files.ts),
// so at most 12 files. A new copy must pass quick_check before any older one is deleted.
// Cheap: a backup is skipped when nothing changed since the last one, and when the database
// has no drafts at all (nothing to protect, and an empty copy would push good ones out).
//
// "Changed" while running is SQLite's total_changes() for this connection, which counts every
// insert, update and delete on any table, whatever tables are added later. Across runs, a
// clean close leaves last-close.json naming the backup the database then matched; a run that
// crashed leaves none, so the next start backs up.

export const BACKUP_INTERVAL_MS = 30 * 60_000;
const MARKER = 'last-close.json';

export interface RollingBackupsOptions {
  dir: string;
  now: () => Date;
  intervalMs?: number;
  policy?: RotationPolicy;
  onError?: (error: unknown) => void;
  verify?: Verify;
}

export class RollingBackups {
  readonly files: BackupFiles;
  readonly #options: RollingBackupsOptions;
  #db: DatabaseSync | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  // The backup whose content equals the database as of #changesAt, if any.
  #matching: string | null = null;
  #changesAt = 0;

  constructor(options: RollingBackupsOptions) {
    this.#options = options;
    this.files = new BackupFiles(options.dir, options.verify);
  }

  // `matching` names a backup the database was just restored from, which needs no new copy.
  attach(db: DatabaseSync, matching?: string): void {
    this.#db = db;
    this.#changesAt = totalChanges(db);
    const marker = this.#readMarker();
    this.#matching = matching ?? (marker && this.files.pathOf(marker) && existsSync(this.files.pathOf(marker)!) ? marker : null);
    // From here on a crash must not leave a marker that vouches for a backup.
    rmSync(join(this.files.dir, MARKER), { force: true });
    this.backupIfChanged();
    this.#timer = setInterval(() => this.backupIfChanged(), this.#options.intervalMs ?? BACKUP_INTERVAL_MS);
    // A backup timer must never keep the process alive.
    this.#timer.unref?.();
  }

  // Returns the new backup, or undefined when it was skipped (or failed: reported, never thrown,
  // because a failed backup must not fail the save or the close that triggered it).
  backupIfChanged(): BackupInfo | undefined {
    const db = this.#db;
    if (!db) return undefined;
    const changes = totalChanges(db);
    if (this.#matching !== null && changes === this.#changesAt) return undefined;
    if (draftCount(db) === 0) return undefined;
    try {
      const now = this.#options.now();
      const info = this.files.write(db, now);
      this.files.rotate(now, this.#options.policy ?? DEFAULT_ROTATION);
      this.#matching = info.id;
      this.#changesAt = changes;
      return info;
    } catch (error) {
      (this.#options.onError ?? console.error)(error);
      return undefined;
    }
  }

  detach(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    // Closed under us (a test, or a failed start): nothing left to copy.
    if (!this.#db?.isOpen) {
      this.#db = undefined;
      return;
    }
    this.backupIfChanged();
    if (this.#matching !== null && totalChanges(this.#db) === this.#changesAt) {
      try {
        writeFileSync(join(this.files.dir, MARKER), JSON.stringify({ backup: this.#matching }));
      } catch {
        // Without the marker the next start simply backs up again.
      }
    }
    this.#db = undefined;
  }

  #readMarker(): string | undefined {
    try {
      const value: unknown = JSON.parse(readFileSync(join(this.files.dir, MARKER), 'utf8'));
      if (value && typeof value === 'object' && 'backup' in value && typeof value.backup === 'string') return value.backup;
    } catch {
      // Missing or unreadable: treat the database as not backed up.
    }
    return undefined;
  }
}

function totalChanges(db: DatabaseSync): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

function draftCount(db: DatabaseSync): number {
  return (db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n;
}
