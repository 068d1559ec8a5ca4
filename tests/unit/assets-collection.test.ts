import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ArticleFields } from '../../electron/model/article.ts';
import { referencedAssets, referencedSince } from '../../electron/services/assets/references.ts';
import type { Services } from '../../electron/services/index.ts';
import { paragraphsToBody } from '../support/articles.ts';
import { servicesIn } from '../support/services.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// Garbage collection over the real drafts database: assets no draft, revision or backup refers
// to go, once their drafts were purged and they are over an hour old.

let dir: TempDir;
let clock: number;
let services: Services;
let dispatch: ReturnType<typeof servicesIn>['dispatch'];
const HOUR = 60 * 60_000;

beforeEach(() => {
  dir = tempDir();
  clock = Date.parse('2025-03-10T09:00:00Z');
  ({ services, dispatch } = servicesIn(dir.path, () => new Date(clock)));
});
afterEach(() => {
  services.close();
  dir.remove();
});

const text = (content: string) => Buffer.from(content);

function withAssets(article: ArticleFields, figures: string[], attachments: Array<{ id: string; name: string }> = []): ArticleFields {
  const body = paragraphsToBody(['사진 기사']);
  for (const id of figures) {
    body.root.children.push({
      type: 'figure',
      version: 1,
      image: { assetId: id, alt: '', credit: '', width: null, height: null },
      caption: { root: { type: 'root', children: [] } },
      size: 'inline',
      align: 'center',
    });
  }
  return { ...article, body, attachments: attachments.map(({ id, name }) => ({ assetId: id, name, size: 1, mime: 'text/plain' })) };
}

function draftReferring(figures: string[], attachments: Array<{ id: string; name: string }> = []) {
  const draft = services.drafts.create();
  services.drafts.save(draft.id, draft.revision, withAssets(draft.article, figures, attachments));
  return services.drafts.get(draft.id);
}

async function importText(content: string) {
  return (await services.assets.import(`${content}.txt`, text(content), 'attachment')).id;
}

