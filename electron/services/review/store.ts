import type { DatabaseSync } from 'node:sqlite';
import { AppError, ErrorPayload } from '../../model/errors.ts';
import { emptyReview, QueueItem, ReviewData, Transition } from '../../model/review.ts';
import { transaction } from '../storage/sqlite.ts';
import { canonicalJson, normalizeReview } from './merge.ts';

// Review data kept on this machine, in publishing.db beside the outbox that sends it (a drafts
// backup restored must not rewind what others were told, for the same reason the outbox lives
// there). The local copy is the one the app works from: the site's copy is merged into it and
// never replaces it, so a malformed or hostile copy on the site cannot take anything away.

// A publish step waits for its job: the draft becomes published (or scheduled), and the step
// goes on the timeline, once the site has the post, not when the job is queued. A job deleted
// takes its step with it.
export const REVIEW_STEPS_MIGRATION = `
  CREATE TABLE review_steps (
    job_id TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    draft_id TEXT NOT NULL,
    step TEXT NOT NULL
  );`;

// The tables, as one migration of publishing.db (see publishing/database.ts).
export const REVIEW_MIGRATION = `
  -- A draft's review data (threads, suggestions, the workflow timeline) as ReviewData JSON.
  -- problem: the last thing that went wrong reading the site's copy (an ErrorPayload), shown
  -- beside the comments until a good copy is read again.
  CREATE TABLE review (
    draft_id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    problem TEXT
  );
  -- The editor's review queue: pending posts on the sites, kept so it is there offline.
  CREATE TABLE review_queue (
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    post_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    modified_gmt TEXT NOT NULL,
    link TEXT NOT NULL,
    draft_id TEXT,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (site_id, post_id)
  );
  -- What the app last knew of a draft's post apart from its review data: the post's modified
  -- time then, a fingerprint of everything but the review data, and a hash of the article last
  -- exchanged with the site (sent or taken from it). With these a change that was only review
  -- data (someone commented) is told apart from an edit, and a newer article on the site is
  -- taken only when the local one has not changed since.
  CREATE TABLE review_remote (
    draft_id TEXT NOT NULL,
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    modified_gmt TEXT,
    fingerprint TEXT,
    article_sha TEXT,
    PRIMARY KEY (draft_id, site_id)
  );
  -- The account's display name on each site, for the records it signs.
  CREATE TABLE review_accounts (
    site_id TEXT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  );`;

export interface RemoteBase {
  modifiedGmt: string | null;
  fingerprint: string | null;
  articleSha: string | null;
}

// The site's copy, checked. Anything that is not ReviewData is refused with a reason, never
// half-read: a newer app's format (version 2) is told apart from garbage, so it is not
// overwritten by this older app.
export type RemoteReview = { kind: 'none' } | { kind: 'ok'; data: ReviewData } | { kind: 'invalid' } | { kind: 'newer' };

export function readRemoteReview(value: unknown): RemoteReview {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  if (typeof value !== 'string') return { kind: 'invalid' };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { kind: 'invalid' };
  }
  const parsed = ReviewData.safeParse(json);
  if (parsed.success) return { kind: 'ok', data: normalizeReview(parsed.data) };
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 1) return { kind: 'newer' };
  return { kind: 'invalid' };
}

export class ReviewStore {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  // A draft without review data has an empty one.
  get(draftId: string): ReviewData {
    const row = this.#db.prepare('SELECT data FROM review WHERE draft_id = ?').get(draftId) as { data: string } | undefined;
    if (!row) return emptyReview();
    return parseLocal(row.data);
  }

  // Reads, changes and writes in one transaction, so two changes made at once (a comment here,
  // a merge from the site) never lose one another. `change` returns the new data; it is checked
  // against ReviewData before it is written. Answers whether anything changed.
  update(draftId: string, change: (current: ReviewData) => ReviewData): { data: ReviewData; changed: boolean } {
    return transaction(this.#db, () => {
      const row = this.#db.prepare('SELECT data FROM review WHERE draft_id = ?').get(draftId) as { data: string } | undefined;
      const current = row ? parseLocal(row.data) : emptyReview();
      const checked = ReviewData.safeParse(change(current));
      // Only the limits can fail here (threads, comments, suggestions per draft): everything
      // else was checked on the way in.
      if (!checked.success) throw new AppError('invalid_input', 'review.tooMany');
      const next = normalizeReview(checked.data);
      const text = canonicalJson(next);
      if (row && text === canonicalJson(current)) return { data: current, changed: false };
      this.#db
        .prepare('INSERT INTO review (draft_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (draft_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at')
        .run(draftId, text, this.#stamp());
      return { data: next, changed: true };
    });
  }

  // A step to record once the job publishing it is done (see REVIEW_STEPS_MIGRATION).
  holdStep(jobId: string, draftId: string, step: Omit<Transition, 'id' | 'at'>): void {
    this.#db.prepare('INSERT OR REPLACE INTO review_steps (job_id, draft_id, step) VALUES (?, ?, ?)').run(jobId, draftId, JSON.stringify(step));
  }

