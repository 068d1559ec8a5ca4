import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type ArticleFields, emptyBody } from '../../electron/model/article.ts';
import { openDatabase, SCHEMA_VERSION } from '../../electron/services/drafts/database.ts';
import { bodyParagraphs } from '../../electron/model/plain-text.ts';
import { DraftStore } from '../../electron/services/drafts/store.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

let dir: TempDir;
let clock: number;
const now = () => new Date(clock);

beforeEach(() => {
  dir = tempDir();
  clock = Date.parse('2025-03-10T09:00:00Z');
});
afterEach(() => dir.remove());

function store(options = {}) {
  const db = openDatabase(join(dir.path, 'drafts.db'));
  return { db, drafts: new DraftStore(db, { now, ...options }) };
}

function paragraph(text: string) {
  return { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] };
}

function withBody(article: ArticleFields, ...texts: string[]): ArticleFields {
  return { ...article, body: { root: { ...emptyBody().root, children: texts.map(paragraph) } } };
}

describe('drafts on SQLite', () => {
  test('a saved draft reads back whole after the database is reopened', () => {
    const first = store();
    const draft = first.drafts.create({ headline: '뿌리산업에 첨단기술 더해' });
    const article = withBody({ ...draft.article, byline: '조현경', tags: ['뿌리산업', '부산시의회'] }, '첫 문단', '둘째 문단');
    const saved = first.drafts.save(draft.id, draft.revision, article);
    first.db.close();

    const second = store();
    const reread = second.drafts.get(draft.id);
    expect(reread.revision).toBe(saved.revision);
    expect(reread.article).toEqual(article);
    expect(bodyParagraphs(reread.article.body)).toEqual(['첫 문단', '둘째 문단']);
    second.db.close();
  });

  test('uses WAL and records its schema version', () => {
    const { db } = store();
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    db.close();
  });

  test('a save based on an old revision is refused instead of overwriting newer text', () => {
    const { db, drafts } = store();
    const draft = drafts.create();
    drafts.save(draft.id, draft.revision, { ...draft.article, headline: 'newer' });
    expect(() => drafts.save(draft.id, draft.revision, { ...draft.article, headline: 'stale' })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(drafts.get(draft.id).article.headline).toBe('newer');
    db.close();
  });

  test('lists newest first and keeps trashed drafts apart until restored', () => {
    const { db, drafts } = store();
    const older = drafts.create({ headline: 'older' });
    clock += 60_000;
    const newer = drafts.create({ headline: 'newer' });
    expect(drafts.list('active').map((d) => d.headline)).toEqual(['newer', 'older']);
    drafts.trash(older.id);
    expect(drafts.list('active').map((d) => d.id)).toEqual([newer.id]);
    expect(drafts.list('trash').map((d) => d.id)).toEqual([older.id]);
    drafts.restore(older.id);
    expect(drafts.list('trash')).toEqual([]);
    db.close();
  });

  test('permanent deletion only from the trash', () => {
    const { db, drafts } = store();
    const draft = drafts.create({ headline: 'keep me' });
    expect(() => drafts.purge(draft.id)).toThrow(expect.objectContaining({ code: 'conflict' }));
    drafts.trash(draft.id);
    drafts.purge(draft.id);
    expect(() => drafts.get(draft.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    db.close();
  });

  test('a duplicate is a separate draft with the same fields', () => {
    const { db, drafts } = store();
    const draft = drafts.create({ headline: '원본', section: '인터뷰' });
    const copy = drafts.duplicate(draft.id);
    expect(copy.id).not.toBe(draft.id);
    expect(copy.article).toEqual(draft.article);
    drafts.save(copy.id, copy.revision, { ...copy.article, headline: '사본' });
    expect(drafts.get(draft.id).article.headline).toBe('원본');
    db.close();
  });

  test('snapshots on creation, on each status change and periodically while typing', () => {
    const { db, drafts } = store({ periodicSnapshotMs: 5 * 60_000 });
    const draft = drafts.create();
    let revision = draft.revision;
    for (let minute = 1; minute <= 12; minute++) {
      clock += 60_000;
      revision = drafts.save(draft.id, revision, { ...draft.article, headline: `v${minute}` }).revision;
    }
    drafts.setStatus(draft.id, 'in_review');
    const reasons = (db.prepare('SELECT reason FROM revisions WHERE draft_id = ? ORDER BY id').all(draft.id) as Array<{ reason: string }>).map(
      (row) => row.reason,
    );
    expect(reasons).toEqual(['created', 'periodic', 'periodic', 'status']);
    db.close();
  });
});
