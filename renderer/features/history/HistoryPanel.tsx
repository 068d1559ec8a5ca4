import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleFields } from '../../../electron/model/article.ts';
import { type AppError } from '../../../electron/model/errors.ts';
import type { RevisionSummary } from '../../../electron/model/revision.ts';
import { api } from '../../bridge.ts';
import { currentArticle, useDraft } from '../../state/draft.ts';
import { type ArticleDiff, diffArticles } from './article-diff.ts';
import { DiffView } from './DiffView.tsx';
import { RevisionList } from './RevisionList.tsx';
import { asAppError } from '../../errors.ts';

interface Props {
  draftId: string;
  // Called once the dialog has closed; a message is announced after a restore.
  onClosed(message?: string): void;
}

interface Shown {
  id: number;
  diff: ArticleDiff;
}

// Saves whatever is still waiting in the autosave, then reads the text as saved: versions are
// taken from, and compared with, what is on disk.
async function savedArticle(): Promise<ArticleFields | null> {
  await useDraft.getState().flush();
  return currentArticle();
}

// A modal <dialog>: the browser traps focus in it, makes the page behind it inert (so the text
// cannot change under the diff) and closes it on Escape.
export function HistoryPanel({ draftId, onClosed }: Props) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const latestRequest = useRef(0);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  // The saved text the versions are compared with; the page behind is inert, so it holds still.
  const current = useRef<ArticleFields | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // The diff on screen. While the next one loads the last stays (no flash on every arrow key),
  // and Restore waits until the two agree, so it never restores a version other than the one shown.
  const [shown, setShown] = useState<Shown | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const restoredMessage = useRef<string | undefined>(undefined);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        current.current = await savedArticle();
        const list = await api.invoke('revisions.list', { draftId });
        if (!live) return;
        setRevisions(list);
        // The newest version is the likeliest one wanted: show its changes straight away.
        if (list[0]) void select(list[0].id);
      } catch (caught) {
        if (live) setError(asAppError(caught));
      }
    })();
    return () => {
      live = false;
    };
  }, [draftId]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function select(id: number) {
    const request = ++latestRequest.current;
    setConfirming(false);
    setSelectedId(id);
    setError(null);
    try {
      const revision = await api.invoke('revisions.get', { id });
      // Arrow keys move faster than answers come back: only the last choice is shown.
      if (request !== latestRequest.current || !current.current) return;
      setShown({ id, diff: diffArticles(revision.article, current.current) });
    } catch (caught) {
      if (request === latestRequest.current) setError(asAppError(caught));
    }
  }

  async function saveVersion() {
    setBusy(true);
    setError(null);
    try {
      current.current = await savedArticle();
      const summary = await api.invoke('revisions.snapshot', { draftId });
      setRevisions((list) => [summary, ...(list ?? [])]);
      setStatus(t('history.versionSaved'));
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function restore(revisionId: number) {
    setBusy(true);
    setError(null);
    try {
      await useDraft.getState().flush();
      const { revision } = useDraft.getState();
      const draft = await api.invoke('revisions.restore', { draftId, revisionId, baseRevision: revision });
      useDraft.getState().open(draft);
      restoredMessage.current = t('history.restored');
      dialogRef.current?.close();
    } catch (caught) {
      setError(asAppError(caught));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="history-dialog"
      aria-labelledby="history-title"
      onCancel={(event) => {
        // Escape first backs out of the restore question, then closes the panel.
        if (confirming) {
          event.preventDefault();
          setConfirming(false);
        }
      }}
      onClose={() => onClosed(restoredMessage.current)}
    >
      <header className="history-header">
        <h2 id="history-title">{t('history.title')}</h2>
        <button type="button" className="button-primary" disabled={busy} onClick={() => void saveVersion()}>
          {t('history.saveVersion')}
        </button>
        <button type="button" onClick={() => dialogRef.current?.close()}>
          {t('history.close')}
        </button>
      </header>
      <p className="history-status" role="status">
        {status}
      </p>
      {error && (
        <p className="history-error" role="alert">
          {t(error.messageKey, error.params ?? {})}
        </p>
      )}
      <div className="history-body">
        {revisions === null ? (
          <p className="history-note">{t('history.loading')}</p>
        ) : (
          <RevisionList revisions={revisions} selectedId={selectedId} onSelect={(id) => void select(id)} />
        )}
        <section className="history-detail" aria-label={t('history.compareHeading')} aria-busy={shown?.id !== selectedId}>
          {selectedId === null ? (
            <p className="history-note">{t('history.choose')}</p>
          ) : !shown ? (
            <p className="history-note">{t('history.loading')}</p>
          ) : (
            <>
              <div className="history-restore">
                {confirming ? (
                  <div role="group" aria-labelledby="history-confirm-text" className="history-confirm">
                    <p id="history-confirm-text">{t('history.confirmRestore')}</p>
                    <button ref={confirmRef} type="button" className="button-primary" disabled={busy || shown.id !== selectedId} onClick={() => void restore(shown.id)}>
                      {t('history.confirm')}
                    </button>
                    <button type="button" onClick={() => setConfirming(false)}>
                      {t('history.cancel')}
                    </button>
                  </div>
                ) : (
                  <button type="button" disabled={busy || shown.id !== selectedId} onClick={() => setConfirming(true)}>
                    {t('history.restore')}
                  </button>
                )}
              </div>
              <DiffView diff={shown.diff} />
            </>
          )}
        </section>
      </div>
    </dialog>
  );
}