describe('collecting unused assets', () => {
  test('keeps what drafts (figures, attachments) and revisions refer to, and what is recent; removes the rest', async () => {
    const figure = await importText('figure');
    const attached = await importText('attached');
    const inRevisionOnly = await importText('revision only');
    const purged = await importText('purged');
    const neverUsed = await importText('never used');

    draftReferring([figure], [{ id: attached, name: 'attached.txt' }]);
    const edited = draftReferring([inRevisionOnly]);
    services.drafts.saveVersion(edited.id);
    services.drafts.save(edited.id, edited.revision + 0, withAssets(edited.article, []));
    const gone = draftReferring([purged]);
    services.drafts.trash(gone.id);
    services.drafts.purge(gone.id);

    clock += 2 * HOUR;
    const recent = await importText('recent');
    const report = await services.assets.collectGarbage();
    expect(report.removed.sort()).toEqual([neverUsed, purged].sort());
    expect(await services.assets.check([figure, attached, inRevisionOnly, recent, purged, neverUsed])).toEqual([
      { id: figure, state: 'ok' },
      { id: attached, state: 'ok' },
      { id: inRevisionOnly, state: 'ok' },
      { id: recent, state: 'ok' },
      { id: purged, state: 'missing' },
      { id: neverUsed, state: 'missing' },
    ]);
  });

  test('an asset imported in the last hour stays even when nothing refers to it yet', async () => {
    draftReferring([]);
    const dropped = await importText('just dropped');
    clock += 59 * 60_000;
    expect((await services.assets.collectGarbage()).removed).toEqual([]);
    // Dropped again (the same bytes): the hour starts over.
    clock += 30 * 60_000;
    await importText('just dropped');
    clock += 45 * 60_000;
    expect((await services.assets.collectGarbage()).removed).toEqual([]);
    clock += 16 * 60_000;
    expect((await services.assets.collectGarbage()).removed).toEqual([dropped]);
  });

  test('a backup that still holds a purged draft keeps its assets, so restoring it finds them', async () => {
    const photo = await importText('photo in backup');
    const draft = draftReferring([photo]);
    expect(services.storage.backups.backupIfChanged()).toBeDefined();
    services.drafts.trash(draft.id);
    services.drafts.purge(draft.id);
    draftReferring([]);
    clock += 2 * HOUR;
    expect((await services.assets.collectGarbage()).removed).toEqual([]);

    for (const name of services.storage.backups.files.names()) rmSync(services.storage.backups.files.pathOf(name)!);
    expect((await services.assets.collectGarbage()).removed).toEqual([photo]);
  });

  test('keeps everything when the library is empty or drafts.db is not open', async () => {
    const orphan = await importText('orphan');
    clock += 2 * HOUR;
    expect(await services.assets.collectGarbage()).toMatchObject({ removed: [], skipped: 'no_drafts' });
    services.storage.close();
    expect(await services.assets.collectGarbage()).toMatchObject({ removed: [], skipped: 'storage_unavailable' });
    expect(await services.assets.check([orphan])).toEqual([{ id: orphan, state: 'ok' }]);
  });

  test('sweeps temporary files a crash left behind, not ones being written', async () => {
    draftReferring([]);
    const id = await importText('kept');
    const folder = services.assets.store.layout.folder(id);
    const old = join(folder, '.tmp-crashed');
    const fresh = join(folder, '.tmp-writing');
    writeFileSync(old, 'x');
    writeFileSync(fresh, 'x');
    utimesSync(old, new Date(clock - 3 * HOUR), new Date(clock - 3 * HOUR));
    utimesSync(fresh, new Date(clock), new Date(clock));
    await services.assets.collectGarbage();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  test('collections asked for during one run once after it, not side by side', async () => {
    draftReferring([]);
    const orphan = await importText('orphan');
    clock += 2 * HOUR;
    const [first, second, third] = await Promise.all([services.assets.collectGarbage(), services.assets.collectGarbage(), services.assets.collectGarbage()]);
    expect(first!.removed).toEqual([orphan]);
    expect(second!.removed).toEqual([]);
    expect(third!.removed).toEqual([]);
  });

  test('a purge asks for a collection in the background', async () => {
    const collectSoon = vi.spyOn(services.assets, 'collectSoon');
    const draft = services.drafts.create();
    services.drafts.trash(draft.id);
    expect(await dispatch('drafts.purge', { id: draft.id })).toEqual({ ok: true, value: { ok: true } });
    expect(collectSoon).toHaveBeenCalledOnce();
  });
});

describe('finding references in a drafts database', () => {
  test('reads figure, gallery and attachment ids from drafts and revisions, a batch at a time', async () => {
    const db = new DatabaseSync(':memory:');
    db.exec('CREATE TABLE drafts (id TEXT, article TEXT, updated_at TEXT); CREATE TABLE revisions (id INTEGER PRIMARY KEY, article TEXT, created_at TEXT);');
    const id = (n: number) => n.toString(16).padStart(64, '0');
    const insertDraft = db.prepare('INSERT INTO drafts VALUES (?, ?, ?)');
    for (let n = 1; n <= 50; n++) insertDraft.run(`d${n}`, JSON.stringify({ body: { root: { children: [{ type: 'figure', image: { assetId: id(n) } }] } } }), '2025-03-10T09:00:00.000Z');
    insertDraft.run('g', JSON.stringify({ body: { root: { children: [{ type: 'gallery', images: [{ assetId: id(100) }, { assetId: id(101) }] }] } } }), '2025-03-10T10:00:00.000Z');
    insertDraft.run('plain', JSON.stringify({ headline: 'no assets', note: 'assetId in prose is not a reference' }), '2025-03-10T09:00:00.000Z');
    db.prepare('INSERT INTO revisions (article, created_at) VALUES (?, ?)').run(JSON.stringify({ attachments: [{ assetId: id(200), name: 'a.pdf' }] }), '2025-03-10T11:00:00.000Z');
    let pauses = 0;
    const found = await referencedAssets(db, { batchSize: 7, pause: async () => void pauses++ });
    expect(found).toEqual(new Set([...Array.from({ length: 50 }, (_, n) => id(n + 1)), id(100), id(101), id(200)]));
    expect(pauses).toBeGreaterThanOrEqual(7);
    expect(referencedSince(db, '2025-03-10T10:00:00.000Z')).toEqual(new Set([id(100), id(101), id(200)]));
    db.close();
  });

  test('each store folder holds only its own ids', () => {
    mkdirSync(join(dir.path, 'assets', 'zz'), { recursive: true });
    writeFileSync(join(dir.path, 'assets', 'zz', 'a'.repeat(64)), 'x');
    expect(services.assets.store.ids()).toEqual([]);
  });
});
