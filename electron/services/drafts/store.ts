import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ArticleFields, type ArticleStatus, type Draft, type DraftSummary, emptyBody, joinBody } from '../../model/article.ts';
import { AppError } from '../../model/errors.ts';
import type { RevisionReason, RevisionSummary } from '../../model/revision.ts';
import { transaction } from './database.ts';
import { RevisionHistory } from './revisions.ts';

export type { RevisionReason } from '../../model/revision.ts';

// What a draft row holds of its article: every field but the body as JSON, and the body's root
// (its own JSON without children) and the ids of its blocks in order. The blocks are rows of
// draft_blocks.
interface ArticleRow {
  id: string;
  article: string;
  body_head: string;
  body_order: string;
}

interface DraftRow extends ArticleRow {
  revision: number;
  status: ArticleStatus;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

// The body as the store writes it: the root's own JSON (without children), the ids of its
// top-level blocks in order, and block JSON texts by id.
// - 'replace': every block of the draft is rewritten; blocks holds all of them.
// - 'patch': the stored blocks are the base this body was completed against (the last save
//   confirmed to the same editor session, at the revision this save is based on; any other
//   write bumps the revision, so such a base is never stale). Only the blocks in `blocks` are
//   written, and those in `removed` (in the base, no longer in the order) deleted.
export type BodyWrite =
  | { kind: 'replace'; head: string; order: readonly string[]; blocks: ReadonlyMap<string, string> }
  | { kind: 'patch'; head: string; order: readonly string[]; blocks: ReadonlyMap<string, string>; removed: readonly string[] };

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
    const list = JSON.stringify(ids);
    const rows = this.#db
      .prepare('SELECT id, article, body_head, body_order FROM drafts WHERE id IN (SELECT value FROM json_each(?))')
      .all(list) as unknown as ArticleRow[];
    const blocks = new Map<string, Map<string, string>>();
    const blockRows = this.#db
      .prepare('SELECT draft_id, block_id, json FROM draft_blocks WHERE draft_id IN (SELECT value FROM json_each(?))')
      .all(list) as Array<{ draft_id: string; block_id: string; json: string }>;
    for (const row of blockRows) {
      let own = blocks.get(row.draft_id);
      if (!own) blocks.set(row.draft_id, (own = new Map()));
      own.set(row.block_id, row.json);
    }
    return rows.map((row) => ({ id: row.id, article: JSON.parse(articleText(row, blocks.get(row.id) ?? new Map())) as ArticleFields }));
  }

  create(article: Partial<ArticleFields> = {}): Draft {
    const fields = ArticleFields.parse({ body: emptyBody(), ...article });
    const id = randomUUID();
    const at = this.#timestamp();
    transaction(this.#db, () => {
      this.#insert(id, 'draft', at);
      this.#write(id, 1, fields, at);
      this.#snapshot(id, 'created');
    });
    return this.get(id);
  }

  get(id: string): Draft {
    const row = this.#row(id);
    return toDraft(row, this.#articleText(row));
  }

  // body: how to write the body when the caller knows more than article.body (an editor's patch,
  // see BodyWrite); without it the article's body replaces every stored block.
  save(id: string, baseRevision: number, article: ArticleFields, body?: BodyWrite): { revision: number; updatedAt: string } {
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
      const result = this.#write(id, current.revision + 1, article, this.#timestamp(), body);
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
      this.#write(id, current.revision + 1, target.article, this.#timestamp());
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
      this.#insert(id, input.status, input.createdAt);
      this.#write(id, revision, article, at);
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

  // The draft's row: a few hundred bytes now that its body's blocks are rows of their own.
  #row(id: string): DraftRow {
    const row = this.#db
      .prepare('SELECT id, revision, status, article, body_head, body_order, created_at, updated_at, trashed_at FROM drafts WHERE id = ?')
      .get(id) as DraftRow | undefined;
    if (!row) throw new AppError('not_found', 'errors.draftNotFound');
    return row;
  }

  // The draft's article as JSON text, its body joined from the block rows (one read of all the
  // draft's blocks) in the order its row keeps.
  #articleText(row: ArticleRow): string {
    const rows = this.#db.prepare('SELECT block_id, json FROM draft_blocks WHERE draft_id = ?').all(row.id) as Array<{ block_id: string; json: string }>;
    return articleText(row, new Map(rows.map((block) => [block.block_id, block.json])));
  }

  // A new draft's row, empty until #write fills it (in the same transaction).
  #insert(id: string, status: ArticleStatus, createdAt: string): void {
    this.#db
      .prepare(
        `INSERT INTO drafts (id, revision, status, headline, section, issue, byline, article, created_at, updated_at)
         VALUES (?, 0, ?, '', '', '', '', '{}', ?, ?)`,
      )
      .run(id, status, createdAt, createdAt);
  }

  // The one place a draft's article is written: its fields, and its body as block rows. Without
  // `body` the article's body replaces every block (ids '0', '1', …).
  #write(id: string, revision: number, article: ArticleFields, updatedAt: string, body: BodyWrite = replaceBody(article)): { revision: number; updatedAt: string } {
    // Every field but the body, which is in the block rows.
    const fields: Partial<ArticleFields> = { ...article };
    delete fields.body;
    this.#db
      .prepare(
        `UPDATE drafts SET revision = ?, headline = ?, section = ?, issue = ?, byline = ?, article = ?, body_head = ?, body_order = ?,
                updated_at = ? WHERE id = ?`,
      )
      .run(revision, article.headline, article.section, article.issue, article.byline, JSON.stringify(fields), body.head, JSON.stringify(body.order), updatedAt, id);
    if (body.kind === 'replace') {
      this.#db.prepare('DELETE FROM draft_blocks WHERE draft_id = ?').run(id);
    } else if (body.removed.length > 0) {
      this.#db
        .prepare('DELETE FROM draft_blocks WHERE draft_id = ? AND block_id IN (SELECT value FROM json_each(?))')
        .run(id, JSON.stringify(body.removed));
    }
    if (body.blocks.size > 0) {
      const upsert = this.#db.prepare(
        'INSERT INTO draft_blocks (draft_id, block_id, json) VALUES (?, ?, ?) ON CONFLICT (draft_id, block_id) DO UPDATE SET json = excluded.json',
      );
      for (const [blockId, json] of body.blocks) upsert.run(id, blockId, json);
    }
    return { revision, updatedAt };
  }

  // Revisions keep whole articles: the text is joined here, when one is taken (rarely).
  #snapshot(id: string, reason: RevisionReason): number {
    return this.history.take(id, reason, this.#articleText(this.#row(id)));
  }

  #timestamp(): string {
    return this.#now().toISOString();
  }
}

// A whole body as block rows: each top-level block's JSON under its position.
function replaceBody(article: ArticleFields): BodyWrite {
  const { children, ...head } = article.body.root;
  const blocks = new Map(children.map((block, i) => [String(i), JSON.stringify(block)]));
  return { kind: 'replace', head: JSON.stringify(head), order: [...blocks.keys()], blocks };
}

// The article's JSON text from a draft row and its blocks: the body joined with the model's
// joinBody, then the other fields. A block the order names but the table lacks means the
// database lost part of the draft; reading on would silently drop text.
function articleText(row: ArticleRow, blocks: ReadonlyMap<string, string>): string {
  const order = JSON.parse(row.body_order) as string[];
  const texts = order.map((blockId) => {
    const json = blocks.get(blockId);
    if (json === undefined) throw new AppError('storage_corrupt', 'errors.storageCorrupt', { detail: `draft ${row.id} lacks block ${blockId}` });
    return json;
  });
  const body = joinBody(row.body_head, texts);
  return row.article === '{}' ? `{"body":${body}}` : `{"body":${body},${row.article.slice(1)}`;
}

function toDraft(row: DraftRow, article: string): Draft {
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    article: ArticleFields.parse(JSON.parse(article)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
  };
}
