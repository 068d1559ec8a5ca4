import { create } from 'zustand';
import type { ArticleFields, Draft, LexicalDocument } from '../../electron/model/article.ts';
import type { Input } from '../../electron/contract.ts';
import { type AppError, type ErrorCode } from '../../electron/model/errors.ts';
import { api } from '../bridge.ts';
import type { BodySnapshot } from '../editor/block-serializer.ts';
import { noteKeystroke } from './typing-pause.ts';
import { asAppError } from '../errors.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

// The editor hands over a way to serialize its body instead of the body itself, so typing
// costs nothing here: serialization happens once per autosave, not once per keystroke.
export interface BodySource {
  // The body as a patch of what main last stored from this editor (see BodyPatch in the model).
  serialize(): BodySnapshot;
  // Main stored it, or may not have: the next patch builds on it, or carries every block.
  saved(snapshot: BodySnapshot): void;
  unsaved(): void;
  // True while an input method is composing (Hangul): saving then could split a syllable.
  isComposing(): boolean;
}

type EditableField = Exclude<keyof ArticleFields, 'body'>;

interface DraftState {
  draftId: string | null;
  revision: number;
  article: ArticleFields | null;
  // Counts every open(), so views keyed by it rebuild even when the same draft is opened again
  // with different text (a restored revision): the editor only reads its body when it mounts.
  loadKey: number;
  saveState: SaveState;
  error: AppError | null;
  // Shows this draft; false, and the open draft stays, while that one holds text not yet saved.
  open(draft: Draft): boolean;
  // Leaves the open draft for the one load() brings, saving first all that was typed, including
  // while it loaded. False when the open draft's text could not be saved: it stays open, and
  // the save indicator says why.
  switchTo(load: () => Promise<Draft>): Promise<boolean>;
  close(): void;
  setField<K extends EditableField>(key: K, value: ArticleFields[K]): void;
  bodyChanged(): void;
  attachBody(source: BodySource | null): void;
  flush(): Promise<void>;
}

const AUTOSAVE_DELAY_MS = 600;
// However fast the writer types, a save starts at least this often: a crash loses under a second.
const AUTOSAVE_MAX_WAIT_MS = 1000;
const COMPOSING_RETRY_MS = 150;
// A save that failed because of the disk (full, read-only) or an unexpected error is tried again
// this often, so the text lands by itself once space is freed. Typing saves sooner anyway.
export const SAVE_RETRY_MS = 5000;
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['storage_full', 'storage_read_only', 'internal']);

// A save refused for what the draft holds (a field the contract does not take) lands once the
// writer corrects it: the text waits in this window for that, as for the disk.
const HELD: ReadonlySet<ErrorCode> = new Set([...RETRYABLE, 'invalid_input']);

// True while the open draft has text that could not be written but will be, once retried or
// corrected: the only copy of it is in this window.
function holdsUnsavedText(state: { draftId: string | null; saveState: SaveState; error: AppError | null }): boolean {
  return state.draftId !== null && state.saveState === 'error' && state.error !== null && HELD.has(state.error.code);
}

let bodySource: BodySource | null = null;
let bodyDirty = false;
// The body's JSON text as last handed to a save; null until the first save after opening, when
// the article's body is still the one opened. Kept here rather than in the store's article, so
// a save does not re-render the views that show the article's fields; joined only when asked.
let savedBody: (() => string) | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let firstDirtyAt: number | undefined;
let inFlight: Promise<void> | undefined;