  // The step held for this job, taken out of the table; null when there is none.
  takeStep(jobId: string): { draftId: string; step: Omit<Transition, 'id' | 'at'> } | null {
    return transaction(this.#db, () => {
      const row = this.#db.prepare('SELECT draft_id, step FROM review_steps WHERE job_id = ?').get(jobId) as { draft_id: string; step: string } | undefined;
      if (!row) return null;
      this.#db.prepare('DELETE FROM review_steps WHERE job_id = ?').run(jobId);
      const step = Transition.omit({ id: true, at: true }).safeParse(JSON.parse(row.step));
      return step.success ? { draftId: row.draft_id, step: step.data } : null;
    });
  }

  // A draft deleted for good: its comments and everything kept about its post go too (the queue
  // keeps the post, now opening as a new draft).
  forget(draftId: string): void {
    transaction(this.#db, () => {
      for (const table of ['review', 'review_remote', 'review_steps']) this.#db.prepare(`DELETE FROM ${table} WHERE draft_id = ?`).run(draftId);
      this.#db.prepare('UPDATE review_queue SET draft_id = NULL WHERE draft_id = ?').run(draftId);
    });
  }

  problem(draftId: string): ErrorPayload | null {
    const row = this.#db.prepare('SELECT problem FROM review WHERE draft_id = ?').get(draftId) as { problem: string | null } | undefined;
    if (!row?.problem) return null;
    const parsed = ErrorPayload.safeParse(JSON.parse(row.problem));
    return parsed.success ? parsed.data : null;
  }

  setProblem(draftId: string, problem: ErrorPayload | null): void {
    this.update(draftId, (data) => data);
    this.#db.prepare('UPDATE review SET problem = ? WHERE draft_id = ?').run(problem && JSON.stringify(problem), draftId);
  }

  // Drafts with review data, newest change first: the ones a background pull looks at.
  draftIds(limit: number): string[] {
    const rows = this.#db.prepare('SELECT draft_id FROM review ORDER BY updated_at DESC LIMIT ?').all(limit) as Array<{ draft_id: string }>;
    return rows.map((row) => row.draft_id);
  }

  base(draftId: string, siteId: string): RemoteBase | null {
    const row = this.#db
      .prepare('SELECT modified_gmt AS modifiedGmt, fingerprint, article_sha AS articleSha FROM review_remote WHERE draft_id = ? AND site_id = ?')
      .get(draftId, siteId) as RemoteBase | undefined;
    return row ?? null;
  }

  setBase(draftId: string, siteId: string, change: Partial<RemoteBase>): void {
    const current = this.base(draftId, siteId) ?? { modifiedGmt: null, fingerprint: null, articleSha: null };
    const next = { ...current, ...change };
    this.#db
      .prepare('INSERT OR REPLACE INTO review_remote (draft_id, site_id, modified_gmt, fingerprint, article_sha) VALUES (?, ?, ?, ?, ?)')
      .run(draftId, siteId, next.modifiedGmt, next.fingerprint, next.articleSha);
  }

  queue(): QueueItem[] {
    const rows = this.#db
      .prepare(
        `SELECT site_id AS siteId, post_id AS postId, title, author, modified_gmt AS modifiedGmt, link, draft_id AS draftId
           FROM review_queue ORDER BY modified_gmt DESC, post_id DESC`,
      )
      .all() as unknown as QueueItem[];
    return rows.map((row) => QueueItem.parse(row));
  }

  // What a site answered replaces what was known of it; a post opened before keeps its draft.
  replaceQueue(siteId: string, items: ReadonlyArray<Omit<QueueItem, 'siteId'>>): void {
    transaction(this.#db, () => {
      const opened = new Map(
        (this.#db.prepare('SELECT post_id, draft_id FROM review_queue WHERE site_id = ? AND draft_id IS NOT NULL').all(siteId) as Array<{ post_id: number; draft_id: string }>).map(
          (row) => [row.post_id, row.draft_id],
        ),
      );
      this.#db.prepare('DELETE FROM review_queue WHERE site_id = ?').run(siteId);
      const insert = this.#db.prepare(
        'INSERT INTO review_queue (site_id, post_id, title, author, modified_gmt, link, draft_id, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const at = this.#stamp();
      for (const item of items) {
        insert.run(siteId, item.postId, item.title, item.author, item.modifiedGmt, item.link, item.draftId ?? opened.get(item.postId) ?? null, at);
      }
    });
  }

  clearQueue(siteId: string): void {
    this.#db.prepare('DELETE FROM review_queue WHERE site_id = ?').run(siteId);
  }

  markOpened(siteId: string, postId: number, draftId: string): void {
    this.#db.prepare('UPDATE review_queue SET draft_id = ? WHERE site_id = ? AND post_id = ?').run(draftId, siteId, postId);
  }

  // The local draft a post became (opened here, or published from here). Read from the
  // publisher's table: the link is the publisher's record, the review only looks it up.
  draftOfPost(siteId: string, postId: number): string | null {
    const row = this.#db.prepare('SELECT draft_id FROM remote_posts WHERE site_id = ? AND post_id = ? ORDER BY rowid DESC LIMIT 1').get(siteId, postId) as { draft_id: string } | undefined;
    return row?.draft_id ?? null;
  }

  accountName(siteId: string): string | null {
    const row = this.#db.prepare('SELECT name FROM review_accounts WHERE site_id = ?').get(siteId) as { name: string } | undefined;
    return row?.name ?? null;
  }

  setAccountName(siteId: string, name: string): void {
    this.#db.prepare('INSERT OR REPLACE INTO review_accounts (site_id, name, fetched_at) VALUES (?, ?, ?)').run(siteId, name, this.#stamp());
  }

  #stamp(): string {
    return this.#now().toISOString();
  }
}

// The local copy was written by this app after checking it; if it does not read now, the file
// was damaged or edited by hand. That is said plainly rather than papered over with an empty
// copy that the next comment would then write over the old one.
function parseLocal(text: string): ReviewData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('storage_corrupt', 'review.localInvalid');
  }
  const parsed = ReviewData.safeParse(json);
  if (!parsed.success) throw new AppError('storage_corrupt', 'review.localInvalid');
  return parsed.data;
}
