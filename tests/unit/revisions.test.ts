import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHandlers } from '../../electron/handlers.ts';
import { createDispatcher } from '../../electron/ipc.ts';
import { type ArticleFields, emptyBody } from '../../electron/model/article.ts';
import { bodyParagraphs } from '../../electron/model/plain-text.ts';
import { Revision, RevisionSummary } from '../../electron/model/revision.ts';
import { openDatabase } from '../../electron/services/drafts/database.ts';
import { PERIODIC_KEEP_ALL_DAYS } from '../../electron/services/drafts/revisions.ts';
import { DraftStore } from '../../electron/services/drafts/store.ts';
import { createServices } from '../../electron/services/index.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// Revision history on a real SQLite file: what the writer sees in the History panel and what a
// restore does to the draft.

let dir: TempDir;
let clock: number;
const now = () => new Date(clock);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

beforeEach(() => {
  dir = tempDir();
  clock = Date.parse('2025-03-10T09:00:00Z');
});
afterEach(() => dir.remove());

function store(options = {}) {
  const db = openDatabase(join(dir.path, 'drafts.db'));
  return { db, drafts: new DraftStore(db, { now, ...options }) };
}

function withBody(article: ArticleFields, ...texts: string[]): ArticleFields {
  const children = texts.map((text) => ({
    type: 'paragraph',
    version: 1,
    children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
  }));
  return { ...article, body: { root: { ...emptyBody().root, children } } };
}

