import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/model/errors.ts';
import type { PublishJob } from '../../../electron/model/publishing.ts';
import { usePublishing } from '../../state/publishing.ts';
import { formatSize } from '../attachments/format.ts';
import { doneText, errorText } from './messages.ts';
import { SiteVersionCompare } from './SiteVersionCompare.tsx';
import { CANCELLABLE_STATES, progressOf } from './publish-logic.ts';
import { asAppError } from '../../errors.ts';

interface JobViewProps {
  job: PublishJob;
  siteName: string;
  // Where the post is on the site, for "Open the site's version" after a conflict.
  remoteLink: string | null;
}

// One publishing job as it goes: its step, the bytes uploaded, the retries, and at the end the
// live link or what went wrong and what can be done about it.
export function JobView({ job, siteName, remoteLink }: JobViewProps) {
  const { t, i18n } = useTranslation();
  const cancelJob = usePublishing((state) => state.cancelJob);
  const retryJob = usePublishing((state) => state.retryJob);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function act(run: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  }

  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const progress = progressOf(job);
  const reason = job.error ? errorText(t, job.error) : '';
  const active = job.state === 'queued' || job.state === 'running' || job.state === 'waiting';

  return (
    <section className="job" aria-labelledby={`job-${job.id}`} data-state={job.state}>
      <h3 id={`job-${job.id}`} className="job-title">
        {t('publishing.job.title')}
      </h3>
      <p className="job-state">
        <strong>{t(`publishing.job.state.${job.state}`)}</strong>
        {active && <> · {t(`publishing.job.step.${job.step}`)}</>}
        {job.attempts > 1 && active && <> · {t('publishing.job.attempt', { count: job.attempts })}</>}
      </p>
      {/* Left full when done, so the writer sees that every byte arrived. */}
      {(active || job.state === 'done') && progress.percent !== null && (
        <div className="job-progress">
          <div
            className="progress"
            role="progressbar"
            aria-label={t('publishing.job.progress')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.sent}
            aria-valuetext={t('publishing.job.bytes', { sent: formatSize(progress.sent, i18n.language), total: formatSize(progress.total, i18n.language) })}
          >
            <div className="progress-fill" style={{ width: `${progress.percent}%` }} />
          </div>
          <span className="job-bytes">
            {t('publishing.job.bytes', { sent: formatSize(progress.sent, i18n.language), total: formatSize(progress.total, i18n.language) })}
          </span>
        </div>
      )}
      {job.state === 'waiting' && (
        <p className="job-waiting">
          {job.nextAttemptAt
            ? t('publishing.job.waiting', { reason, time: time(job.nextAttemptAt) })
            : t('publishing.job.waitingNoTime', { reason })}
        </p>
      )}
      {job.state === 'done' && (
        <div className="job-done">
          <p>{doneText(t, job, siteName, i18n.language)}</p>
          {job.link && job.action !== 'unpublish' && (
            <p>
              <a className="job-link" href={job.link} target="_blank" rel="noopener noreferrer">
                {job.link}
              </a>
            </p>
          )}
        </div>
      )}
      {job.state === 'failed' && (
        <p className="job-failed" role="alert">
          {t('publishing.job.failed', { reason })}
        </p>
      )}
      {job.state === 'cancelled' && <p className="field-hint">{t('publishing.job.cancelled')}</p>}
      {job.state === 'conflict' && (
        <div className="job-conflict">
          <p>{t('publishing.job.conflict')}</p>
          <div className="job-buttons">
            <button type="button" className="button-primary" aria-disabled={busy || undefined} onClick={() => !busy && void act(() => retryJob(job.id, true))}>
              {t('publishing.job.keepMine')}
            </button>
            {remoteLink && (
              <a className="button-link" href={remoteLink} target="_blank" rel="noopener noreferrer">
                {t('publishing.job.openSiteVersion')}
              </a>
            )}
          </div>
          <SiteVersionCompare jobId={job.id} draftId={job.draftId} />
        </div>
      )}
      {error && (
        <p className="job-failed" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <div className="job-buttons">
        {(job.state === 'failed' || job.state === 'waiting') && (
          <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && void act(() => retryJob(job.id))}>
            {job.state === 'waiting' ? t('publishing.job.retryNow') : t('publishing.job.retry')}
          </button>
        )}
        {CANCELLABLE_STATES.has(job.state) && (
          <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && void act(() => cancelJob(job.id))}>
            {t('publishing.job.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
