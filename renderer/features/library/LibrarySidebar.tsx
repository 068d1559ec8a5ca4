import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { type LibraryScope, useLibrary, visibleDrafts } from '../../state/library.ts';
import { OutboxButton } from '../publishing/OutboxButton.tsx';
import { SettingsButton } from '../settings/SettingsDialog.tsx';
import { ReviewQueue } from '../review/ReviewQueue.tsx';
import { ImportDraftButton } from './DraftFileButtons.tsx';
import { DraftList } from './DraftList.tsx';
import { LibraryControls } from './LibraryControls.tsx';
import { TrashRow } from './TrashRow.tsx';

const SEARCH_PAUSE_MS = 120;

export function LibrarySidebar() {
  const { t, i18n } = useTranslation();
  const { scope, drafts, loaded, results, sort, filters, refresh, setScope, setQuery } = useLibrary();
  const openDraftId = useDraft((state) => state.draftId);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const timer = setTimeout(() => void setQuery(typed), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, setQuery]);

  const rows = useMemo(() => {
    if (results) return results.filter((r) => visibleDrafts([r.draft], filters, sort, i18n.language).length > 0);
    return visibleDrafts(drafts, filters, sort, i18n.language).map((draft) => ({ draft, highlights: undefined }));
  }, [drafts, results, filters, sort, i18n.language]);

  async function open(id: string) {
    await useDraft.getState().flush();
    useDraft.getState().open(await api.invoke('drafts.get', { id }));
  }

  async function createDraft() {
    await useDraft.getState().flush();
    if (scope !== 'active') await setScope('active');
    useDraft.getState().open(await api.invoke('drafts.create', {}));
    document.getElementById('headline')?.focus();
  }

  const scopes: LibraryScope[] = ['active', 'trash'];

  return (
    <nav className="sidebar" aria-label={t('library.title')}>
      <div className="sidebar-header">
        <h1 className="sidebar-title">{t('library.title')}</h1>
        <div className="sidebar-buttons">
          <SettingsButton />
          <button type="button" className="button-primary" onClick={() => void createDraft()}>
            {t('library.newDraft')}
          </button>
        </div>
      </div>
      <ReviewQueue />
      <div role="search" className="library-search">
        <input
          type="search"
          aria-label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      <div className="scope-tabs" role="group" aria-label={t('library.scope')}>
        {scopes.map((value) => (
          <button key={value} type="button" aria-pressed={scope === value} onClick={() => void setScope(value)}>
            {t(value === 'active' ? 'library.active' : 'library.trash')}
          </button>
        ))}
      </div>
      <LibraryControls />
      <p className="visually-hidden" aria-live="polite">
        {t('library.count', { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        loaded && <p className="sidebar-empty">{results ? t('library.noMatches') : scope === 'trash' ? t('library.trashEmpty') : t('library.empty')}</p>
      ) : scope === 'trash' ? (
        <ul className="trash-list" aria-label={t('library.trash')}>
          {rows.map(({ draft }) => (
            <TrashRow key={draft.id} draft={draft} />
          ))}
        </ul>
      ) : (
        <DraftList rows={rows} openDraftId={openDraftId} onOpen={(id) => void open(id)} />
      )}
      <footer className="sidebar-footer">
        <ImportDraftButton />
        <OutboxButton />
      </footer>
    </nav>
  );
}
