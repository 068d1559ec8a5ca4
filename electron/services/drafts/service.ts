import type { ArticleFields, ArticleStatus, Draft, SavedArticle } from '../../model/article.ts';
import { BodyPatches } from './body-patches.ts';
import type { Publication } from '../../model/preferences.ts';
import type { EventSink } from '../events.ts';
import type { DraftsStorage } from './storage-health.ts';
import { formatIssue } from '../../model/issue-number.ts';
import type { BodyWrite, DraftStore, ImportedDraftInput } from './store.ts';
import { LibraryIndex } from './library-index.ts';
import { filterOf, type LibraryFilters, type SearchResult } from '../../model/search.ts';

export interface DraftsServiceDeps {
  storage: DraftsStorage;
  events: EventSink;
  publications: () => readonly Publication[];
  now?: () => Date;
}

// The drafts as the rest of the app sees them: the store plus the events that tell every
// window a draft changed.
export class DraftsService {
  readonly #deps: DraftsServiceDeps;
  readonly #index: LibraryIndex;
  readonly #bodies = new BodyPatches();

  constructor(deps: DraftsServiceDeps) {
    this.#deps = deps;
    this.#index = new LibraryIndex(() => this.#store);
    // A restored backup is a different database: the search index built from the old one goes,
    // and every window reloads its list.
    deps.storage.onReopen(() => {
      this.#index.reset();
      this.#bodies.clear();
      deps.events.emit('drafts.changed', { ids: [] });
    });
  }

  // Asked for on every call rather than kept: while drafts.db needs recovery there is no store,
  // and each call answers storage_corrupt instead of the app failing to start.
  get #store(): DraftStore {
    return this.#deps.storage.store();
  }

  list(scope: 'active' | 'trash', limit?: number) {
    return this.#store.list(scope, limit);
  }

  summaries(ids: readonly string[]) {
    return this.#store.summaries(ids);
  }

  async search(query: string, scope: 'active' | 'trash', limit: number, filters: LibraryFilters = {}): Promise<SearchResult[]> {
    const index = await this.#index.ready();
    const filtered = Object.keys(filters).length > 0 ? this.#store.list(scope).filter(filterOf(filters)) : null;
    const ids = filtered ? new Set(filtered.map((summary) => summary.id)) : this.#store.ids(scope);
    const hits = index.search(query, { limit, ids });
    if (hits.length === 0) return [];
    const summaries = new Map((filtered ?? this.#store.list(scope)).map((summary) => [summary.id, summary]));
    return hits.flatMap((hit) => {
      const draft = summaries.get(hit.id);
      if (!draft) return [];
      return [{ draft, highlights: hit.highlights.map(({ field, text, ranges }) => ({ field, text, ranges })) }];
    });
  }

  get(id: string) {
    return this.#store.get(id);
  }

  create(publicationId?: string) {
    const publications = this.#deps.publications();
    const publication = publications.find((p) => p.id === publicationId) ?? publications[0];
    const today = (this.#deps.now ?? (() => new Date()))();
    const defaults: Partial<ArticleFields> = publication
      ? {
          publicationId: publication.id,
          issue: formatIssue(publication.issuePattern, today),
          section: publication.defaultSection,
          source: publication.defaultSource,
          footer: publication.footerTemplate,
        }
      : {};
    // The writer's calendar day, as the issue number reads it: UTC's would be yesterday in Seoul
    // until nine in the morning.
    const draft = this.#store.create({ ...defaults, dateWritten: formatIssue('YYYY-MM-DD', today) });
    this.#index.upsert(draft.id, draft.article);
    this.#changed(draft.id);
    return draft;
  }

  // A whole article: its body replaces every stored block of the draft.
  save(id: string, baseRevision: number, article: ArticleFields) {
    return this.#save(id, baseRevision, article);
  }

  // A save from the editor: the body as checked JSON text (a whole body), or as a patch of this
  // editor's last save (completed here, and kept as the base of the next patch once stored). A
  // patch completed against that base writes only its new blocks.
  saveEdited(id: string, baseRevision: number, article: SavedArticle) {
    const { body, ...fields } = article;
    if (!('session' in body)) return this.#save(id, baseRevision, { ...fields, body: body.document });
    const completed = this.#bodies.complete(id, baseRevision, body);
    const result = this.#save(id, baseRevision, { ...fields, body: completed.document }, completed.write);
    completed.confirm(result.revision);
    return result;
  }

  #save(id: string, baseRevision: number, article: ArticleFields, body?: BodyWrite) {
    const result = this.#store.save(id, baseRevision, article, body);
    this.#index.upsert(id, article);
    this.#changed(id);
    return result;
  }

  setStatus(id: string, status: ArticleStatus) {
    const result = this.#store.setStatus(id, status);
    this.#changed(id);
    return result;
  }

  trash(id: string) {
    this.#store.trash(id);
    this.#changed(id);
  }

  restore(id: string) {
    this.#store.restore(id);
    this.#changed(id);
  }

  purge(id: string) {
    this.#store.purge(id);
    this.#index.remove(id);
    this.#changed(id);
  }

  importDraft(input: ImportedDraftInput): Draft {
    const draft = this.#store.importDraft(input);
    this.#index.upsert(draft.id, draft.article);
    this.#changed(draft.id);
    return draft;
  }

  duplicate(id: string) {
    const copy = this.#store.duplicate(id);
    this.#index.upsert(copy.id, copy.article);
    this.#changed(copy.id);
    return copy;
  }

  // Revision history. Only a restore changes the draft itself, so only it tells the windows.
  listRevisions(draftId: string) {
    this.#store.get(draftId);
    return this.#store.history.list(draftId);
  }

  getRevision(id: number) {
    return this.#store.history.get(id);
  }

  saveVersion(draftId: string) {
    return this.#store.snapshot(draftId, 'manual');
  }

  restoreRevision(draftId: string, revisionId: number, baseRevision: number) {
    const draft = this.#store.restoreRevision(draftId, revisionId, baseRevision);
    this.#index.upsert(draftId, draft.article);
    this.#changed(draftId);
    return draft;
  }

  close(): void {
    this.#index.close();
    this.#deps.storage.close();
  }

  #changed(id: string): void {
    this.#deps.events.emit('drafts.changed', { ids: [id] });
  }
}