describe('revision history', () => {
  test('lists a draft\'s revisions newest first with reason, headline and size', () => {
    const { db, drafts } = store();
    const draft = drafts.create({ headline: '첫 제목' });
    const other = drafts.create({ headline: 'another draft' });
    clock += MINUTE;
    const saved = drafts.save(draft.id, draft.revision, withBody({ ...draft.article, headline: '둘째 제목' }, '부산시의회 연구모임 발족', 'Two words'));
    clock += MINUTE;
    const manual = drafts.snapshot(draft.id, 'manual');
    clock += MINUTE;
    drafts.setStatus(draft.id, 'in_review');

    const list = drafts.history.list(draft.id);
    expect(list.map((r) => r.reason)).toEqual(['status', 'manual', 'created']);
    expect(list.map((r) => r.headline)).toEqual(['둘째 제목', '둘째 제목', '첫 제목']);
    expect(list[0]).toMatchObject({ draftId: draft.id, status: 'in_review', revision: saved.revision + 1 });
    expect(list[1]).toEqual(manual);
    expect(manual).toMatchObject({ reason: 'manual', revision: saved.revision, words: 5, characters: 22, createdAt: '2025-03-10T09:02:00.000Z' });
    expect(list[2]).toMatchObject({ words: 0, characters: 0 });
    for (const summary of list) expect(RevisionSummary.parse(summary)).toEqual(summary);
    expect(drafts.history.list(other.id)).toHaveLength(1);
    db.close();
  });

  test('a revision reads back with its whole article', () => {
    const { db, drafts } = store();
    const draft = drafts.create();
    drafts.save(draft.id, draft.revision, withBody({ ...draft.article, headline: '제목', tags: ['산업'] }, '본문'));
    const { id } = drafts.snapshot(draft.id, 'manual');
    const revision = drafts.history.get(id);
    expect(Revision.parse(revision)).toEqual(revision);
    expect(revision.article.tags).toEqual(['산업']);
    expect(bodyParagraphs(revision.article.body)).toEqual(['본문']);
    expect(() => drafts.history.get(id + 100)).toThrow(expect.objectContaining({ code: 'not_found' }));
    db.close();
  });

  test('a restore puts the old text back, and the text it replaced is itself a revision', () => {
    const { db, drafts } = store();
    const draft = drafts.create();
    let revision = drafts.save(draft.id, draft.revision, withBody({ ...draft.article, headline: '원래 제목' }, '원래 본문')).revision;
    const kept = drafts.snapshot(draft.id, 'manual');
    clock += MINUTE;
    revision = drafts.save(draft.id, revision, withBody({ ...draft.article, headline: '고친 제목' }, '고친 본문')).revision;

    clock += MINUTE;
    const restored = drafts.restoreRevision(draft.id, kept.id, revision);
    expect(restored.revision).toBe(revision + 1);
    expect(restored.article.headline).toBe('원래 제목');
    expect(bodyParagraphs(restored.article.body)).toEqual(['원래 본문']);
    expect(drafts.get(draft.id)).toEqual(restored);
    expect(drafts.list('active')[0]).toMatchObject({ headline: '원래 제목', updatedAt: '2025-03-10T09:02:00.000Z' });

    const [undo] = drafts.history.list(draft.id);
    expect(undo).toMatchObject({ reason: 'restore', revision, headline: '고친 제목' });
    // …so the restore can be taken back the same way.
    const again = drafts.restoreRevision(draft.id, undo!.id, restored.revision);
    expect(bodyParagraphs(again.article.body)).toEqual(['고친 본문']);
    db.close();
  });

  test('a restore chosen while looking at an older revision of the draft is refused', () => {
    const { db, drafts } = store();
    const draft = drafts.create({ headline: 'first' });
    const created = drafts.history.list(draft.id)[0]!;
    const saved = drafts.save(draft.id, draft.revision, { ...draft.article, headline: 'typed in another window' });
    expect(() => drafts.restoreRevision(draft.id, created.id, draft.revision)).toThrow(
      expect.objectContaining({ code: 'conflict', messageKey: 'errors.draftChangedElsewhere' }),
    );
    expect(drafts.get(draft.id)).toMatchObject({ revision: saved.revision, article: { headline: 'typed in another window' } });
    // The refused restore left no snapshot behind.
    expect(drafts.history.list(draft.id).map((r) => r.reason)).toEqual(['created']);
    db.close();
  });

  test('a revision of another draft cannot be restored into this one', () => {
    const { db, drafts } = store();
    const draft = drafts.create({ headline: 'mine' });
    const other = drafts.create({ headline: 'theirs' });
    const theirs = drafts.history.list(other.id)[0]!;
    expect(() => drafts.restoreRevision(draft.id, theirs.id, draft.revision)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(drafts.get(draft.id).article.headline).toBe('mine');
    db.close();
  });

  test('old periodic snapshots thin to the last of each day; chosen ones are all kept', () => {
    const { db, drafts } = store({ periodicSnapshotMs: 10 * MINUTE });
    const start = clock - 40 * DAY;
    clock = start;
    const draft = drafts.create();
    let revision = draft.revision;
    const type = (headline: string) => {
      revision = drafts.save(draft.id, revision, { ...draft.article, headline }).revision;
    };
    // Two days of writing, 40 days ago: a periodic snapshot every 10 minutes for an hour a day,
    // one "Save version" and one status change among them.
    for (let day = 0; day < 2; day++) {
      for (let step = 1; step <= 6; step++) {
        clock = start + day * DAY + step * 10 * MINUTE;
        type(`day ${day} step ${step}`);
      }
      clock += MINUTE;
      if (day === 0) drafts.snapshot(draft.id, 'manual');
      else revision = drafts.setStatus(draft.id, 'in_review').revision;
    }
    const before = drafts.history.list(draft.id);
    expect(before.filter((r) => r.reason === 'periodic')).toHaveLength(12);

    // Writing today (past the cut-off) prunes; recent periodic snapshots are all kept.
    clock = Date.parse('2025-03-10T09:00:00Z');
    for (let step = 1; step <= 3; step++) {
      clock += 10 * MINUTE;
      type(`today ${step}`);
    }
    const after = drafts.history.list(draft.id);
    const old = after.filter((r) => Date.parse(r.createdAt) < clock - PERIODIC_KEEP_ALL_DAYS * DAY);
    expect(old.map((r) => `${r.reason} ${r.headline}`)).toEqual([
      'status day 1 step 6',
      'periodic day 1 step 6',
      'manual day 0 step 6',
      'periodic day 0 step 6',
      'created ',
    ]);
    expect(after.filter((r) => r.reason === 'periodic' && !old.includes(r))).toHaveLength(3);
    db.close();
  });

  test('purging a draft removes its history', () => {
    const { db, drafts } = store();
    const draft = drafts.create();
    drafts.snapshot(draft.id, 'manual');
    drafts.trash(draft.id);
    drafts.purge(draft.id);
    expect(db.prepare('SELECT COUNT(*) AS n FROM revisions').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('revision history through the contract', () => {
  test('channels check their input, a restore tells the windows and is found by search', async () => {
    const events: unknown[] = [];
    const services = createServices({
      dataDir: dir.path,
      preferencesFile: new Conf<Record<string, unknown>>({ cwd: dir.path, configName: 'preferences', projectName: 'pressroom' }),
      events: { emit: (event, payload) => events.push({ event, payload }) },
      now,
    });
    const dispatch = createDispatcher(createHandlers(services, { name: 'Pressroom', version: '0', platform: 'linux', systemLocale: 'ko-KR' }));
    const call = async (channel: string, input: unknown) => {
      const envelope = await dispatch(channel, input);
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.code), envelope.error);
      return envelope.value as never;
    };
    try {
      const draft = services.drafts.create();
      const first = services.drafts.save(draft.id, draft.revision, withBody(draft.article, '해운대 모래축제'));
      const version = (await call('revisions.snapshot', { draftId: draft.id })) as { id: number };
      const second = services.drafts.save(draft.id, first.revision, withBody(draft.article, '광안리 불꽃축제'));
      expect(await call('drafts.search', { query: '광안리', scope: 'active' })).toHaveLength(1);

      await expect(call('revisions.get', { id: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(call('revisions.list', { draftId: 'nope' })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(call('revisions.list', { draftId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
      await expect(call('revisions.restore', { draftId: draft.id, revisionId: version.id, baseRevision: first.revision })).rejects.toMatchObject({
        code: 'conflict',
      });

      events.length = 0;
      const restored = (await call('revisions.restore', { draftId: draft.id, revisionId: version.id, baseRevision: second.revision })) as {
        revision: number;
      };
      expect(restored.revision).toBe(second.revision + 1);
      expect(events).toEqual([{ event: 'drafts.changed', payload: { ids: [draft.id] } }]);
      expect(await call('drafts.search', { query: '해운대', scope: 'active' })).toHaveLength(1);
      expect(await call('drafts.search', { query: '광안리', scope: 'active' })).toHaveLength(0);
      const list = (await call('revisions.list', { draftId: draft.id })) as Array<{ reason: string }>;
      expect(list.map((r) => r.reason)).toEqual(['restore', 'manual', 'created']);
    } finally {
      services.close();
    }
  });
});
