import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../model/errors.ts';
import type { StorageStatus } from '../../model/storage.ts';
import { inspect } from './backup-files.ts';
import { RollingBackups } from './backups.ts';
import { checkpoint, openDatabase } from './database.ts';
import { checkDatabaseFile, COMPANIONS, lastSetAside, moveAside } from './integrity.ts';
import { isCorruption, mapStorageErrors, toStorageError } from './storage-errors.ts';
import { DraftStore } from './store.ts';

export interface DraftsStorageOptions {
  dataDir: string;
  now?: () => Date;
  backupIntervalMs?: number;
  onError?: (error: unknown) => void;
  // Test seam: how the checked file is opened, e.g. read-only to stand in for a read-only disk
  // where the tests (running as root) cannot make one.
  openDatabase?: (file: string) => DatabaseSync;
}

type State =
  | { kind: 'open'; db: DatabaseSync; store: DraftStore }
  // drafts.db was damaged (and set aside as damagedFile) or is missing while backups exist:
  // nothing is opened or created until the writer chooses.
  | { kind: 'needs_recovery'; damagedFile?: string }
  // It could not be opened for a reason that is not damage (permissions, a full disk, a file
  // from a newer app): left exactly where it is, and tried again on the next request.
  | { kind: 'unavailable'; error: unknown }
  | { kind: 'closed' };

// Owns drafts.db: opens it only after it passes quick_check, sets a damaged one aside instead
// of replacing it, restores a backup when the writer picks one, and keeps the rolling backups.
export class DraftsStorage {
  readonly file: string;
  readonly backups: RollingBackups;
  readonly #options: DraftsStorageOptions;
  readonly #reopened = new Set<() => void>();
  #state: State = { kind: 'closed' };

  constructor(options: DraftsStorageOptions) {
    this.#options = options;
    this.file = join(options.dataDir, 'drafts.db');
    this.backups = new RollingBackups({
      dir: join(options.dataDir, 'backups'),
      now: () => this.#now(),
      ...(options.backupIntervalMs ? { intervalMs: options.backupIntervalMs } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }

  open(): void {
    this.#state = this.#tryOpen({});
  }

  // The store, or the reason there is none: needs_recovery answers storage_corrupt until the
  // writer has chosen what to do.
  store(): DraftStore {
    if (this.#state.kind === 'unavailable') this.open();
    const state = this.#state;
    if (state.kind === 'open') return state.store;
    if (state.kind === 'needs_recovery') throw new AppError('storage_corrupt', 'errors.storageCorrupt');
    if (state.kind === 'unavailable') throw toStorageError(state.error);
    throw new Error('drafts storage is closed');
  }

  status(): StorageStatus {
    const state = this.#state;
    const backups = this.backups.files.list();
    if (state.kind !== 'needs_recovery') return { state: 'ok', backups };
    return state.damagedFile ? { state: 'needs_recovery', damagedFile: state.damagedFile, backups } : { state: 'needs_recovery', backups };
  }

  // backupId: restore that backup as drafts.db. null: the writer chose to start with no drafts.
  recover(backupId: string | null): StorageStatus {
    if (this.#state.kind !== 'needs_recovery') throw new AppError('conflict', 'recovery.notNeeded');
    try {
      if (backupId !== null) this.#restore(backupId);
      else this.#clearPlace();
    } catch (error) {
      throw toStorageError(error);
    }
    const next = this.#tryOpen({ restoredFrom: backupId ?? undefined, startEmpty: backupId === null });
    this.#state = next;
    if (next.kind === 'unavailable') throw toStorageError(next.error);
    if (next.kind === 'open') for (const listener of this.#reopened) listener();
    return this.status();
  }

  // Called when a different database takes the place of the old one, so caches built from the
  // old one (the search index) are dropped.
  onReopen(listener: () => void): void {
    this.#reopened.add(listener);
  }

  close(): void {
    const state = this.#state;
    this.#state = { kind: 'closed' };
    if (state.kind !== 'open') return;
    this.backups.detach();
    checkpoint(state.db);
    state.db.close();
  }

  #tryOpen(how: { restoredFrom?: string | undefined; startEmpty?: boolean }): State {
    try {
      mkdirSync(this.#options.dataDir, { recursive: true });
      const check = checkDatabaseFile(this.file);
      if (check === 'damaged') return this.#setAside();
      // A missing database next to backups or a set-aside damaged one is not a first start (the
      // app was closed on the recovery screen, or something removed the file). Creating an
      // empty one would hide those drafts, so the writer decides.
      if (check === 'missing' && !how.startEmpty && how.restoredFrom === undefined) {
        const damagedFile = lastSetAside(this.file);
        if (damagedFile) return { kind: 'needs_recovery', damagedFile };
        if (this.backups.files.list().length > 0) return { kind: 'needs_recovery' };
      }
      let db: DatabaseSync;
      try {
        db = (this.#options.openDatabase ?? openDatabase)(this.file);
      } catch (error) {
        if (isCorruption(error)) return this.#setAside();
        throw error;
      }
      const store = new DraftStore(db, this.#options.now ? { now: this.#options.now } : {});
      this.backups.attach(db, how.restoredFrom);
      return { kind: 'open', db, store: mapStorageErrors(store) };
    } catch (error) {
      return { kind: 'unavailable', error };
    }
  }

  #setAside(): State {
    return { kind: 'needs_recovery', damagedFile: moveAside(this.file, this.#now()) };
  }

  // The backup is copied, flushed, and renamed into place: drafts.db is either absent or whole.
  #restore(backupId: string): void {
    const source = this.backups.files.pathOf(backupId);
    if (!source || !existsSync(source)) throw new AppError('not_found', 'recovery.backupMissing');
    if (inspect(source) === undefined) throw new AppError('storage_corrupt', 'recovery.backupDamaged');
    this.#clearPlace();
    const restoring = `${this.file}.restoring`;
    copyFileSync(source, restoring);
    const fd = openSync(restoring, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(restoring, this.file);
  }

  // Anything at drafts.db's place (a stray log, a file that appeared since) is set aside, never
  // overwritten: it may hold the only copy of something.
  #clearPlace(): void {
    if (COMPANIONS.some((suffix) => existsSync(this.file + suffix))) moveAside(this.file, this.#now(), 'set-aside');
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }
}
