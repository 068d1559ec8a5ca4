import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { type ArticleFields, type Draft, emptyBody } from '../../electron/model/article.ts';
import { BRIDGE_KEY, type Bridge, type Envelope } from '../../electron/contract.ts';
import type { AppError, ErrorPayload } from '../../electron/model/errors.ts';
import type { BodyPatch } from '../../electron/model/article.ts';
import { BodyPatches } from '../../electron/services/drafts/body-patches.ts';
import { changedBlockKeys } from '../../renderer/editor/changed-blocks.ts';
import { BlockSerializer } from '../../renderer/editor/block-serializer.ts';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type ElementNode } from 'lexical';
import type * as DraftModule from '../../renderer/state/draft.ts';

// The renderer's draft state when the disk refuses a save: the text stays in memory, the error
// is kept for the indicator, and the save is retried (every 5 s, and at once on the next edit)
// until it lands. Runs the real store module against a scripted bridge.

const saves: ArticleFields[] = [];
let failWith: ErrorPayload | null = null;
// Main's side of body patches; replaced to play a main process that restarted.
let bodies = new BodyPatches();
const stored: string[] = [];
const bridge: Bridge = {
  invoke(channel, input) {
    if (channel !== 'drafts.save') return Promise.resolve({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    const { article, baseRevision, id } = input as { article: ArticleFields & { body: unknown }; baseRevision: number; id: string };
    if (failWith) return Promise.resolve({ ok: false, error: failWith } satisfies Envelope<never>);
    if (typeof article.body === 'object' && article.body && 'session' in article.body) {
      try {
        const completed = bodies.complete(id, baseRevision, article.body as unknown as BodyPatch);
        completed.confirm(baseRevision + 1);
        stored.push(completed.text);
      } catch (error) {
        return Promise.resolve({ ok: false, error: (error as AppError).toPayload() } satisfies Envelope<never>);
      }
    }
    saves.push(article);
    return Promise.resolve({ ok: true, value: { revision: baseRevision + 1, updatedAt: new Date().toISOString() } });
  },
  on: () => () => {},
};

const FULL: ErrorPayload = { code: 'storage_full', messageKey: 'errors.storageFull' };
const draft = (id: string): Draft => ({
  id,
  revision: 1,
  status: 'draft',
  article: { publicationId: '', issue: '', section: '', kicker: '', headline: '', deck: '', body: emptyBody(), byline: '', dateWritten: '', source: '', tags: [], slug: '', excerpt: '', footer: '', attachments: [] },
  createdAt: '2025-03-10T09:00:00.000Z',
  updatedAt: '2025-03-10T09:00:00.000Z',
  trashedAt: null,
});

// The module looks for the bridge on window when it loads, as in the app.
const globals = globalThis as unknown as { window?: unknown };
let useDraft: typeof DraftModule.useDraft;
let SAVE_RETRY_MS: number;
beforeAll(async () => {
  globals.window = { [BRIDGE_KEY]: bridge };
  ({ useDraft, SAVE_RETRY_MS } = await import('../../renderer/state/draft.ts'));
});
afterAll(() => {
  delete globals.window;
  vi.useRealTimers();
});
beforeEach(() => {
  vi.useFakeTimers();
  saves.length = 0;
  failWith = null;
});

describe('a save refused by the disk', () => {
  test('keeps the text and the error, retries every 5 s, and lands once there is room', async () => {
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000001'));
    useDraft.getState().setField('headline', '디스크가 가득 찬 날');
    failWith = FULL;
    // Leaving the window saves at once; the retries count from this failure.
    await useDraft.getState().flush();
    expect(useDraft.getState()).toMatchObject({ saveState: 'error', error: { code: 'storage_full', messageKey: 'errors.storageFull' } });
    expect(useDraft.getState().article?.headline).toBe('디스크가 가득 찬 날');

    // Still full: the retry fails quietly and the error stays on screen (no "Saving…" flashes).
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS);
    expect(useDraft.getState().saveState).toBe('error');
    expect(saves).toEqual([]);

    failWith = null;
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS - 1);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves.map((a) => a.headline)).toEqual(['디스크가 가득 찬 날']);
    expect(useDraft.getState()).toMatchObject({ saveState: 'saved', error: null, revision: 2 });
  });

  test('the next edit saves at once instead of waiting for the retry', async () => {
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000002'));
    failWith = FULL;
    useDraft.getState().setField('headline', 'first');
    await vi.advanceTimersByTimeAsync(1000);
    expect(useDraft.getState().saveState).toBe('error');
    failWith = null;
    useDraft.getState().setField('headline', 'first, then more');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.map((a) => a.headline)).toEqual(['first, then more']);
    expect(useDraft.getState().saveState).toBe('saved');
  });

  test('opening another draft does not drop the unsaved text', async () => {
    const first = draft('00000000-0000-4000-8000-000000000003');
    useDraft.getState().open(first);
    failWith = { code: 'storage_read_only', messageKey: 'errors.storageReadOnly' };
    useDraft.getState().setField('headline', 'only in this window');
    await useDraft.getState().flush();
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000004'));
    expect(useDraft.getState()).toMatchObject({ draftId: first.id, article: { headline: 'only in this window' } });

    failWith = null;
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS);
    expect(saves.map((a) => a.headline)).toEqual(['only in this window']);
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000004'));
    expect(useDraft.getState().draftId).toBe('00000000-0000-4000-8000-000000000004');
  });

  test('a save refused for a field\'s value keeps the text in the window until the field is corrected', async () => {
    const first = draft('00000000-0000-4000-8000-000000000007');
    useDraft.getState().open(first);
    failWith = { code: 'invalid_input', messageKey: 'errors.invalidInput', params: { detail: 'article.issue' } };
    useDraft.getState().setField('headline', 'typed before the field went wrong');
    await useDraft.getState().flush();
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000008'));
    expect(useDraft.getState()).toMatchObject({ draftId: first.id, saveState: 'error', article: { headline: 'typed before the field went wrong' } });

    failWith = null;
    useDraft.getState().setField('issue', '제202504호');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.at(-1)).toMatchObject({ headline: 'typed before the field went wrong', issue: '제202504호' });
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000008'));
    expect(useDraft.getState().draftId).toBe('00000000-0000-4000-8000-000000000008');
  });

  test('going to another draft saves what was typed while the other one loaded', async () => {
    const first = draft('00000000-0000-4000-8000-000000000009');
    useDraft.getState().open(first);
    useDraft.getState().setField('headline', 'typed before the click');
    const switched = useDraft.getState().switchTo(async () => {
      // The writer goes on typing while the other draft comes from main.
      useDraft.getState().setField('headline', 'typed before the click, and after');
      return draft('00000000-0000-4000-8000-000000000010');
    });
    expect(await switched).toBe(true);
    expect(saves.map((a) => a.headline)).toEqual(['typed before the click', 'typed before the click, and after']);
    expect(useDraft.getState().draftId).toBe('00000000-0000-4000-8000-000000000010');
  });

  test('a switch asked while the text cannot be saved stays, and loads nothing', async () => {
    const first = draft('00000000-0000-4000-8000-000000000011');
    useDraft.getState().open(first);
    failWith = FULL;
    useDraft.getState().setField('headline', 'only here');
    const load = vi.fn(async () => draft('00000000-0000-4000-8000-000000000012'));
    expect(await useDraft.getState().switchTo(load)).toBe(false);
    expect(load).not.toHaveBeenCalled();
    expect(useDraft.getState()).toMatchObject({ draftId: first.id, article: { headline: 'only here' } });
    failWith = null;
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS);
  });

  test('a conflict is not retried: it needs the writer', async () => {
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000005'));
    failWith = { code: 'conflict', messageKey: 'errors.draftChangedElsewhere' };
    useDraft.getState().setField('headline', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    failWith = null;
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS * 3);
    expect(saves).toEqual([]);
  });
});

