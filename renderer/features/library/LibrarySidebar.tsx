import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { useLibrary } from '../../state/library.ts';

export function LibrarySidebar() {
  const { t, i18n } = useTranslation();
  const drafts = useLibrary((state) => state.drafts);
  const refresh = useLibrary((state) => state.refresh);
  const openDraftId = useDraft((state) => state.draftId);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function open(id: string) {
    await useDraft.getState().flush();
    useDraft.getState().open(await api.invoke('drafts.get', { id }));
  }

  async function createDraft() {
    await useDraft.getState().flush();
    const draft = await api.invoke('drafts.create', {});
    useDraft.getState().open(draft);
    document.getElementById('headline')?.focus();
  }

  // Arrow keys move between drafts, Enter opens one: the list works without a mouse.
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role="option"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[Math.max(0, Math.min(items.length - 1, to))]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else return;
    event.preventDefault();
  }

  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <nav className="sidebar" aria-label={t('library.title')}>
      <div className="sidebar-header">
        <h1 className="sidebar-title">{t('library.title')}</h1>
        <button type="button" className="button-primary" onClick={() => void createDraft()}>
          {t('library.newDraft')}
        </button>
      </div>
      {drafts.length === 0 ? (
        <p className="sidebar-empty">{t('library.empty')}</p>
      ) : (
        <ul ref={listRef} className="draft-list" role="listbox" aria-label={t('library.listLabel')} onKeyDown={onKeyDown}>
          {drafts.map((draft, index) => {
            const selected = draft.id === openDraftId;
            return (
              <li
                key={draft.id}
                role="option"
                aria-selected={selected}
                tabIndex={selected || (!openDraftId && index === 0) ? 0 : -1}
                className="draft-item"
                data-draft-id={draft.id}
                onClick={() => void open(draft.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    void open(draft.id);
                  }
                }}
              >
                <span className="draft-headline">{draft.headline || t('library.untitled')}</span>
                <span className="draft-meta">
                  <span className={`status status-${draft.status}`}>{t(`status.${draft.status}`)}</span>
                  <time dateTime={draft.updatedAt}>{time.format(new Date(draft.updatedAt))}</time>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
