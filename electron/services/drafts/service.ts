import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { ArticleFields, ArticleStatus } from '../../model/article.ts';
import type { Publication } from '../../model/preferences.ts';
import type { EventSink } from '../events.ts';
import { openDatabase } from './database.ts';
import { formatIssue } from '../../model/issue-number.ts';
import { DraftStore } from './store.ts';

export interface DraftsServiceDeps {
  dataDir: string;
  events: EventSink;
  publications: () => readonly Publication[];
  now?: () => Date;
}

// The drafts as the rest of the app sees them: the store plus the events that tell every
// window a draft changed.
export class DraftsService {
  readonly #db: DatabaseSync;
  readonly #store: DraftStore;
  readonly #deps: DraftsServiceDeps;

  constructor(deps: DraftsServiceDeps) {
    this.#deps = deps;
    this.#db = openDatabase(join(deps.dataDir, 'drafts.db'));
    this.#store = new DraftStore(this.#db, deps.now ? { now: deps.now } : {});
  }

  list(scope: 'active' | 'trash') {
    return this.#store.list(scope);
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
    const draft = this.#store.create({ ...defaults, dateWritten: today.toISOString().slice(0, 10) });
    this.#changed(draft.id);
    return draft;
  }

  save(id: string, baseRevision: number, article: ArticleFields) {
    const result = this.#store.save(id, baseRevision, article);
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
    this.#changed(id);
  }

  duplicate(id: string) {
    const copy = this.#store.duplicate(id);
    this.#changed(copy.id);
    return copy;
  }

  close(): void {
    this.#db.close();
  }

  #changed(id: string): void {
    this.#deps.events.emit('drafts.changed', { ids: [id] });
  }
}
