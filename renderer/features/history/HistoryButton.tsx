import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from './HistoryPanel.tsx';

// The article header's way into the revision history. The panel is modal, so when it closes
// (Escape, Close, or after a restore) focus comes back here, where the writer left off.
export function HistoryButton({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);

  function closed(message?: string) {
    setOpen(false);
    setAnnouncement(message ?? '');
    buttonRef.current?.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setAnnouncement('');
          setOpen(true);
        }}
      >
        {t('history.open')}
      </button>
      <output className="visually-hidden" aria-live="polite">
        {announcement}
      </output>
      {open && <HistoryPanel draftId={draftId} onClosed={closed} />}
    </>
  );
}