export const useDraft = create<DraftState>()((set, get) => {
  function schedule(): void {
    const now = Date.now();
    firstDirtyAt ??= now;
    const wait = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, firstDirtyAt + AUTOSAVE_MAX_WAIT_MS - now));
    clearTimeout(timer);
    timer = setTimeout(() => void save(), wait);
  }

  async function save(retry = false): Promise<void> {
    timer = undefined;
    if (bodySource?.isComposing()) {
      timer = setTimeout(() => void save(retry), COMPOSING_RETRY_MS);
      return;
    }
    if (inFlight) {
      await inFlight;
      if (get().saveState === 'dirty') schedule();
      return;
    }
    const { draftId, article, revision } = get();
    if (!draftId || !article) return;
    // The part of a save that blocks the page, serializing the body and handing it to the
    // bridge, is measured as 'autosave' for the benchmarks and the devtools timeline.
    const started = performance.now();
    const source = bodySource;
    const snapshot = source?.serialize();
    let body: Input<'drafts.save'>['article']['body'];
    if (snapshot) {
      body = snapshot.patch;
      savedBody = snapshot.text;
    } else {
      const text = savedBody?.() ?? JSON.stringify(article.body);
      body = text;
      savedBody = () => text;
    }
    const payload: Input<'drafts.save'>['article'] = { ...article, body };
    bodyDirty = false;
    firstDirtyAt = undefined;
    // A background retry keeps the error on screen until it succeeds, rather than flashing
    // "Saving…" (and announcing it to screen readers) every few seconds.
    const attempt: SaveState = retry && get().saveState === 'error' ? 'error' : 'saving';
    set({ saveState: attempt });
    let resync = false;
    const request = api.invoke('drafts.save', { id: draftId, baseRevision: revision, article: payload });
    performance.measure('autosave', { start: started, end: performance.now() });
    inFlight = (async () => {
      try {
        const result = await request;
        if (snapshot) source?.saved(snapshot);
        if (get().draftId !== draftId) return;
        // Typing during the save leaves the state dirty again; only a clean save reads "saved".
        set((state) => ({ revision: result.revision, error: null, saveState: state.saveState === attempt ? 'saved' : state.saveState }));
      } catch (error) {
        bodyDirty = true;
        source?.unsaved();
        const failure = asAppError(error);
        // Main no longer holds what the patch was based on (it restarted, or the draft was saved
        // from elsewhere): the next save, at once, carries every block. Not an error to show.
        if (failure.messageKey === 'body.resync' && get().draftId === draftId) {
          resync = true;
          return;
        }
        set({ saveState: 'error', error: failure });
        if (RETRYABLE.has(failure.code) && get().draftId === draftId) {
          clearTimeout(timer);
          timer = setTimeout(() => void save(true), SAVE_RETRY_MS);
        }
      } finally {
        inFlight = undefined;
      }
    })();
    await inFlight;
    if (resync) await save(retry);
  }

  return {
    draftId: null,
    revision: 0,
    article: null,
    loadKey: 0,
    saveState: 'saved',
    error: null,
    open(draft) {
      // Switching to another draft would drop text that only exists in this window; it stays
      // open (the indicator says why) until the retried save lands.
      if (holdsUnsavedText(get()) && get().draftId !== draft.id) return false;
      clearTimeout(timer);
      bodyDirty = false;
      firstDirtyAt = undefined;
      savedBody = null;
      set((state) => ({
        draftId: draft.id,
        revision: draft.revision,
        article: draft.article,
        loadKey: state.loadKey + 1,
        saveState: 'saved',
        error: null,
      }));
      return true;
    },
    async switchTo(load) {
      await get().flush();
      if (holdsUnsavedText(get())) return false;
      const draft = await load();
      await get().flush();
      return get().open(draft);
    },
    close() {
      set({ draftId: null, article: null, revision: 0, saveState: 'saved', error: null });
    },
    setField(key, value) {
      const article = get().article;
      if (!article) return;
      noteKeystroke();
      set({ article: { ...article, [key]: value }, saveState: 'dirty' });
      schedule();
    },
    bodyChanged() {
      noteKeystroke();
      bodyDirty = true;
      if (get().saveState !== 'dirty') set({ saveState: 'dirty' });
      schedule();
    },
    attachBody(source) {
      bodySource = source;
    },
    async flush() {
      // A save already under way holds only what was typed before it started: once it is done,
      // what came after is saved too. A save that fails ends it; the error says why.
      for (let round = 0; round < 3 && (bodyDirty || get().saveState === 'dirty' || get().saveState === 'saving'); round++) {
        clearTimeout(timer);
        await save();
        if (get().saveState === 'error') return;
      }
    },
  };
});

// Leaving the window or hiding it saves at once rather than waiting for the debounce.
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void useDraft.getState().flush();
  });
  window.addEventListener('pagehide', () => void useDraft.getState().flush());
}

// The open article with the body as last saved: what is on disk once flush() has returned.
export function currentArticle(): ArticleFields | null {
  const { article } = useDraft.getState();
  return article && { ...article, body: savedBody === null ? article.body : (JSON.parse(savedBody()) as LexicalDocument) };
}
