import { useTranslation } from 'react-i18next';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { ExportDraftButton } from '../library/DraftFileButtons.tsx';
import { PublishButton } from '../publishing/PublishButton.tsx';

// What can be done to the open draft as a whole. Deleting for good lives only in the trash.
export function DraftActions({ draftId }: { draftId: string }) {
  const { t } = useTranslation();

  async function duplicate() {
    await useDraft.getState().switchTo(() => api.invoke('drafts.duplicate', { id: draftId }));
  }

  async function trash() {
    await useDraft.getState().flush();
    await api.invoke('drafts.trash', { id: draftId });
    useDraft.getState().close();
  }

  return (
    <>
      <PublishButton draftId={draftId} />
      <button type="button" onClick={() => void duplicate()}>
        {t('library.duplicate')}
      </button>
      <ExportDraftButton draftId={draftId} />
      <button type="button" onClick={() => void trash()}>
        {t('library.moveToTrash')}
      </button>
    </>
  );
}
