import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../electron/model/article.ts';
import type { AppError } from '../../../electron/model/errors.ts';
import type { PublishJob } from '../../../electron/model/publishing.ts';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { useLibrary } from '../../state/library.ts';
import { usePublishing } from '../../state/publishing.ts';
import { doneText, errorText } from './messages.ts';
import { CANCELLABLE_STATES, RETRYABLE_STATES, isPublishJob, outboxCounts } from './publish-logic.ts';
import { asAppError } from '../../errors.ts';

// The outbox in the sidebar's footer: how many articles are still on their way, whether one
// needs the writer, and a list of every job with Cancel and Retry. It also speaks: every job
// that changes state is announced politely, wherever focus is.
export function OutboxButton() {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const jobs = usePublishing((state) => state.jobs);
  const { pending, attention } = useMemo(() => outboxCounts(jobs), [jobs]);

  useEffect(() => {
    // Jobs left from the last session (waiting for the network, say) show from the start.
    usePublishing
      .getState()
      .loadJobs()
      .catch(() => undefined);
    usePublishing
      .getState()
      .loadSites()
      .catch(() => undefined);
  }, []);

  const label = [t('publishing.outbox.title'), pending > 0 ? t('publishing.outbox.pending', { count: pending }) : '', attention > 0 ? t('publishing.outbox.attention', { count: attention }) : '']
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <button
        type="button"
        className="outbox-button"
        aria-haspopup="dialog"
        aria-label={label}
        data-attention={attention > 0 || undefined}
        onClick={() => {
          setOpen(true);
          dialogRef.current?.showModal();
        }}
      >
        {t('publishing.outbox.title')}
        {pending > 0 && (
          <span className="outbox-badge" aria-hidden="true">
            {pending}
          </span>
        )}
        {attention > 0 && (
          <span className="outbox-badge outbox-badge-attention" aria-hidden="true">
            !
          </span>
        )}
      </button>
      <OutboxAnnouncer />
      <dialog ref={dialogRef} className="outbox-dialog" aria-labelledby="outbox-title" onClose={() => setOpen(false)}>
        {open && <OutboxList onClose={() => dialogRef.current?.close()} />}
      </dialog>
    </>
  );
}

