import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus, DraftSummary } from '../../../electron/model/article.ts';
import { distinctValues, type FilterKey, type SortKey, useLibrary } from '../../state/library.ts';

const SORT_KEYS: readonly SortKey[] = ['updatedAt', 'headline', 'status', 'section', 'issue', 'byline'];
const FILTER_KEYS: readonly FilterKey[] = ['status', 'section', 'issue', 'byline'];
const NO_DRAFTS: readonly DraftSummary[] = [];

export function LibraryControls() {
  const { t } = useTranslation();
  // The filter menus list every distinct value of 10,000 drafts; every autosave changes the
  // list, so the values are only gathered, and the list only followed, while the panel is open.
  const [open, setOpen] = useState(false);
  const drafts = useLibrary((state) => (open ? state.drafts : NO_DRAFTS));
  const sort = useLibrary((state) => state.sort);
  const filters = useLibrary((state) => state.filters);
  const setSort = useLibrary((state) => state.setSort);
  const setFilter = useLibrary((state) => state.setFilter);

  const label = (key: FilterKey, value: string) => (key === 'status' ? t(`status.${value as ArticleStatus}`) : value);

  return (
    <details className="library-controls" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('library.sortAndFilter')}</summary>
      <div className="library-control-row">
        <label>
          {t('library.sortBy')}
          <select aria-label={t('library.sortBy')} value={sort.key} onChange={(event) => setSort(event.target.value as SortKey, sort.descending)}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`library.column.${key}`)}
              </option>
            ))}
          </select>
        </label>
        {/* A toggle keeps its name; pressed says which way the list runs. */}
        <button type="button" aria-pressed={sort.descending} onClick={() => setSort(sort.key, !sort.descending)}>
          {t('library.descending')}
        </button>
      </div>
      {FILTER_KEYS.map((key) => {
        const chosen = filters[key];
        const values = open ? distinctValues(drafts, key) : chosen ? [chosen] : [];
        return (
          <label key={key} className="library-control-row">
            {t(`library.column.${key}`)}
            <select aria-label={t(`library.column.${key}`)} value={filters[key] ?? ''} onChange={(event) => setFilter(key, event.target.value || undefined)}>
              <option value="">{t('library.all')}</option>
              {values.map((value) => (
                <option key={value} value={value}>
                  {label(key, value)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </details>
  );
}
