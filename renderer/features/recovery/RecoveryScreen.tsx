import { type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../electron/model/errors.ts';
import type { BackupInfo, StorageStatus } from '../../../electron/model/storage.ts';
import { api } from '../../bridge.ts';

type Choice = { kind: 'backup'; backup: BackupInfo } | { kind: 'empty' };

interface Props {
  status: StorageStatus;
  onStatus(status: StorageStatus): void;
}

// Shown instead of the library when drafts.db was damaged (or is missing beside backups). It
// says what happened and that the damaged file was kept, and lets the writer restore a backup
// or, explicitly, start empty. Every choice is confirmed inline; all of it works by keyboard.
export function RecoveryScreen({ status, onStatus }: Props) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);

  // The heading takes focus so a screen reader starts with what happened.
  useEffect(() => headingRef.current?.focus(), []);

  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  const when = (backup: BackupInfo) => time.format(new Date(backup.createdAt));

  function ask(choice: Choice, event: MouseEvent<HTMLButtonElement>) {
    trigger.current = event.currentTarget;
    setError(null);
    setPending(choice);
  }

  function cancel() {
    setPending(null);
    trigger.current?.focus();
  }

  async function confirm(choice: Choice) {
    setBusy(true);
    try {
      onStatus(await api.invoke('storage.recover', { backupId: choice.kind === 'backup' ? choice.backup.id : null }));
    } catch (failure) {
      setError(failure instanceof AppError ? failure : new AppError('internal', 'errors.internal'));
      setPending(null);
      trigger.current?.focus();
      // The list may have changed (a backup gone): show it as it is now.
      api.invoke('storage.status', {}).then(onStatus, () => {});
    } finally {
      setBusy(false);
    }
  }

  const confirmation = (choice: Choice, text: string, action: string) => (
    <ConfirmPanel text={text} action={action} cancel={t('recovery.cancel')} busy={busy} onConfirm={() => void confirm(choice)} onCancel={cancel} />
  );

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" ref={headingRef} tabIndex={-1}>
        {t('recovery.title')}
      </h1>
      <p>{status.damagedFile ? t('recovery.damaged', { file: status.damagedFile }) : t('recovery.missing')}</p>
      {error && (
        <p role="alert" className="recovery-error">
          {t(error.messageKey, error.params ?? {})}
        </p>
      )}
      <p aria-live="polite" className="recovery-working">
        {busy ? t('recovery.working') : ''}
      </p>

      <section aria-labelledby="recovery-backups">
        <h2 id="recovery-backups">{t('recovery.backupsTitle')}</h2>
        {status.backups.length === 0 ? (
          <p>{t('recovery.noBackups')}</p>
        ) : (
          <>
            <p>{t('recovery.choose')}</p>
            <ul className="recovery-backups" aria-label={t('recovery.backupsLabel')}>
              {status.backups.map((backup) => {
                const choosing = pending?.kind === 'backup' && pending.backup.id === backup.id;
                const drafts = t('recovery.draftCount', { count: backup.drafts });
                return (
                  <li key={backup.id} className="recovery-backup" data-backup-id={backup.id}>
                    <div className="recovery-backup-row">
                      <time dateTime={backup.createdAt}>{when(backup)}</time>
                      <span className="recovery-backup-count">{drafts}</span>
                      <button
                        type="button"
                        aria-label={t('recovery.restoreNamed', { time: when(backup) })}
                        aria-expanded={choosing}
                        disabled={busy}
                        onClick={(event) => ask({ kind: 'backup', backup }, event)}
                      >
                        {t('recovery.restore')}
                      </button>
                    </div>
                    {choosing &&
                      confirmation(
                        { kind: 'backup', backup },
                        t('recovery.confirmRestore', { time: when(backup), drafts }),
                        t('recovery.confirmRestoreButton'),
                      )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="recovery-empty">
        <h2 id="recovery-empty">{t('recovery.startEmptyTitle')}</h2>
        <p>{t('recovery.startEmptyHint')}</p>
        <button type="button" aria-expanded={pending?.kind === 'empty'} disabled={busy} onClick={(event) => ask({ kind: 'empty' }, event)}>
          {t('recovery.startEmpty')}
        </button>
        {pending?.kind === 'empty' && confirmation(pending, t('recovery.confirmStartEmpty'), t('recovery.confirmStartEmptyButton'))}
      </section>
    </main>
  );
}

interface ConfirmProps {
  text: string;
  action: string;
  cancel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

// Focus moves to the confirming button as the panel opens; Escape or Cancel go back to the
// button that opened it.
function ConfirmPanel({ text, action, cancel, busy, onConfirm, onCancel }: ConfirmProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || busy) return;
    event.preventDefault();
    onCancel();
  }
  return (
    <div className="recovery-confirm" role="group" aria-labelledby="recovery-confirm-text" onKeyDown={onKeyDown}>
      <p id="recovery-confirm-text">{text}</p>
      <div className="recovery-confirm-actions">
        <button ref={confirmRef} type="button" className="button-primary" disabled={busy} onClick={onConfirm}>
          {action}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
