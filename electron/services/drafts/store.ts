import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ArticleFields, type ArticleStatus, type Draft, type DraftSummary, emptyBody } from '../../model/article.ts';
import { AppError } from '../../model/errors.ts';
import type { RevisionReason, RevisionSummary } from '../../model/revision.ts';
import { transaction } from './database.ts';
import { RevisionHistory } from './revisions.ts';

export type { RevisionReason } from '../../model/revision.ts';

interface DraftRow {
  id: string;
  revision: number;
  status: ArticleStatus;
  article: string;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

export interface ImportedDraftInput {
  status: ArticleStatus;
  article: ArticleFields;
  createdAt: string;
  revisions: ReadonlyArray<{ revision: number; reason: RevisionReason; status: ArticleStatus; createdAt: string; article: ArticleFields }>;
}

export interface DraftStoreOptions {
  now?: () => Date;
  // How long typing may go on before the history gets a snapshot of its own.
  periodicSnapshotMs?: number;
}

// Drafts and their revision history in SQLite. Every method is one transaction, so a crash
// leaves each draft as it was at its last completed save.
export class DraftStore {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  readonly #periodicMs: number;
  readonly history: RevisionHistory;

  constructor(db: DatabaseSync, options: DraftStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
    this.#periodicMs = options.periodicSnapshotMs ?? 10 * 60_000;
    this.history = new RevisionHistory(db, this.#now);
  }

  list(scope: 'active' | 'trash', limit = -1): DraftSummary[] {
    const where = scope === 'trash' ? 'trashed_at IS NOT NULL' : 'trashed_at IS NULL';
    return this.#db
      .prepare(
        `SELECT id, headline, status, section, issue, byline, updated_at AS updatedAt, trashed_at AS trashedAt
           FROM drafts WHERE ${where} ORDER BY updated_at DESC LIMIT ?`,
      )
      .all(limit) as unknown as DraftSummary[];
  }

  // The summaries of just these drafts, whichever scope they are in: how a window updates its
  // list after a save without reloading ten thousand rows.
  summaries(ids: readonly string[]): DraftSummary[] {
    if (ids.length === 0) return [];
    return this.#db
      .prepare(
        `SELECT id, headline, status, section, issue, byline, updated_at AS updatedAt, trashed_at AS trashedAt
           FROM drafts WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as unknown as DraftSummary[];
  }

  ids(scope: 'active' | 'trash'): Set<string> {
    const where = scope === 'trash' ? 'trashed_at IS NOT NULL' : 'trashed_at IS NULL';
    const rows = this.#db.prepare(`SELECT id FROM drafts WHERE ${where}`).all() as Array<{ id: string }>;
    return new Set(rows.map((row) => row.id));
  }

  // These drafts' articles, for building the search index a slice at a time.
  articlesById(ids: readonly string[]): Array<{ id: string; article: ArticleFields }> {
    if (ids.length === 0) return [];
    const rows = this.#db
      .prepare('SELECT id, article FROM drafts WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as Array<{ id: string; article: string }>;
    return rows.map((row) => ({ id: row.id, article: JSON.parse(row.article) as ArticleFields }));
  }

  create(article: Partial<ArticleFields> = {}): Draft {
    const fields = ArticleFields.parse({ body: emptyBody(), ...article });
    const id = randomUUID();
    const at = this.#timestamp();
    transaction(this.#db, () => {
      this.#db
        .prepare(
          `INSERT INTO drafts (id, revision, status, headline, section, issue, byline, article, created_at, updated_at)
           VALUES (?, 1, 'draft', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, fields.headline, fields.section, fields.issue, fields.byline, JSON.stringify(fields), at, at);
      this.#snapshot(id, 'created');
    });
    return this.get(id);
  }

  get(id: string): Draft {
    const row = this.#row(id);
    return toDraft(row);
  }

  save(id: string, baseRevision: number, article: ArticleFields, bodyText?: string): { revision: number; updatedAt: string } {
    return transaction(this.#db, () => {
      // Only the revision: reading the whole row would pull a long article's JSON off disk on
      // every autosave just to compare one number.
      const current = this.#db.prepare('SELECT revision FROM drafts WHERE id = ?').get(id) as { revision: number } | undefined;
      if (!current) throw new AppError('not_found', 'errors.draftNotFound');
      // Two windows (or a window and a restore) writing the same draft: the later writer must
      // reload rather than silently replace text it never saw.
      if (current.revision !== baseRevision) {
        throw new AppError('conflict', 'errors.draftChangedElsewhere', { revision: current.revision });
      }
      const result = this.#write(id, current.revision + 1, article, bodyText);
      if (this.history.lastAge(id) >= this.#periodicMs) this.#snapshot(id, 'periodic');
      return result;
    });
  }

