import type { DatabaseSync } from 'node:sqlite';
import { REVIEW_MIGRATION, REVIEW_STEPS_MIGRATION } from '../review/store.ts';
import { openSqlite } from '../storage/sqlite.ts';

// publishing.db: the sites, what each draft became on each site, which photos a site already
// has, and the outbox. Apart from drafts.db so restoring a drafts backup never rewinds what
// was sent (a rewound outbox would publish twice).
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sites (
     id TEXT PRIMARY KEY,
     url TEXT NOT NULL,
     name TEXT NOT NULL,
     username TEXT NOT NULL,
     user_id INTEGER NOT NULL,
     capabilities TEXT NOT NULL,
     plugin TEXT,
     secret BLOB NOT NULL,
     verified_at TEXT NOT NULL,
     added_at TEXT NOT NULL
   );
   CREATE UNIQUE INDEX sites_account ON sites (url, username);
   CREATE TABLE remote_posts (
     draft_id TEXT NOT NULL,
     site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
     post_id INTEGER NOT NULL,
     status TEXT NOT NULL,
     link TEXT NOT NULL,
     modified_gmt TEXT NOT NULL,
     revision INTEGER NOT NULL,
     PRIMARY KEY (draft_id, site_id)
   );
   CREATE TABLE remote_media (
     site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
     asset_id TEXT NOT NULL,
     variant TEXT NOT NULL,
     media_id INTEGER NOT NULL,
     url TEXT NOT NULL,
     width INTEGER,
     height INTEGER,
     PRIMARY KEY (site_id, asset_id, variant)
   );
   CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     draft_id TEXT NOT NULL,
     site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
     action TEXT NOT NULL,
     schedule_at TEXT,
     revision INTEGER NOT NULL,
     state TEXT NOT NULL,
     step TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT,
     bytes_sent INTEGER NOT NULL DEFAULT 0,
     bytes_total INTEGER NOT NULL DEFAULT 0,
     error TEXT,
     post_id INTEGER,
     link TEXT,
     token TEXT NOT NULL,
     -- Set once a create request has gone out: after that, a retry first looks for the post
     -- the lost answer may have made, by the job's token.
     create_sent INTEGER NOT NULL DEFAULT 0,
     -- The site's modified time the writer agreed to overwrite (after a conflict).
     force_base TEXT,
     article TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX jobs_by_state ON jobs (state, next_attempt_at);`,
  // 2: editorial review (services/review/store.ts): review data per draft, the review queue,
  // what the app last knew of each draft's post, the account names.
  REVIEW_MIGRATION,
  // 3: publish steps waiting for their jobs.
  REVIEW_STEPS_MIGRATION,
];

export function openPublishingDatabase(file: string): DatabaseSync {
  return openSqlite(file, MIGRATIONS);
}
