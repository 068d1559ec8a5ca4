import { useTranslation } from 'react-i18next';
import { useDraft } from '../../state/draft.ts';

export function SaveIndicator() {
  const { t } = useTranslation();
  const saveState = useDraft((state) => state.saveState);
  const error = useDraft((state) => state.error);
  const text =
    saveState === 'error' && error
      ? t('save.failed', { reason: t(error.messageKey, error.params ?? {}) })
      : t(`save.${saveState === 'dirty' ? 'unsaved' : saveState === 'error' ? 'unsaved' : saveState}`);
  return (
    <output className={`save-indicator save-${saveState}`} aria-live="polite" data-save-state={saveState}>
      {text}
    </output>
  );
}
