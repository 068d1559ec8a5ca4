import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublishPanel } from './PublishPanel.tsx';

// "Publish…" beside the headline. The panel it opens is not modal (the writer fixes what the
// check finds while it is open); closing it brings focus back here.
export function PublishButton({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button-primary"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {t('publishing.panel.open')}
      </button>
      {open && (
        <PublishPanel
          key={draftId}
          draftId={draftId}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
