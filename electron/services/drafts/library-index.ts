import type { ArticleFields } from '../../model/article.ts';
import { bodyText } from '../../model/plain-text.ts';
import { SearchIndex } from './search/index.ts';
import type { DraftStore } from './store.ts';

// Drafts indexed per turn of the event loop while the index is built. Each turn costs tens of
// milliseconds, so saves and list requests arriving meanwhile are answered between turns instead
// of waiting the seconds a 10,000-draft build takes.
const BUILD_CHUNK = 150;
// Building starts shortly after launch, so the first search is usually instant, without
// competing with the window's first paint.
const WARM_UP_DELAY_MS = 1500;

// The search index over the drafts database, built in the background and kept current by the
// drafts service.
export class LibraryIndex {
  readonly #store: () => DraftStore;
  #index = new SearchIndex();
  #build: Promise<SearchIndex> | undefined;
  // Drafts saved or removed while a build is under way: already current, so the build skips them.
  #touched = new Set<string>();
  #pending = new Map<string, ArticleFields | null>();
  #generation = 0;
  #warmUp: ReturnType<typeof setTimeout> | undefined;

  constructor(store: () => DraftStore) {
    this.#store = store;
    this.#warmUp = setTimeout(() => void this.ready().catch(() => undefined), WARM_UP_DELAY_MS);
    this.#warmUp.unref?.();
  }

  ready(): Promise<SearchIndex> {
    this.#build ??= this.#fill(this.#generation);
    return this.#build.then((index) => {
      this.#flush();
      return index;
    });
  }

  // Indexing a long article takes milliseconds; it happens just after the save has answered,
  // not inside it, and any search first catches up with what is pending.
  upsert(id: string, article: ArticleFields): void {
    this.#defer(id, article);
  }

  remove(id: string): void {
    this.#defer(id, null);
  }

  #defer(id: string, article: ArticleFields | null): void {
    if (!this.#build) return;
    this.#touched.add(id);
    this.#pending.set(id, article);
    if (this.#pending.size === 1) setImmediate(() => this.#flush());
  }

  // The index is a cache of the database: if updating it ever fails, it is dropped and rebuilt
  // on the next search. A save has already answered by then and is never affected.
  #flush(): void {
    try {
      for (const [id, article] of this.#pending) {
        if (article) this.#index.upsert(toSearchDocument(id, article));
        else this.#index.remove(id);
      }
      this.#pending.clear();
    } catch (error) {
      console.error('search index update failed; rebuilding it on the next search', error);
      this.reset();
    }
  }

  // The database was replaced (a backup restored) or closed: start again from nothing.
  reset(): void {
    this.#generation++;
    this.#index = new SearchIndex();
    this.#build = undefined;
    this.#touched = new Set();
    this.#pending = new Map();
  }

  close(): void {
    clearTimeout(this.#warmUp);
    this.reset();
  }

  async #fill(generation: number): Promise<SearchIndex> {
    const index = this.#index;
    const ids = [...this.#store().ids('active'), ...this.#store().ids('trash')];
    for (let start = 0; start < ids.length; start += BUILD_CHUNK) {
      if (generation !== this.#generation) throw new Error('search index build superseded');
      const chunk = ids.slice(start, start + BUILD_CHUNK).filter((id) => !this.#touched.has(id));
      for (const { id, article } of this.#store().articlesById(chunk)) index.upsert(toSearchDocument(id, article));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (generation !== this.#generation) throw new Error('search index build superseded');
    return index;
  }
}

function toSearchDocument(id: string, article: ArticleFields) {
  return {
    id,
    headline: article.headline,
    deck: article.deck,
    body: bodyText(article.body),
    byline: article.byline,
    tags: article.tags,
  };
}
