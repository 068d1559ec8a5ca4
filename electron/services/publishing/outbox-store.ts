import { randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ArticleFields } from '../../model/article.ts';
import { AppError, ErrorPayload } from '../../model/errors.ts';
import type { JobAction, JobState, PublishJob, RemotePost } from '../../model/publishing.ts';

interface JobRow {
  id: string;
  draft_id: string;
  site_id: string;
  action: JobAction;
  schedule_at: string | null;
  revision: number;
  state: JobState;
  step: PublishJob['step'];
  attempts: number;
  next_attempt_at: string | null;
  bytes_sent: number;
  bytes_total: number;
  error: string | null;
  post_id: number | null;
  link: string | null;
  token: string;
  create_sent: number;
  force_base: string | null;
  article: string;
  created_at: string;
  updated_at: string;
}

// What the runner needs of a job beyond what the window shows.
export interface JobWork extends PublishJob {
  token: string;
  createSent: boolean;
  forceBase: string | null;
  article: ArticleFields;
}

export interface RemoteMedia {
  mediaId: number;
  url: string;
  width: number | null;
  height: number | null;
}

// The outbox and what was sent, in publishing.db. Every change is one statement or one
// transaction, so a crash between two steps leaves the job where the last completed one put it.
export class OutboxStore {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  enqueue(input: { draftId: string; siteId: string; action: JobAction; scheduleAt: string | null; revision: number; article: ArticleFields }): PublishJob {
    const id = randomUUID();
    const at = this.#stamp();
    // The token finds the post again when the answer to its creation was lost. Random, so two
    // jobs for the same draft never match each other's post.
    const token = `pr-${randomBytes(12).toString('hex')}`;
    this.#db
      .prepare(
        `INSERT INTO jobs (id, draft_id, site_id, action, schedule_at, revision, state, step, token, article, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', 'prepare', ?, ?, ?, ?)`,
      )
      .run(id, input.draftId, input.siteId, input.action, input.scheduleAt, input.revision, token, JSON.stringify(input.article), at, at);
    return this.get(id);
  }