  // Puts a revision's article back as the draft's text, as a new revision. The text it replaces
  // is kept first (reason 'restore'), so a restore is itself a step the writer can take back.
  // The editorial status stays: going back to earlier wording is not a workflow decision.
  restoreRevision(id: string, revisionId: number, baseRevision: number): Draft {
    transaction(this.#db, () => {
      const current = this.#row(id);
      // As in save: a restore chosen while looking at an older text must not replace newer work.
      if (current.revision !== baseRevision) {
        throw new AppError('conflict', 'errors.draftChangedElsewhere', { revision: current.revision });
      }
      const target = this.history.get(revisionId);
      if (target.draftId !== id) throw new AppError('not_found', 'errors.revisionNotFound');
      this.#snapshot(id, 'restore');
      this.#write(id, current.revision + 1, target.article);
    });
    return this.get(id);
  }

  setStatus(id: string, status: ArticleStatus): { revision: number; updatedAt: string } {
    return transaction(this.#db, () => {
      const current = this.#row(id);
      const revision = current.revision + 1;
      const updatedAt = this.#timestamp();
      this.#db
        .prepare('UPDATE drafts SET revision = ?, status = ?, updated_at = ? WHERE id = ?')
        .run(revision, status, updatedAt, id);
      this.#snapshot(id, 'status');
      return { revision, updatedAt };
    });
  }

  snapshot(id: string, reason: RevisionReason): RevisionSummary {
    const revisionId = transaction(this.#db, () => {
      this.#row(id);
      return this.#snapshot(id, reason);
    });
    return this.history.summary(revisionId);
  }

  trash(id: string): void {
    this.#setTrashed(id, this.#timestamp());
  }

  restore(id: string): void {
    this.#setTrashed(id, null);
  }

  // Permanent deletion is only offered from the trash, so a slip in the library can't destroy work.
  purge(id: string): void {
    transaction(this.#db, () => {
      const row = this.#row(id);
      if (row.trashed_at === null) throw new AppError('conflict', 'errors.purgeOnlyFromTrash');
      this.#db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
    });
  }

  // A draft handed over from another machine (a draft file): a new id, its history with the
  // times and reasons it had there, in one transaction so a failed import leaves nothing.
  importDraft(input: ImportedDraftInput): Draft {
    const id = randomUUID();
    const at = this.#timestamp();
    const article = ArticleFields.parse(input.article);
    const revision = Math.max(0, ...input.revisions.map((entry) => entry.revision)) + 1;
    transaction(this.#db, () => {
      this.#db
        .prepare(
          `INSERT INTO drafts (id, revision, status, headline, section, issue, byline, article, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, revision, input.status, article.headline, article.section, article.issue, article.byline, JSON.stringify(article), input.createdAt, at);
      const insert = this.#db.prepare(
        'INSERT INTO revisions (draft_id, revision, reason, status, article, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const entry of input.revisions) {
        insert.run(id, entry.revision, entry.reason, entry.status, JSON.stringify(entry.article), entry.createdAt);
      }
    });
    return this.get(id);
  }

  duplicate(id: string): Draft {
    const source = this.get(id);
    return this.create(source.article);
  }

  #setTrashed(id: string, trashedAt: string | null): void {
    transaction(this.#db, () => {
      this.#row(id);
      this.#db.prepare('UPDATE drafts SET trashed_at = ? WHERE id = ?').run(trashedAt, id);
    });
  }

  #row(id: string): DraftRow {
    const row = this.#db
      .prepare('SELECT id, revision, status, article, created_at, updated_at, trashed_at FROM drafts WHERE id = ?')
      .get(id) as DraftRow | undefined;
    if (!row) throw new AppError('not_found', 'errors.draftNotFound');
    return row;
  }

  #write(id: string, revision: number, article: ArticleFields, bodyText?: string): { revision: number; updatedAt: string } {
    const updatedAt = this.#timestamp();
    this.#db
      .prepare(
        `UPDATE drafts SET revision = ?, headline = ?, section = ?, issue = ?, byline = ?, article = ?, updated_at = ?
          WHERE id = ?`,
      )
      .run(revision, article.headline, article.section, article.issue, article.byline, articleJson(article, bodyText), updatedAt, id);
    return { revision, updatedAt };
  }

  #snapshot(id: string, reason: RevisionReason): number {
    return this.history.take(id, reason);
  }

  #timestamp(): string {
    return this.#now().toISOString();
  }
}

// The article row's JSON. A body that arrives as checked JSON text goes in as it is: the
// fields around it are a few hundred bytes, the body of a long article half a megabyte.
function articleJson(article: ArticleFields, bodyText?: string): string {
  if (bodyText === undefined) return JSON.stringify(article);
  const rest = JSON.stringify(article, (key, value: unknown) => (key === 'body' ? undefined : value));
  return rest === '{}' ? `{"body":${bodyText}}` : `{"body":${bodyText},${rest.slice(1)}`;
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    article: ArticleFields.parse(JSON.parse(row.article)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
  };
}
