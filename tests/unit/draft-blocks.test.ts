import { HeadingNode, $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type ElementNode, type LexicalEditor } from 'lexical';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ArticleFields, type Draft } from '../../electron/model/article.ts';
import { openDatabase, SCHEMA_VERSION } from '../../electron/services/drafts/database.ts';
import { DraftStore } from '../../electron/services/drafts/store.ts';
import { changedBlockKeys } from '../../renderer/editor/changed-blocks.ts';
import { BlockSerializer } from '../../renderer/editor/block-serializer.ts';
import { paragraphsToBody } from '../support/articles.ts';
import { servicesIn } from '../support/services.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// A draft's body is stored as one row per top-level block (draft_blocks), and an editor's save
// writes only the blocks it changed. What a writer relies on: whatever the editor did, opening
// the draft gives back exactly the editor's text, with no block left over from before.

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

function editorWith(count: number) {
  const editor = createEditor({ namespace: 'test', nodes: [HeadingNode], onError: (error) => { throw error; } });
  const serializer = new BlockSerializer();
  editor.registerUpdateListener((update) => {
    serializer.noteChanges(changedBlockKeys(update));
  });
  update(editor, () => {
    const root = $getRoot();
    for (let i = 0; i < count; i++) root.append($createParagraphNode().append($createTextNode(`문단 ${i} "따옴표" \\ 🙂`)));
  });
  return { editor, serializer };
}

function update(editor: LexicalEditor, change: () => void) {
  editor.update(change, { discrete: true });
}

function typeInto(editor: LexicalEditor, index: number, text: string) {
  update(editor, () => {
    const leaf = $getRoot().getChildAtIndex<ElementNode>(index)!.getFirstDescendant();
    if ($isTextNode(leaf)) leaf.setTextContent(leaf.getTextContent() + text);
  });
}

const editorJson = (editor: LexicalEditor) => JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as unknown;

// The drafts database as it is on disk, read beside the app's own connection.
function blockRows(draftId: string): string[] {
  const db = new DatabaseSync(join(dir.path, 'drafts.db'), { readOnly: true });
  try {
    const rows = db.prepare('SELECT block_id FROM draft_blocks WHERE draft_id = ? ORDER BY block_id').all(draftId) as Array<{ block_id: string }>;
    return rows.map((row) => row.block_id);
  } finally {
    db.close();
  }
}

function storedOrder(draftId: string): string[] {
  const db = new DatabaseSync(join(dir.path, 'drafts.db'), { readOnly: true });
  try {
    return JSON.parse((db.prepare('SELECT body_order FROM drafts WHERE id = ?').get(draftId) as { body_order: string }).body_order) as string[];
  } finally {
    db.close();
  }
}

