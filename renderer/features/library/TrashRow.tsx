import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../electron/model/article.ts';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';

// A trashed draft: restore it, or delete it for good — the only place permanent deletion exists.
export function TrashRow({ draft }: { draft: DraftSummary }) {
  const { t } = useTranslation();
  const title = draft.headline || t('library.untitled');

  async function purge() {
    if (!window.confirm(t('library.confirmPurge', { title }))) return;
    if (useDraft.getState().draftId === draft.id) useDraft.getState().close();
    await api.invoke('drafts.purge', { id: draft.id });
  }

  return (
    <li className="trash-item" data-draft-id={draft.id}>
      <span className="draft-headline">{title}</span>
      <span className="trash-actions">
        <button type="button" onClick={() => void api.invoke('drafts.restore', { id: draft.id })} aria-label={t('library.restoreNamed', { title })}>
          {t('library.restore')}
        </button>
        <button type="button" className="button-danger" onClick={() => void purge()} aria-label={t('library.purgeNamed', { title })}>
          {t('library.purge')}
        </button>
      </span>
    </li>
  );
}
