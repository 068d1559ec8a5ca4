import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { type LibraryScope, useLibrary } from '../../state/library.ts';
import { OutboxButton } from '../publishing/OutboxButton.tsx';
import { SettingsButton } from '../settings/SettingsDialog.tsx';
import { ReviewQueue } from '../review/ReviewQueue.tsx';
import { ImportDraftButton } from './DraftFileButtons.tsx';
import { LibraryControls } from './LibraryControls.tsx';
import { LibraryRows } from './LibraryRows.tsx';

const SEARCH_PAUSE_MS = 120;

export function LibrarySidebar() {
  const { t } = useTranslation();
  const scope = useLibrary((state) => state.scope);
  const { refresh, setScope, setQuery } = useLibrary.getState();
  const [typed, setTyped] = useState('');

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const timer = setTimeout(() => void setQuery(typed), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, setQuery]);

  async function open(id: string) {
    await useDraft.getState().switchTo(() => api.invoke('drafts.get', { id }));
  }

  async function createDraft() {
    if (scope !== 'active') await setScope('active');
    if (!(await useDraft.getState().switchTo(() => api.invoke('drafts.create', {})))) return;
    // The new draft starts at its headline, unless the writer has gone on to type somewhere
    // else while it was made.
    const active = document.activeElement;
    const typingElsewhere = active instanceof HTMLElement && active.isConnected && (active.isContentEditable || active.matches('input, textarea, select'));
    if (!typingElsewhere) document.getElementById('headline')?.focus();
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
      <LibraryRows onOpen={(id) => void open(id)} />
      <footer className="sidebar-footer">
        <ImportDraftButton />
        <OutboxButton />
      </footer>
    </nav>
  );
}
