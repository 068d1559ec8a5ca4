import type { DatabaseSync } from 'node:sqlite';
import { openSqlite } from '../storage/sqlite.ts';

export { checkpoint, transaction } from '../storage/sqlite.ts';

// Each entry moves the schema one version forward; PRAGMA user_version records how far a file
// has come. Never edit a shipped entry: add a new one.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE drafts (
     id TEXT PRIMARY KEY,
     revision INTEGER NOT NULL,
     status TEXT NOT NULL,
     headline TEXT NOT NULL,
     section TEXT NOT NULL,
     issue TEXT NOT NULL,
     byline TEXT NOT NULL,
     article TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     trashed_at TEXT
   );
   CREATE INDEX drafts_updated ON drafts (trashed_at, updated_at DESC);
   CREATE TABLE revisions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
     revision INTEGER NOT NULL,
     reason TEXT NOT NULL,
     status TEXT NOT NULL,
     article TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX revisions_by_draft ON revisions (draft_id, id DESC);`,
  // The library list reads every draft's summary. In the table those columns sit beside the
  // article JSON, whose overflow pages SQLite walks to reach updated_at: 50 ms for 10,000
  // drafts. A covering index answers the list without touching the table.
  `DROP INDEX drafts_updated;
   CREATE INDEX drafts_list ON drafts (trashed_at, updated_at DESC, id, headline, status, section, issue, byline);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function openDatabase(file: string): DatabaseSync {
  return openSqlite(file, MIGRATIONS);
}