describe('a main process that restarted between two saves', () => {
  test('the editor sends every block again at once, and the writer sees no error', async () => {
    const editor = createEditor({ namespace: 'test', onError: (error) => { throw error; } });
    const serializer = new BlockSerializer();
    editor.registerUpdateListener((update) => {
      serializer.noteChanges(changedBlockKeys(update));
      useDraft.getState().bodyChanged();
    });
    useDraft.getState().open(draft('00000000-0000-4000-8000-000000000006'));
    useDraft.getState().attachBody({
      serialize: () => serializer.serialize(editor.getEditorState()),
      saved: (snapshot) => serializer.saved(snapshot),
      unsaved: () => serializer.unsaved(),
      isComposing: () => false,
    });
    const blocksSent = () => Object.keys((saves.at(-1)!.body as unknown as BodyPatch).blocks).length;
    editor.update(() => {
      for (let i = 0; i < 40; i++) $getRoot().append($createParagraphNode().append($createTextNode(`문단 ${i}`)));
    }, { discrete: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(blocksSent()).toBe(40);

    const type = (text: string) =>
      editor.update(() => {
        const leaf = $getRoot().getChildAtIndex<ElementNode>(7)!.getFirstDescendant();
        if ($isTextNode(leaf)) leaf.setTextContent(leaf.getTextContent() + text);
      }, { discrete: true });
    type('가');
    await vi.advanceTimersByTimeAsync(1000);
    expect(blocksSent()).toBe(1);

    bodies = new BodyPatches();
    type('나');
    await vi.advanceTimersByTimeAsync(1000);
    expect(blocksSent()).toBe(40);
    expect(useDraft.getState()).toMatchObject({ saveState: 'saved', error: null });
    expect(JSON.parse(stored.at(-1)!)).toStrictEqual(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));
    expect(stored.at(-1)).toContain('문단 7가나');
    useDraft.getState().attachBody(null);
  });
});
