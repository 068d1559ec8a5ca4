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
  // The body as one row per top-level block. Rewriting a long article's whole JSON (half a
  // megabyte, ~200 overflow pages into the WAL) on every autosave was most of the save; now a
  // keystroke rewrites its paragraph's row and the order. drafts.article keeps every field but
  // the body; body_head is the root node's own JSON (without children), body_order the ids of its
  // blocks in order (a JSON array). Revisions keep whole articles as before.
  // Existing bodies move here as they are: json_each hands each block's JSON over as text.
  `CREATE TABLE draft_blocks (
     draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
     block_id TEXT NOT NULL,
     json TEXT NOT NULL,
     PRIMARY KEY (draft_id, block_id)
   ) WITHOUT ROWID;
   ALTER TABLE drafts ADD COLUMN body_head TEXT NOT NULL DEFAULT '{"type":"root"}';
   ALTER TABLE drafts ADD COLUMN body_order TEXT NOT NULL DEFAULT '[]';
   INSERT INTO draft_blocks (draft_id, block_id, json)
     SELECT drafts.id, CAST(block.key AS TEXT), block.value
       FROM drafts, json_each(drafts.article, '$.body.root.children') AS block;
   UPDATE drafts SET
     body_head = coalesce(json_remove(json_extract(article, '$.body.root'), '$.children'), '{"type":"root"}'),
     body_order = (SELECT json_group_array(CAST(key AS TEXT))
                     FROM (SELECT key FROM json_each(drafts.article, '$.body.root.children') ORDER BY key)),
     article = json_remove(article, '$.body');`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function openDatabase(file: string): DatabaseSync {
  return openSqlite(file, MIGRATIONS);
}
