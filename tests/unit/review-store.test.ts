import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyReview, type ReviewData } from '../../electron/model/review.ts';
import { openPublishingDatabase } from '../../electron/services/publishing/database.ts';
import { readRemoteReview, ReviewStore } from '../../electron/services/review/store.ts';
import { tempDir, type TempDir } from '../support/temp.ts';

// Review data kept locally, and the site's copy checked before anything of it is used.

const draftId = '7a3c1e2e-64c4-4b7e-9d59-0d6b1f6f2a11';
const siteId = '0e8f2f4a-9f39-4d8e-8f0a-6c3a8c2f5b77';

const data: ReviewData = {
  ...emptyReview(),
  threads: [
    {
      id: 'thread-aaaa',
      quote: '뿌리산업',
      comments: [{ id: 'comment-1', author: { siteId: null, userId: 2, name: '편집자' }, at: '2025-03-10T09:00:00.000Z', text: '근거는?', editedAt: null, deleted: false }],
      resolved: false,
      stateAt: '2025-03-10T09:00:00.000Z',
      stateBy: null,
    },
  ],
};

let dir: TempDir;
let db: DatabaseSync;
let store: ReviewStore;

beforeEach(() => {
  dir = tempDir('pressroom-review-store-');
  db = openPublishingDatabase(join(dir.path, 'publishing.db'));
  store = new ReviewStore(db, () => new Date('2025-03-10T10:00:00Z'));
  db.prepare(
    `INSERT INTO sites (id, url, name, username, user_id, capabilities, plugin, secret, verified_at, added_at)
     VALUES (?, 'https://news.example', 'News', 'editor', 2, '{"publish":true,"upload":true,"editOthers":true}', '{"version":"0.1.0"}', x'00', '', '')`,
  ).run(siteId);
});

afterEach(() => {
  db.close();
  dir.remove();
});

describe('the site\'s copy', () => {
  it('is read only when it is review data', () => {
    expect(readRemoteReview(JSON.stringify(data))).toEqual({ kind: 'ok', data });
    expect(readRemoteReview('')).toEqual({ kind: 'none' });
    expect(readRemoteReview(undefined)).toEqual({ kind: 'none' });
  });

  it('is refused when it is malformed, however it is malformed', () => {
    const hostile = [
      'not json',
      '{"version":1,"threads":"all of them"}',
      JSON.stringify({ ...data, threads: [{ ...data.threads[0], comments: [{ text: '' }] }] }),
      JSON.stringify({ ...data, threads: [{ ...data.threads[0], id: 'x'.repeat(500) }] }),
      JSON.stringify({ ...data, suggestions: [{ id: 's', kind: 'replace-everything' }] }),
      JSON.stringify({ ...data, timeline: [{ id: 't', from: 'draft', to: 'deleted', action: 'submit', by: { siteId: null, userId: 1, name: 'x' }, at: '' }] }),
      JSON.stringify([data]),
      '42',
      'null',
    ];
    for (const value of hostile) expect(readRemoteReview(value), value.slice(0, 60)).toEqual({ kind: 'invalid' });
    expect(readRemoteReview(123)).toEqual({ kind: 'invalid' });
  });

  it('tells a newer app\'s format apart, so it is not written over', () => {
    expect(readRemoteReview(JSON.stringify({ ...data, version: 2, comments: 'elsewhere' }))).toEqual({ kind: 'newer' });
  });
});

describe('the local copy', () => {
  it('starts empty and keeps what is written, in canonical order', () => {
    expect(store.get(draftId)).toEqual(emptyReview());
    const result = store.update(draftId, () => data);
    expect(result.changed).toBe(true);
    expect(store.get(draftId)).toEqual(data);
    expect(store.update(draftId, (current) => current).changed).toBe(false);
  });

  it('refuses to write something that is not review data', () => {
    expect(() => store.update(draftId, () => ({ ...data, threads: [{ ...data.threads[0]!, comments: [{ ...data.threads[0]!.comments[0]!, text: '' }] }] }))).toThrow(
      expect.objectContaining({ code: 'invalid_input', messageKey: 'review.tooMany' }),
    );
    const comments = Array.from({ length: 501 }, (_, index) => ({ ...data.threads[0]!.comments[0]!, id: `comment-${index}` }));
    expect(() => store.update(draftId, () => ({ ...data, threads: [{ ...data.threads[0]!, comments }] }))).toThrow(expect.objectContaining({ messageKey: 'review.tooMany' }));
    expect(store.get(draftId)).toEqual(emptyReview());
  });

  it('says plainly when the stored copy was damaged, rather than starting over', () => {
    store.update(draftId, () => data);
    db.prepare('UPDATE review SET data = ? WHERE draft_id = ?').run('{"version":1,"threads":', draftId);
    expect(() => store.get(draftId)).toThrow(expect.objectContaining({ code: 'storage_corrupt', messageKey: 'review.localInvalid' }));
    expect(() => store.update(draftId, (current) => current)).toThrow(expect.objectContaining({ code: 'storage_corrupt' }));
  });

  it('keeps a problem with the site\'s copy beside the data', () => {
    store.update(draftId, () => data);
    store.setProblem(draftId, { code: 'invalid_input', messageKey: 'review.remoteInvalid', params: { host: 'news.example' } });
    expect(store.problem(draftId)).toEqual({ code: 'invalid_input', messageKey: 'review.remoteInvalid', params: { host: 'news.example' } });
    expect(store.get(draftId)).toEqual(data);
    store.setProblem(draftId, null);
    expect(store.problem(draftId)).toBeNull();
  });
});

describe('the review queue', () => {
  const item = (postId: number, modifiedGmt: string) => ({ postId, title: `기사 ${postId}`, author: '조현경', modifiedGmt, link: `https://news.example/?p=${postId}`, draftId: null });

  it('replaces a site\'s list with its answer and keeps the drafts already opened', () => {
    store.replaceQueue(siteId, [item(1, '2025-03-10T09:00:00'), item(2, '2025-03-10T10:00:00')]);
    store.markOpened(siteId, 1, draftId);
    store.replaceQueue(siteId, [item(1, '2025-03-10T11:00:00'), item(3, '2025-03-10T08:00:00')]);
    expect(store.queue().map((entry) => [entry.postId, entry.draftId])).toEqual([
      [1, draftId],
      [3, null],
    ]);
  });

  it('forgets a draft deleted for good: its comments, what was known of its post, its link in the queue', () => {
    store.update(draftId, () => data);
    store.setBase(draftId, siteId, { modifiedGmt: '2025-03-10T09:00:00', fingerprint: 'f' });
    store.replaceQueue(siteId, [item(1, '2025-03-10T09:00:00')]);
    store.markOpened(siteId, 1, draftId);
    store.forget(draftId);
    expect(store.get(draftId)).toEqual(emptyReview());
    expect(store.base(draftId, siteId)).toBeNull();
    expect(store.queue().map((entry) => [entry.postId, entry.draftId])).toEqual([[1, null]]);
    expect(db.prepare('SELECT count(*) AS n FROM review WHERE draft_id = ?').get(draftId)).toEqual({ n: 0 });
  });

  it('goes with its site', () => {
    store.replaceQueue(siteId, [item(1, '2025-03-10T09:00:00')]);
    db.prepare('DELETE FROM sites WHERE id = ?').run(siteId);
    expect(store.queue()).toEqual([]);
  });
});
