import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary } from '../../../electron/model/revision.ts';

interface Props {
  revisions: readonly RevisionSummary[];
  selectedId: number | null;
  onSelect(id: number): void;
}

// Versions newest first, as a listbox whose selection follows focus: ↑/↓, Home/End move through
// the versions and the diff beside the list follows, so the history can be read without a mouse.
export function RevisionList({ revisions, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);
  const focusable = selectedId ?? revisions[0]?.id;

  // Opening the panel puts the writer in the list, on the version being shown.
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const index = revisions.findIndex((revision) => revision.id === focusable);
    let to: number;
    if (event.key === 'ArrowDown') to = index + 1;
    else if (event.key === 'ArrowUp') to = index - 1;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = revisions.length - 1;
    else return;
    event.preventDefault();
    const target = revisions[Math.max(0, Math.min(revisions.length - 1, to))];
    if (!target) return;
    onSelect(target.id);
    listRef.current?.querySelector<HTMLElement>(`[data-revision-id="${target.id}"]`)?.focus();
  }

  if (revisions.length === 0) return <p className="history-note">{t('history.empty')}</p>;

  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul ref={listRef} className="revision-list" role="listbox" aria-label={t('history.listLabel')} onKeyDown={onKeyDown}>
      {revisions.map((revision) => (
        <li
          key={revision.id}
          role="option"
          aria-selected={revision.id === selectedId}
          tabIndex={revision.id === focusable ? 0 : -1}
          className="revision-item"
          data-revision-id={revision.id}
          onClick={() => onSelect(revision.id)}
        >
          <time dateTime={revision.createdAt}>{time.format(new Date(revision.createdAt))}</time>
          <span className={`revision-reason reason-${revision.reason}`}>
            {t(`history.reason.${revision.reason}`, { status: t(`status.${revision.status}`) })}
          </span>
          <span className="revision-headline">{revision.headline || t('history.untitled')}</span>
          <span className="revision-size">
            {t('history.words', { count: revision.words })} · {t('history.characters', { count: revision.characters })}
          </span>
        </li>
      ))}
    </ul>
  );
}
