import { create } from 'zustand';
import type { ArticleStatus, DraftSummary } from '../../electron/model/article.ts';
import { type FilterKey, filterOf, type LibraryFilters, type SearchResult } from '../../electron/model/search.ts';
import { api } from '../bridge.ts';
import { whenTypingPauses } from './typing-pause.ts';

export type LibraryScope = 'active' | 'trash';
export type SortKey = 'updatedAt' | 'headline' | 'status' | 'section' | 'issue' | 'byline';
export type { FilterKey };
export type Filters = LibraryFilters;

interface LibraryState {
  scope: LibraryScope;
  // Newest first, as main lists them; a changed draft is placed in that order as it comes in.
  drafts: DraftSummary[];
  loaded: boolean;
  query: string;
  results: SearchResult[] | null;
  sort: { key: SortKey; descending: boolean };
  filters: Filters;
  refresh(): Promise<void>;
  setScope(scope: LibraryScope): Promise<void>;
  setQuery(query: string): Promise<void>;
  setSort(key: SortKey, descending: boolean): void;
  setFilter(key: FilterKey, value: string | undefined): void;
  // Runs the query again (with the filters, which apply before the results' limit).
  search(): Promise<void>;
}

// The most results a search shows; the list says when there were more.
export const SEARCH_LIMIT = 100;

function searchDrafts(query: string, scope: LibraryScope, filters: Filters): Promise<SearchResult[]> {
  return api.invoke('drafts.search', { query, scope, filters, limit: SEARCH_LIMIT });
}

const FIRST_SCREENFUL = 60;

export const useLibrary = create<LibraryState>()((set, get) => ({
  scope: 'active',
  drafts: [],
  loaded: false,
  query: '',
  results: null,
  sort: { key: 'updatedAt', descending: true },
  filters: {},
  async refresh() {
    const { scope, query, sort, filters } = get();
    const current = () => get().scope === scope && get().query === query;
    // A library opened afresh in its usual order paints the newest screenful first and fills
    // in the rest (10,000 drafts take most of a second to arrive) when it comes.
    if (!get().loaded && !query.trim() && sort.key === 'updatedAt' && sort.descending && Object.keys(filters).length === 0) {
      const first = await api.invoke('drafts.list', { scope, limit: FIRST_SCREENFUL });
      if (current() && !get().loaded) set({ drafts: first });
    }
    const [drafts, results] = await Promise.all([api.invoke('drafts.list', { scope }), query.trim() ? searchDrafts(query, scope, filters) : Promise.resolve(null)]);
    // A scope switch or a new query while this was loading must not show stale rows.
    if (current()) set({ drafts, results, loaded: true });
  },
  async setScope(scope) {
    set({ scope, loaded: false, filters: {}, drafts: [] });
    await get().refresh();
  },
  async setQuery(query) {
    set({ query });
    if (!query.trim()) {
      set({ results: null });
      return;
    }
    await get().search();
  },
  async search() {
    const { query, scope, filters } = get();
    if (!query.trim()) return;
    const results = await searchDrafts(query, scope, filters);
    if (get().query === query && get().scope === scope && get().filters === filters) set({ results });
  },
  setSort(key, descending) {
    set({ sort: { key, descending } });
  },
  setFilter(key, value) {
    const rest = Object.fromEntries(Object.entries(get().filters).filter(([name]) => name !== key));
    set({ filters: value ? { ...rest, [key]: value } : rest });
    void get().search();
  },
}));

const STATUS_ORDER: readonly ArticleStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published'];

// The rows the sidebar shows: filtered, then sorted. Search results keep their relevance order.
// It runs after every autosave over the whole library: in the usual order (newest first, the
// store's own) it returns the store's array as it is, with no copy or sort of 10,000 rows.
export function visibleDrafts(drafts: readonly DraftSummary[], filters: Filters, sort: LibraryState['sort'], locale: string): readonly DraftSummary[] {
  const filtered = Object.keys(filters).length > 0;
  if (!filtered && sort.key === 'updatedAt' && sort.descending) return drafts;
  const collator = collatorFor(locale);
  const rows = filtered ? drafts.filter(filterOf(filters)) : [...drafts];
  const compare = (a: DraftSummary, b: DraftSummary): number => {
    if (sort.key === 'status') return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    // ISO timestamps order as plain strings; a collator would cost 10,000 locale comparisons.
    if (sort.key === 'updatedAt') return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
    return collator.compare(a[sort.key], b[sort.key]);
  };
  // Drafts with nothing in the sorted field (an untitled draft, no section yet) come last
  // whichever way the list runs, not first as empty text would.
  const blank = (draft: DraftSummary) => sort.key !== 'updatedAt' && sort.key !== 'status' && draft[sort.key] === '';
  return rows.sort((a, b) => Number(blank(a)) - Number(blank(b)) || (sort.descending ? -compare(a, b) : compare(a, b)));
}


const collators = new Map<string, Intl.Collator>();

function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

export function distinctValues(drafts: readonly DraftSummary[], key: FilterKey): string[] {
  const values = [...new Set(drafts.map((draft) => draft[key]).filter((value) => value !== ''))];
  // Statuses in the order a draft goes through them, not the alphabet's.
  if (key === 'status') return values.sort((a, b) => STATUS_ORDER.indexOf(a as ArticleStatus) - STATUS_ORDER.indexOf(b as ArticleStatus));
  return values.sort();
}

// Every window hears every change, so two windows on the same library stay in step. A change
// to a few drafts updates just those rows: reloading 10,000 summaries after every autosave
// would cost the writer a stutter each second. While the writer types, the changes (their own
// autosaves, mostly) gather and the rows follow at the next pause.
let changedIds: Set<string> | null = null;
let reloadAll = false;
api.on('drafts.changed', ({ ids }) => {
  if (ids.length === 0) reloadAll = true;
  if (changedIds) {
    for (const id of ids) changedIds.add(id);
    return;
  }
  changedIds = new Set(ids);
  whenTypingPauses(() => {
    const gathered = reloadAll ? [] : [...(changedIds ?? [])];
    changedIds = null;
    reloadAll = false;
    void applyChanges(gathered);
  });
});

async function applyChanges(ids: readonly string[]): Promise<void> {
  const library = useLibrary.getState();
  if (ids.length === 0 || !library.loaded) {
    await library.refresh();
    return;
  }
  const scope = library.scope;
  const changed = await api.invoke('drafts.summaries', { ids: [...ids] });
  const current = useLibrary.getState();
  if (current.scope !== scope) return;
  const inScope = (draft: DraftSummary) => (scope === 'trash') === (draft.trashedAt !== null);
  const gone = new Set([...ids, ...changed.map((draft) => draft.id)]);
  const drafts = current.drafts.filter((draft) => !gone.has(draft.id));
  for (const draft of changed) if (inScope(draft)) placeNewestFirst(drafts, draft);
  useLibrary.setState({ drafts });
  if (current.query.trim()) await current.setQuery(current.query);
}

// Inserts a draft where main would list it; among drafts updated at the same instant, first.
function placeNewestFirst(drafts: DraftSummary[], draft: DraftSummary): void {
  let low = 0;
  let high = drafts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (drafts[middle]!.updatedAt > draft.updatedAt) low = middle + 1;
    else high = middle;
  }
  drafts.splice(low, 0, draft);
}