  get(id: string): PublishJob {
    return toJob(this.#row(id));
  }

  work(id: string): JobWork {
    const row = this.#row(id);
    return { ...toJob(row), token: row.token, createSent: row.create_sent === 1, forceBase: row.force_base, article: ArticleFields.parse(JSON.parse(row.article)) };
  }

  list(limit = 200): PublishJob[] {
    const rows = this.#db.prepare('SELECT * FROM jobs ORDER BY created_at DESC LIMIT ?').all(limit) as unknown as JobRow[];
    return rows.map(toJob);
  }

  // Jobs the runner may start now, oldest first.
  due(now: Date): string[] {
    const rows = this.#db
      .prepare(
        `SELECT id FROM jobs WHERE state = 'queued' OR (state = 'waiting' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
          ORDER BY created_at`,
      )
      .all(now.toISOString()) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  // When the next waiting job becomes due, to sleep until then.
  nextWake(): Date | null {
    const row = this.#db.prepare(`SELECT MIN(next_attempt_at) AS at FROM jobs WHERE state = 'waiting'`).get() as { at: string | null };
    return row.at ? new Date(row.at) : null;
  }

  // A job that was running when the app stopped runs again from its last recorded step.
  requeueInterrupted(): void {
    this.#db.prepare(`UPDATE jobs SET state = 'queued', updated_at = ? WHERE state = 'running'`).run(this.#stamp());
  }

  // A publish of this draft to this site not yet settled. Review-data jobs do not count: they
  // never change the post's content, and one waiting offline must not hold up a publish.
  hasOpenJob(draftId: string, siteId: string): boolean {
    const row = this.#db
      .prepare(`SELECT 1 FROM jobs WHERE draft_id = ? AND site_id = ? AND action != 'review' AND state IN ('queued', 'running', 'waiting', 'conflict')`)
      .get(draftId, siteId);
    return row !== undefined;
  }

  // The newest job of this kind for this draft and site, to be queued again rather than one
  // more row added for every change (review data: one job per draft and site).
  latestJob(draftId: string, siteId: string, action: JobAction): PublishJob | null {
    const row = this.#db
      .prepare('SELECT * FROM jobs WHERE draft_id = ? AND site_id = ? AND action = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(draftId, siteId, action) as JobRow | undefined;
    return row ? toJob(row) : null;
  }

  update(id: string, change: Partial<{ state: JobState; step: PublishJob['step']; attempts: number; nextAttemptAt: string | null; bytesSent: number; bytesTotal: number; error: ErrorPayload | null; postId: number | null; link: string | null; createSent: boolean; forceBase: string | null }>): PublishJob {
    const columns: Record<string, unknown> = {
      state: change.state,
      step: change.step,
      attempts: change.attempts,
      next_attempt_at: change.nextAttemptAt,
      bytes_sent: change.bytesSent,
      bytes_total: change.bytesTotal,
      error: change.error === undefined ? undefined : change.error && JSON.stringify(change.error),
      post_id: change.postId,
      link: change.link,
      create_sent: change.createSent === undefined ? undefined : change.createSent ? 1 : 0,
      force_base: change.forceBase,
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    const sql = `UPDATE jobs SET ${set.map(([column]) => `${column} = ?`).join(', ')}${set.length ? ', ' : ''}updated_at = ? WHERE id = ?`;
    this.#db.prepare(sql).run(...(set.map(([, value]) => value) as Array<string | number | null>), this.#stamp(), id);
    return this.get(id);
  }

  mediaFor(siteId: string, assetId: string, variant: string): RemoteMedia | null {
    const row = this.#db
      .prepare('SELECT media_id AS mediaId, url, width, height FROM remote_media WHERE site_id = ? AND asset_id = ? AND variant = ?')
      .get(siteId, assetId, variant) as RemoteMedia | undefined;
    return row ?? null;
  }

  rememberMedia(siteId: string, assetId: string, variant: string, media: RemoteMedia): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO remote_media (site_id, asset_id, variant, media_id, url, width, height) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(siteId, assetId, variant, media.mediaId, media.url, media.width, media.height);
  }

  forgetMedia(siteId: string, mediaId: number): void {
    this.#db.prepare('DELETE FROM remote_media WHERE site_id = ? AND media_id = ?').run(siteId, mediaId);
  }

  remotePost(draftId: string, siteId: string): RemotePost | null {
    const row = this.#db
      .prepare('SELECT site_id AS siteId, post_id AS postId, status, link, modified_gmt AS modifiedGmt, revision FROM remote_posts WHERE draft_id = ? AND site_id = ?')
      .get(draftId, siteId) as RemotePost | undefined;
    return row ?? null;
  }

  remotePostsOf(draftId: string): RemotePost[] {
    return this.#db
      .prepare('SELECT site_id AS siteId, post_id AS postId, status, link, modified_gmt AS modifiedGmt, revision FROM remote_posts WHERE draft_id = ?')
      .all(draftId) as unknown as RemotePost[];
  }

  rememberPost(draftId: string, post: RemotePost): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO remote_posts (draft_id, site_id, post_id, status, link, modified_gmt, revision) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(draftId, post.siteId, post.postId, post.status, post.link, post.modifiedGmt, post.revision);
  }

  // A draft deleted for good: the link to its posts goes (the posts stay on the sites).
  forgetDraft(draftId: string): void {
    this.#db.prepare('DELETE FROM remote_posts WHERE draft_id = ?').run(draftId);
  }

  forgetPost(draftId: string, siteId: string): void {
    this.#db.prepare('DELETE FROM remote_posts WHERE draft_id = ? AND site_id = ?').run(draftId, siteId);
  }

  #row(id: string): JobRow {
    const row = this.#db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    if (!row) throw new AppError('not_found', 'outbox.jobNotFound');
    return row;
  }

  #stamp(): string {
    return this.#now().toISOString();
  }
}

function toJob(row: JobRow): PublishJob {
  return {
    id: row.id,
    draftId: row.draft_id,
    siteId: row.site_id,
    action: row.action,
    scheduleAt: row.schedule_at,
    revision: row.revision,
    state: row.state,
    step: row.step,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    bytesSent: row.bytes_sent,
    bytesTotal: row.bytes_total,
    error: row.error ? ErrorPayload.parse(JSON.parse(row.error)) : null,
    postId: row.post_id,
    link: row.link,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
