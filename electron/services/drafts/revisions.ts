import type { DatabaseSync } from 'node:sqlite';
import { ArticleFields, type ArticleStatus, LexicalDocument } from '../../model/article.ts';
import { AppError } from '../../model/errors.ts';
import { bodyParagraphs } from '../../model/plain-text.ts';
import type { Revision, RevisionReason, RevisionSummary } from '../../model/revision.ts';

interface RevisionRow {
  id: number;
  draft_id: string;
  revision: number;
  reason: RevisionReason;
  status: ArticleStatus;
  created_at: string;
  article: string;
}

interface Figures {
  words: number;
  characters: number;
}

const DAY_MS = 86_400_000;

// Periodic snapshots younger than this are all kept; older ones are thinned to one per day.
export const PERIODIC_KEEP_ALL_DAYS = 30;

// The revisions table: whole copies of a draft's article. The caller (DraftStore) owns the
// transactions; these methods are its building blocks and never open one of their own.
export class RevisionHistory {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  // Rows are never updated and ids never reused (AUTOINCREMENT), so a summary once made stays
  // right. Listing then costs an index scan: each stored article (a whole copy of the article,
  // and stored before created_at, so reading any later column reads it too) is read and parsed
  // once per process, not on every look at the list. Only committed rows are ever cached.
  readonly #summaries = new Map<number, RevisionSummary>();

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  // Keeps the draft as it is stored now: its revision and status from its row, and its whole
  // article as JSON text (the store joins the body from its blocks, see DraftStore).
  take(draftId: string, reason: RevisionReason, article: string): number {
    const result = this.#db
      .prepare(
        `INSERT INTO revisions (draft_id, revision, reason, status, article, created_at)
         SELECT id, revision, ?, status, ?, ? FROM drafts WHERE id = ?`,
      )
      .run(reason, article, this.#now().toISOString(), draftId);
    if (reason === 'periodic') this.prune(draftId);
    return Number(result.lastInsertRowid);
  }

  // Newest first: the order a writer looks for "what did it say before".
  list(draftId: string): RevisionSummary[] {
    const rows = this.#db
      .prepare('SELECT id FROM revisions WHERE draft_id = ? ORDER BY id DESC')
      .all(draftId) as unknown as Array<{ id: number }>;
    return rows.map(({ id }) => this.summary(id));
  }

  summary(id: number): RevisionSummary {
    const cached = this.#summaries.get(id);
    if (cached) return cached;
    const row = this.#read(id);
    const summary = toSummary(row, JSON.parse(row.article));
    this.#summaries.set(id, summary);
    return summary;
  }

  get(id: number): Revision {
    const row = this.#read(id);
    const stored: unknown = JSON.parse(row.article);
    return { ...toSummary(row, stored), article: ArticleFields.parse(stored) };
  }

  // How long ago the draft's newest snapshot was taken (infinite when it has none).
  lastAge(draftId: string): number {
    const row = this.#db
      .prepare('SELECT created_at FROM revisions WHERE draft_id = ? ORDER BY id DESC LIMIT 1')
      .get(draftId) as { created_at: string } | undefined;
    if (!row) return Number.POSITIVE_INFINITY;
    return this.#now().getTime() - Date.parse(row.created_at);
  }

  // Why: periodic snapshots arrive every few minutes of typing, dozens a day on a long piece,
  // and each is a whole copy of the article. A month on, nobody needs the state at 14:10 versus
  // 14:20, but the state at the end of each day is still a useful place to go back to. So
  // periodic snapshots older than PERIODIC_KEEP_ALL_DAYS are thinned to the last one of each
  // (UTC) day. Every other reason marks a moment someone chose or an editorial milestone
  // (created, status change, "Save version", the text replaced by a restore) and is never pruned.
  // Returns how many snapshots were removed.
  prune(draftId: string): number {
    const cutoff = new Date(this.#now().getTime() - PERIODIC_KEEP_ALL_DAYS * DAY_MS).toISOString();
    // created_at is an ISO string in UTC, so its first 10 characters are the day.
    const result = this.#db
      .prepare(
        `DELETE FROM revisions
          WHERE draft_id = ?1 AND reason = 'periodic' AND created_at < ?2
            AND id NOT IN (SELECT MAX(id) FROM revisions
                            WHERE draft_id = ?1 AND reason = 'periodic' AND created_at < ?2
                            GROUP BY substr(created_at, 1, 10))`,
      )
      .run(draftId, cutoff);
    return Number(result.changes);
  }

  #read(id: number): RevisionRow {
    const row = this.#db
      .prepare('SELECT id, draft_id, revision, reason, status, created_at, article FROM revisions WHERE id = ?')
      .get(id) as RevisionRow | undefined;
    if (!row) throw new AppError('not_found', 'errors.revisionNotFound');
    return row;
  }
}

// Only what the list shows is read from the stored article, without validating every field:
// a summary must not fail on an article an older version of the app wrote.
function toSummary(row: RevisionRow, stored: unknown): RevisionSummary {
  const article = (typeof stored === 'object' && stored !== null ? stored : {}) as { headline?: unknown; body?: unknown };
  const body = LexicalDocument.safeParse(article.body);
  return {
    id: row.id,
    draftId: row.draft_id,
    revision: row.revision,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at,
    headline: typeof article.headline === 'string' ? article.headline : '',
    ...(body.success ? measure(bodyParagraphs(body.data)) : { words: 0, characters: 0 }),
  };
}

// Words are runs between spaces that hold a letter or digit (a Korean 어절 counts as one, as
// Korean editors count them); characters are code points, spaces included, as 원고지 counts do.
export function measure(paragraphs: readonly string[]): Figures {
  let words = 0;
  let characters = 0;
  for (const paragraph of paragraphs) {
    // One regex pass per paragraph: a long history is measured in bulk after each app start.
    words += paragraph.match(WORD_CHUNK)?.length ?? 0;
    characters += paragraph.length - (paragraph.match(LOW_SURROGATE)?.length ?? 0) - (paragraph.match(NEWLINE)?.length ?? 0);
  }
  return { words, characters };
}

// A space-delimited chunk holding at least one letter or digit ("--" alone is not a word).
const WORD_CHUNK = /\S*[\p{L}\p{N}]\S*/gu;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/g;
const NEWLINE = /\n/g;
