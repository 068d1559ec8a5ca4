import { DatabaseSync } from 'node:sqlite';

// SQLite as every store of the app opens it: WAL, full sync, migrations by user_version, one
// transaction helper, and checkpoints in idle time.

export function openSqlite(file: string, migrations: readonly string[]): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    // WAL lets a reader see the last committed draft while a save is under way, and a killed
    // process leaves either the old or the new transaction, never half of one. FULL syncs each
    // commit so a power cut after "saved" cannot take the save back.
    // Checkpoints (copying the WAL back into the database file) are left to idle time, see
    // scheduleCheckpoint: SQLite's automatic one runs inside whichever commit crosses the
    // threshold, and made every eighth autosave of a long article several times slower.
    db.exec(`PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA wal_autocheckpoint = 0;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 3000;`);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: DatabaseSync, migrations: readonly string[]): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const from = row.user_version;
  if (from > migrations.length) {
    throw new Error(`database is from a newer version of the app (schema ${from})`);
  }
  for (let version = from; version < migrations.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      rollback(db);
      throw error;
    }
  }
}

export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    scheduleCheckpoint(db);
    return result;
  } catch (error) {
    rollback(db);
    throw error;
  }
}

// On a full disk or an I/O error SQLite has already rolled the transaction back itself; a
// second ROLLBACK would then throw "no transaction is active" and hide the real error (and with
// it the "disk is full" message the writer needs).
function rollback(db: DatabaseSync): void {
  if (db.isTransaction) db.exec('ROLLBACK');
}

// A second of quiet after the last commit is when the WAL goes back into the database file.
// Someone typing without pause still gets one at least every CHECKPOINT_MAX_DELAY_MS, run
// between saves rather than inside one. The WAL is already durable (synchronous=FULL), so a
// checkpoint that never comes (a crash) loses nothing: the next open replays the WAL.
const CHECKPOINT_IDLE_MS = 1000;
const CHECKPOINT_MAX_DELAY_MS = 15_000;
const pendingCheckpoints = new WeakMap<DatabaseSync, { timer: ReturnType<typeof setTimeout>; since: number }>();

function scheduleCheckpoint(db: DatabaseSync): void {
  const now = Date.now();
  const pending = pendingCheckpoints.get(db);
  if (pending) clearTimeout(pending.timer);
  const since = pending?.since ?? now;
  const delay = now - since >= CHECKPOINT_MAX_DELAY_MS ? 0 : CHECKPOINT_IDLE_MS;
  const timer = setTimeout(() => checkpoint(db), delay);
  // A pending checkpoint must not keep a finished process (a test, a CLI) alive.
  timer.unref();
  pendingCheckpoints.set(db, { timer, since });
}

// Runs a pending checkpoint now; called before the database is closed or copied.
export function checkpoint(db: DatabaseSync): void {
  const pending = pendingCheckpoints.get(db);
  if (pending) clearTimeout(pending.timer);
  pendingCheckpoints.delete(db);
  if (!db.isOpen) return;
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch (error) {
    // A busy or failing checkpoint leaves the WAL as it is; the next one tries again.
    console.error('checkpoint failed', error);
  }
}
