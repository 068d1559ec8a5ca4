import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { filterOf, type SearchResult } from '../../../electron/model/search.ts';
import { useDraft } from '../../state/draft.ts';
import { SEARCH_LIMIT, useLibrary, visibleDrafts } from '../../state/library.ts';
import { DraftList } from './DraftList.tsx';
import { TrashRow } from './TrashRow.tsx';

// The part of the sidebar that follows the library's rows. It alone hears each autosave (a
// draft's summary changes every second while the writer types), so the sidebar's other parts,
// the settings among them, do not render again with it.
export function LibraryRows({ onOpen }: { onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const scope = useLibrary((state) => state.scope);
  const drafts = useLibrary((state) => state.drafts);
  const loaded = useLibrary((state) => state.loaded);
  const results = useLibrary((state) => state.results);
  const sort = useLibrary((state) => state.sort);
  const filters = useLibrary((state) => state.filters);
  const openDraftId = useDraft((state) => state.draftId);

  const shown = useMemo(() => {
    if (!results) return { drafts: visibleDrafts(drafts, filters, sort, i18n.language), highlights: null };
    const passes = filterOf(filters);
    const hits = results.filter((result) => passes(result.draft));
    return {
      drafts: hits.map((result) => result.draft),
      highlights: new Map<string, SearchResult['highlights']>(hits.map((result) => [result.draft.id, result.highlights])),
    };
  }, [drafts, results, filters, sort, i18n.language]);

  const count = shown.drafts.length;
  const order = results
    ? t('library.order.relevance')
    : sort.key === 'updatedAt' && sort.descending
      ? t('library.order.newest')
      : t(sort.descending ? 'library.order.descending' : 'library.order.ascending', { column: t(`library.column.${sort.key}`) });
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {t('library.count', { count })}
      </p>
      {count === 0 ? (
        loaded && <p className="sidebar-empty">{results ? t('library.noMatches') : scope === 'trash' ? t('library.trashEmpty') : t('library.empty')}</p>
      ) : scope === 'trash' ? (
        <ul className="trash-list" aria-label={t('library.trash')}>
          {shown.drafts.map((draft) => (
            <TrashRow key={draft.id} draft={draft} />
          ))}
        </ul>
      ) : (
        <DraftList drafts={shown.drafts} highlights={shown.highlights} openDraftId={openDraftId} onOpen={onOpen} label={t('library.listLabel', { order })} />
      )}
      {results && results.length >= SEARCH_LIMIT && <p className="sidebar-note">{t('library.resultsCapped', { count: SEARCH_LIMIT })}</p>}
    </>
  );
}