function OutboxList({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const jobs = usePublishing((state) => state.jobs);
  const sites = usePublishing((state) => state.sites);
  const titles = useDraftTitles(jobs);
  const [error, setError] = useState<AppError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  async function act(id: string, run: () => Promise<void>) {
    setBusyId(id);
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="outbox">
      <header className="outbox-header">
        <h2 id="outbox-title">{t('publishing.outbox.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('publishing.outbox.close')}
        </button>
      </header>
      {error && (
        <p className="job-failed" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="field-hint">{t('publishing.outbox.empty')}</p>
      ) : (
        <table className="outbox-table" aria-label={t('publishing.outbox.listLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('publishing.outbox.columns.article')}</th>
              <th scope="col">{t('publishing.outbox.columns.site')}</th>
              <th scope="col">{t('publishing.outbox.columns.action')}</th>
              <th scope="col">{t('publishing.outbox.columns.state')}</th>
              <th scope="col">{t('publishing.outbox.columns.time')}</th>
              <th scope="col">{t('publishing.outbox.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const title = titles(job.draftId);
              const site = sites.find((candidate) => candidate.id === job.siteId);
              const busy = busyId === job.id;
              return (
                <tr key={job.id} data-state={job.state}>
                  <th scope="row">{title}</th>
                  <td>{site?.name ?? t('publishing.outbox.unknownSite')}</td>
                  <td>{t(`publishing.actions.${job.action}`)}</td>
                  <td>
                    <span className="outbox-state">{t(`publishing.job.state.${job.state}`)}</span>
                    {job.error && job.state !== 'done' && job.state !== 'cancelled' && <span className="outbox-error">{errorText(t, job.error)}</span>}
                    {job.state === 'done' && job.link && job.action !== 'unpublish' && (
                      <a href={job.link} target="_blank" rel="noopener noreferrer" className="outbox-link">
                        {t('publishing.outbox.view')}
                      </a>
                    )}
                  </td>
                  <td>
                    <time dateTime={job.updatedAt}>{when.format(new Date(job.updatedAt))}</time>
                  </td>
                  <td>
                    <div className="outbox-actions">
                    {RETRYABLE_STATES.has(job.state) && (
                      <button
                        type="button"
                        aria-disabled={busy || undefined}
                        aria-label={t('publishing.outbox.retryNamed', { title })}
                        onClick={() => !busy && void act(job.id, () => usePublishing.getState().retryJob(job.id))}
                      >
                        {t('publishing.job.retry')}
                      </button>
                    )}
                    {CANCELLABLE_STATES.has(job.state) && (
                      <button
                        type="button"
                        aria-disabled={busy || undefined}
                        aria-label={t('publishing.outbox.cancelNamed', { title })}
                        onClick={() => !busy && void act(job.id, () => usePublishing.getState().cancelJob(job.id))}
                      >
                        {t('publishing.job.cancel')}
                      </button>
                    )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

// A job names its draft by id; the headline comes from the library, the open draft, or (for a
// draft the sidebar is not showing, in the trash say) from main.
function useDraftTitles(jobs: readonly PublishJob[]): (draftId: string) => string {
  const { t } = useTranslation();
  const drafts = useLibrary((state) => state.drafts);
  const openId = useDraft((state) => state.draftId);
  const openHeadline = useDraft((state) => state.article?.headline);
  const [fetched, setFetched] = useState<ReadonlyMap<string, DraftSummary>>(new Map());
  // Only the jobs' drafts: the library changes with every autosave, and indexing 10,000 drafts
  // each time would cost the writer a stutter a second for an outbox that is usually empty.
  const known = useMemo(() => {
    const wanted = new Set(jobs.map((job) => job.draftId));
    return new Map(wanted.size === 0 ? [] : drafts.filter((draft) => wanted.has(draft.id)).map((draft) => [draft.id, draft]));
  }, [drafts, jobs]);
  const missing = useMemo(
    () => [...new Set(jobs.map((job) => job.draftId))].filter((id) => !known.has(id) && id !== openId).slice(0, 500),
    [jobs, known, openId],
  );
  const missingKey = missing.join(',');

  useEffect(() => {
    if (!missingKey) return;
    let live = true;
    api.invoke('drafts.summaries', { ids: missingKey.split(',') }).then(
      (summaries) => live && setFetched(new Map(summaries.map((summary) => [summary.id, summary]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [missingKey]);

  return (draftId) => {
    const headline = draftId === openId ? openHeadline : (known.get(draftId) ?? fetched.get(draftId))?.headline;
    if (headline === undefined) return t('publishing.outbox.unknownDraft');
    return headline.trim() || t('library.untitled');
  };
}

// Says what happened to a job when its state changes: queued, sending, waiting, done, failed.
function OutboxAnnouncer() {
  const { t, i18n } = useTranslation();
  const change = usePublishing((state) => state.lastChange);
  const sites = usePublishing((state) => state.sites);
  const jobs = usePublishing((state) => state.jobs);
  const titles = useDraftTitles(jobs);
  let message = '';
  // Jobs the app queues by itself (review notes) are announced only when they need the writer.
  const heard = change && (isPublishJob(change.job) || change.job.state === 'failed' || change.job.state === 'conflict');
  if (change && heard) {
    const { job } = change;
    const site = sites.find((candidate) => candidate.id === job.siteId)?.name ?? t('publishing.outbox.unknownSite');
    const title = titles(job.draftId);
    message =
      job.state === 'done'
        ? t('publishing.announce.done', { title, result: doneText(t, job, site, i18n.language) })
        : t(`publishing.announce.${job.state}`, { title, site, reason: job.error ? errorText(t, job.error) : '' });
  }
  return (
    <p className="visually-hidden outbox-announcer" aria-live="polite">
      {change && heard && <span key={change.seq}>{message}</span>}
    </p>
  );
}
