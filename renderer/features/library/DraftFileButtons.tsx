import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { asAppError } from '../../errors.ts';

// A draft as one file: export asks main for the save dialog (main writes the file), import
// reads the chosen file's bytes here and hands them over; the renderer never names a path.

function useOutcome() {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const report = (error: unknown) => {
    const failure = asAppError(error);
    setMessage(t(failure.messageKey, failure.params ?? {}));
  };
  return { message, setMessage, report };
}

export function ExportDraftButton({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const { message, setMessage, report } = useOutcome();
  async function exportDraft() {
    setMessage('');
    try {
      await useDraft.getState().flush();
      const { saved } = await api.invoke('drafts.export', { id: draftId });
      if (saved) setMessage(t('library.exported'));
    } catch (error) {
      report(error);
    }
  }
  return (
    <>
      <button type="button" title={t('library.exportDraftHint')} onClick={() => void exportDraft()}>
        {t('library.exportDraft')}
      </button>
      <span role="status" className="file-outcome">
        {message}
      </span>
    </>
  );
}

export function ImportDraftButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { message, setMessage, report } = useOutcome();
  async function importFile(file: File | undefined) {
    if (!file) return;
    setMessage('');
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (await useDraft.getState().switchTo(() => api.invoke('drafts.import', { bytes }))) setMessage(t('library.imported'));
    } catch (error) {
      report(error);
    } finally {
      if (input.current) input.current.value = '';
    }
  }
  return (
    <>
      <button type="button" title={t('library.importDraftHint')} onClick={() => input.current?.click()}>
        {t('library.importDraft')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".pressroom"
        hidden
        aria-label={t('library.importDraft')}
        onChange={(event) => void importFile(event.target.files?.[0])}
      />
      <span role="status" className="file-outcome">
        {message}
      </span>
    </>
  );
}
