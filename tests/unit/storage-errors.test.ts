import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type ArticleFields, emptyBody } from '../../electron/model/article.ts';
import { AppError } from '../../electron/model/errors.ts';
import { openDatabase } from '../../electron/services/drafts/database.ts';
import { DraftsService } from '../../electron/services/drafts/service.ts';
import { DraftsStorage, type DraftsStorageOptions } from '../../electron/services/drafts/storage-health.ts';
import { toStorageError } from '../../electron/services/drafts/storage-errors.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// A full disk or a read-only folder during a save reaches the writer as storage_full /
// storage_read_only (translated in the UI), the draft in the database stays as it was, and the
// same save succeeds once the cause is gone.

let dir: TempDir;
let cleanup: Array<() => void> = [];

beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
  dir.remove();
});

function service(options: Partial<DraftsStorageOptions> = {}) {
  const storage = new DraftsStorage({ dataDir: dir.path, onError: () => {}, ...options });
  storage.open();
  cleanup.push(() => storage.close());
  return new DraftsService({ storage, events: { emit() {} }, publications: () => [] });
}

function withText(article: ArticleFields, text: string): ArticleFields {
  const body = emptyBody();
  body.root.children = [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }];
  return { ...article, body };
}

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('a full disk', () => {
  // SQLite's own limit on the file's size stands in for the disk: past it SQLite fails the write
  // with SQLITE_FULL, the same code a disk out of space gives (its VFS maps ENOSPC to it).
  // Only the cause is simulated; the error, the rollback and the mapping are the real ones.
  test('a save answers storage_full, keeps the old text, and lands once there is room', () => {
    let db: DatabaseSync | undefined;
    const drafts = service({
      openDatabase: (file) => {
        db = openDatabase(file);
        return db;
      },
    });
    const draft = drafts.create();
    const first = drafts.save(draft.id, draft.revision, withText(draft.article, 'first line'));
    const pages = (db!.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    db!.exec(`PRAGMA max_page_count = ${pages}`);

    const long = withText(draft.article, '가'.repeat(200_000));
    const error = thrown(() => drafts.save(draft.id, first.revision, long));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'storage_full', messageKey: 'errors.storageFull' });
    // Rolled back whole: the database still has the last good save.
    expect(drafts.get(draft.id)).toMatchObject({ revision: first.revision, article: withText(draft.article, 'first line') });

    db!.exec('PRAGMA max_page_count = 1073741823');
    expect(drafts.save(draft.id, first.revision, long).revision).toBe(first.revision + 1);
    expect(drafts.get(draft.id).article).toEqual(long);
  });
});

describe('a read-only data folder', () => {
  const root = process.getuid?.() === 0;

  // The tests run as root, and root writes through chmod. So the read-only condition is made
  // with SQLite's own read-only open of the same file (what SQLite also does by itself when it
  // cannot open the file for writing): the write then fails with a real SQLITE_READONLY.
  test('a save answers storage_read_only (database opened read-only)', () => {
    const seed = service();
    const draft = seed.create();
    seed.close();
    cleanup = [];

    const drafts = service({ openDatabase: (file) => new DatabaseSync(file, { readOnly: true }) });
    expect(drafts.get(draft.id).id).toBe(draft.id);
    const error = thrown(() => drafts.save(draft.id, draft.revision, withText(draft.article, 'typed')));
    expect(error).toMatchObject({ code: 'storage_read_only', messageKey: 'errors.storageReadOnly' });
    expect(thrown(() => drafts.create())).toMatchObject({ code: 'storage_read_only' });
  });

  // Where permissions do stop writes (a writer's own account), the real thing: chmod.
  test.skipIf(root)('a save answers storage_read_only (folder and file chmod read-only)', () => {
    const drafts = service();
    const draft = drafts.create();
    const file = join(dir.path, 'drafts.db');
    chmodSync(file, 0o444);
    chmodSync(dir.path, 0o555);
    cleanup.push(() => {
      chmodSync(dir.path, 0o755);
      chmodSync(file, 0o644);
    });
    // The open connection keeps its handle; reopen as the app would after a restart.
    const reopened = service();
    expect(thrown(() => reopened.save(draft.id, draft.revision, withText(draft.article, 'typed')))).toMatchObject({
      code: expect.stringMatching(/^storage_read_only$/),
    });
  });
});

describe('mapping', () => {
  test('operating-system errors from file work map the same way', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    expect(toStorageError(errno('ENOSPC'))).toMatchObject({ code: 'storage_full' });
    expect(toStorageError(errno('EDQUOT'))).toMatchObject({ code: 'storage_full' });
    expect(toStorageError(errno('EROFS'))).toMatchObject({ code: 'storage_read_only' });
    expect(toStorageError(errno('EACCES'))).toMatchObject({ code: 'storage_read_only' });
    const other = errno('EBUSY');
    expect(toStorageError(other)).toBe(other);
  });

  test('SQLite corruption maps to storage_corrupt, other SQLite errors stay internal', () => {
    const garbage = join(dir.path, 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(4096, 0x41));
    const db = new DatabaseSync(garbage);
    expect(toStorageError(thrown(() => db.prepare('SELECT 1 FROM sqlite_schema').get()))).toMatchObject({ code: 'storage_corrupt' });
    db.close();
    const fine = new DatabaseSync(':memory:');
    const syntax = thrown(() => fine.exec('SELEC 1'));
    expect(toStorageError(syntax)).toBe(syntax);
    fine.close();
  });
});