describe('a draft body stored as block rows', () => {
  test('after typing, new, moved and removed blocks, drafts.get returns exactly the editor\'s JSON, and only its blocks are stored', async () => {
    const { services, dispatch } = servicesIn(dir.path);
    const draft = services.drafts.create();
    const { editor, serializer } = editorWith(300);
    let revision = draft.revision;
    const save = async () => {
      const snapshot = serializer.serialize(editor.getEditorState());
      const result = await dispatch('drafts.save', { id: draft.id, baseRevision: revision, article: { ...draft.article, headline: `r${revision}`, body: snapshot.patch } });
      expect(result).toMatchObject({ ok: true });
      revision = (result as { value: { revision: number } }).value.revision;
      serializer.saved(snapshot);
      return snapshot.patch;
    };
    const check = () => {
      const read = services.drafts.get(draft.id);
      expect(read.article.body).toStrictEqual(editorJson(editor));
      expect(read.article.headline).toBe(`r${revision - 1}`);
      // One row per block of the editor, none left from an earlier state.
      const order = storedOrder(draft.id);
      expect(order).toHaveLength((editorJson(editor) as { root: { children: unknown[] } }).root.children.length);
      expect(blockRows(draft.id)).toEqual([...order].sort());
    };

    expect(Object.keys((await save()).blocks)).toHaveLength(300);
    check();

    typeInto(editor, 150, '가나다');
    expect(Object.keys((await save()).blocks)).toHaveLength(1);
    check();

    update(editor, () => {
      const root = $getRoot();
      root.getChildAtIndex(0)!.insertBefore($createHeadingNode('h2').append($createTextNode('새 소제목')));
      root.getChildAtIndex(200)!.insertAfter(root.getChildAtIndex(20)!);
      root.getChildAtIndex(10)!.remove();
      root.getChildAtIndex(11)!.remove();
      root.append($createParagraphNode().append($createTextNode('마지막 문단')));
    });
    expect(Object.keys((await save()).blocks).length).toBeLessThan(6);
    check();

    update(editor, () => {
      const root = $getRoot();
      for (let i = 0; i < 50; i++) root.getChildAtIndex(100)!.remove();
    });
    await save();
    check();

    // Nothing typed: the fields alone.
    expect(Object.keys((await save()).blocks)).toHaveLength(0);
    check();

    // Main restarted: the editor's patch is refused, it sends every block, and they replace
    // whatever rows were stored.
    services.close();
    const again = servicesIn(dir.path);
    typeInto(editor, 5, '라');
    const patch = serializer.serialize(editor.getEditorState()).patch;
    const refused = await again.dispatch('drafts.save', { id: draft.id, baseRevision: revision, article: { ...draft.article, body: patch } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'body.resync' } });
    serializer.unsaved();
    const full = serializer.serialize(editor.getEditorState());
    const result = await again.dispatch('drafts.save', { id: draft.id, baseRevision: revision, article: { ...draft.article, headline: `r${revision}`, body: full.patch } });
    expect(result).toMatchObject({ ok: true });
    revision = (result as { value: { revision: number } }).value.revision;
    serializer.saved(full);
    expect(again.services.drafts.get(draft.id).article.body).toStrictEqual(editorJson(editor));
    expect(blockRows(draft.id)).toEqual([...storedOrder(draft.id)].sort());
    again.services.close();
  });

  test('a whole body saved after patches (another window, a restore) leaves no stale block rows', async () => {
    const { services, dispatch } = servicesIn(dir.path);
    const draft = services.drafts.create();
    const { editor, serializer } = editorWith(40);
    let revision = draft.revision;
    for (const index of [-1, 3, 7]) {
      if (index >= 0) typeInto(editor, index, '…');
      const snapshot = serializer.serialize(editor.getEditorState());
      const result = await dispatch('drafts.save', { id: draft.id, baseRevision: revision, article: { ...draft.article, body: snapshot.patch } });
      revision = (result as { value: { revision: number } }).value.revision;
      serializer.saved(snapshot);
    }
    const editorBody = editorJson(editor);

    const body = paragraphsToBody(['다른 창에서 쓴 첫 문단', '둘째 문단']);
    revision = services.drafts.save(draft.id, revision, { ...draft.article, body }).revision;
    expect(services.drafts.get(draft.id).article.body).toEqual(body);
    expect(blockRows(draft.id)).toEqual(['0', '1']);

    // The editor's next patch was built on a revision that is gone: it must resend everything,
    // and those blocks then replace the two.
    typeInto(editor, 0, '!');
    const stale = serializer.serialize(editor.getEditorState());
    expect(await dispatch('drafts.save', { id: draft.id, baseRevision: revision, article: { ...draft.article, body: stale.patch } })).toMatchObject({
      ok: false,
      error: { messageKey: 'body.resync' },
    });
    serializer.unsaved();
    const full = serializer.serialize(editor.getEditorState());
    const result = await dispatch('drafts.save', { id: draft.id, baseRevision: revision, article: { ...draft.article, body: full.patch } });
    expect(result).toMatchObject({ ok: true });
    expect(services.drafts.get(draft.id).article.body).toStrictEqual(editorJson(editor));
    expect(blockRows(draft.id)).toHaveLength(40);
    expect(blockRows(draft.id)).not.toContain('0');

    // Restoring the first revision puts its body back whole, as rows '0', '1', … again.
    const first = services.drafts.listRevisions(draft.id).at(-1)!;
    const current = services.drafts.get(draft.id);
    const restored = services.drafts.restoreRevision(draft.id, first.id, current.revision);
    expect(restored.article.body).toEqual(services.drafts.getRevision(first.id).article.body);
    expect(blockRows(draft.id)).toEqual(['0']);
    expect(editorBody).not.toEqual(restored.article.body);
    services.close();
  });

  test('a revision taken after patches holds the whole body', async () => {
    const { services, dispatch } = servicesIn(dir.path);
    const draft = services.drafts.create();
    const { editor, serializer } = editorWith(120);
    let revision = draft.revision;
    for (const index of [-1, 60, 119]) {
      if (index >= 0) typeInto(editor, index, ' 고침');
      const snapshot = serializer.serialize(editor.getEditorState());
      const result = await dispatch('drafts.save', { id: draft.id, baseRevision: revision, article: { ...draft.article, headline: '판', body: snapshot.patch } });
      revision = (result as { value: { revision: number } }).value.revision;
      serializer.saved(snapshot);
    }
    const summary = services.drafts.saveVersion(draft.id);
    expect(summary.revision).toBe(revision);
    expect(summary.headline).toBe('판');
    const taken = services.drafts.getRevision(summary.id);
    expect(taken.article.body).toStrictEqual(editorJson(editor));
    expect(taken.article).toEqual(services.drafts.get(draft.id).article);
    services.close();
  });

  test('a duplicate and an imported draft have bodies of their own', () => {
    const { services } = servicesIn(dir.path);
    const draft = services.drafts.create();
    const body = paragraphsToBody(['하나', '둘', '셋']);
    services.drafts.save(draft.id, draft.revision, { ...draft.article, body });
    const copy = services.drafts.duplicate(draft.id);
    const imported = services.drafts.importDraft({ status: 'in_review', article: { ...copy.article, headline: '가져옴' }, createdAt: '2025-03-01T00:00:00.000Z', revisions: [] });
    services.drafts.purge((services.drafts.trash(draft.id), draft.id));
    expect(services.drafts.get(copy.id).article.body).toEqual(body);
    expect(services.drafts.get(imported.id).article.body).toEqual(body);
    expect(blockRows(draft.id)).toEqual([]);
    expect(blockRows(copy.id)).toEqual(['0', '1', '2']);
    services.close();
  });
});

