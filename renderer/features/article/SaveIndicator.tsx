import type { TFunction } from 'i18next';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/model/errors.ts';
import { type SaveState, useDraft } from '../../state/draft.ts';

type Shown = { saveState: SaveState; error: AppError | null };

// The indicator changes with every autosave, three times a second of typing, so it writes its
// element itself instead of rendering: a React commit while the body has focus walks the whole
// body to note the selection, and the keystroke that lands on it waits.
export function SaveIndicator() {
  const { t } = useTranslation();
  const output = useRef<HTMLOutputElement>(null);
  // Before the first paint, so the indicator never shows empty.
  useLayoutEffect(() => {
    let shown: Shown | null = null;
    const show = ({ saveState, error }: Shown) => {
      const element = output.current;
      if (!element || (shown?.saveState === saveState && shown.error === error)) return;
      shown = { saveState, error };
      element.className = `save-indicator save-${saveState}`;
      element.dataset.saveState = saveState;
      element.textContent = describe(t, shown);
    };
    show(useDraft.getState());
    return useDraft.subscribe(show);
  }, [t]);
  return <output ref={output} className="save-indicator" aria-live="polite" />;
}

function describe(t: TFunction, { saveState, error }: Shown): string {
  if (saveState === 'error' && error) return t('save.failed', { reason: t(error.messageKey, error.params ?? {}) });
  return t(`save.${saveState === 'dirty' || saveState === 'error' ? 'unsaved' : saveState}`);
}