// The schema before bodies moved into draft_blocks (version 2), written out here rather than
// taken from the code under test.
const VERSION_2 = `
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY, revision INTEGER NOT NULL, status TEXT NOT NULL, headline TEXT NOT NULL, section TEXT NOT NULL,
    issue TEXT NOT NULL, byline TEXT NOT NULL, article TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, trashed_at TEXT
  );
  CREATE TABLE revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE, revision INTEGER NOT NULL,
    reason TEXT NOT NULL, status TEXT NOT NULL, article TEXT NOT NULL, created_at TEXT NOT NULL
  );
  CREATE INDEX revisions_by_draft ON revisions (draft_id, id DESC);
  CREATE INDEX drafts_list ON drafts (trashed_at, updated_at DESC, id, headline, status, section, issue, byline);
  PRAGMA user_version = 2;`;

describe('moving an older drafts database to block rows', () => {
  test('every draft\'s inline body becomes its blocks without losing a character', () => {
    // Text that JSON and SQLite could each get wrong: escapes, quotes, astral characters, a lone
    // surrogate, line separators, control characters, numbers, nesting, an empty body.
    const tricky = [
      '뿌리산업에 첨단기술 더해 — "인용" \\ 역슬래시 / 슬래시',
      '이모지 🙂👩‍👩‍👧 and a lone \uD800 surrogate, \u2028 line separator, \u0000 nul, \t tab\nnewline',
      '',
      '<script>alert(1)</script> &amp; 1e21 -0 0.1',
    ];
    const articles: ArticleFields[] = [
      ArticleFields.parse({ headline: '긴 원고', byline: '조현경', tags: ['뿌리산업'], body: paragraphsToBody([...tricky, ...Array.from({ length: 1000 }, (_, i) => `문단 ${i} ${'가'.repeat(i % 97)}`)]) }),
      ArticleFields.parse({ headline: 'Nested', body: { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [
        { type: 'list', version: 1, listType: 'number', start: 3, children: [{ type: 'listitem', value: 3, children: [{ type: 'text', text: '항목', format: 1 }] }] },
        { type: 'figure', version: 1, image: { assetId: 'a'.repeat(64), alt: '사진', width: 1600, height: 1067.5 }, caption: { root: { type: 'root', children: [] } } },
      ] } } }),
      ArticleFields.parse({ headline: '빈 본문', body: { root: { type: 'root', version: 1, children: [] } } }),
    ];
    const file = join(dir.path, 'drafts.db');
    const old = new DatabaseSync(file);
    old.exec(VERSION_2);
    const insert = old.prepare(
      `INSERT INTO drafts (id, revision, status, headline, section, issue, byline, article, created_at, updated_at, trashed_at)
       VALUES (?, 3, 'draft', ?, '', '', ?, ?, '2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z', ?)`,
    );
    const ids = articles.map((_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    articles.forEach((article, i) => insert.run(ids[i]!, article.headline, article.byline, JSON.stringify(article), i === 2 ? '2025-03-03T00:00:00.000Z' : null));
    old.prepare(`INSERT INTO revisions (draft_id, revision, reason, status, article, created_at) VALUES (?, 2, 'manual', 'draft', ?, '2025-03-01T00:00:00.000Z')`).run(ids[0]!, JSON.stringify(articles[0]));
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    const store = new DraftStore(db);
    articles.forEach((article, i) => {
      const draft: Draft = store.get(ids[i]!);
      expect(draft.article).toStrictEqual(article);
      // Character for character: the body's text as the app wrote it before.
      expect(JSON.stringify(draft.article.body)).toBe(JSON.stringify(article.body));
      expect(draft.revision).toBe(3);
    });
    expect(store.list('trash').map((summary) => summary.id)).toEqual([ids[2]]);
    // One representation: the article column holds no body any more.
    const rows = db.prepare('SELECT article FROM drafts').all() as Array<{ article: string }>;
    for (const row of rows) expect(JSON.parse(row.article)).not.toHaveProperty('body');
    expect(db.prepare('SELECT count(*) AS n FROM draft_blocks WHERE draft_id = ?').get(ids[0]!)).toEqual({ n: 1004 });
    // Revisions keep whole articles, untouched.
    const revision = store.history.list(ids[0]!)[0]!;
    expect(store.history.get(revision.id).article).toStrictEqual(articles[0]);
    // The search index reads the same articles.
    expect(store.articlesById(ids).map(({ article }) => ArticleFields.parse(article))).toStrictEqual(articles);
    // And the moved draft saves and reads back as any other.
    const next = store.save(ids[0]!, 3, { ...articles[0]!, headline: '고침' });
    expect(store.get(ids[0]!).article).toStrictEqual({ ...articles[0], headline: '고침' });
    expect(next.revision).toBe(4);
    db.close();
  });
});
