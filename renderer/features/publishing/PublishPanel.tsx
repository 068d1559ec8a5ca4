import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/model/errors.ts';
import type { PreflightItem, PublishAction, RemotePost } from '../../../electron/model/publishing.ts';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { usePublishing } from '../../state/publishing.ts';
import { JobView } from './JobView.tsx';
import { errorText, preflightText } from './messages.ts';
import {
  OPEN_STATES,
  defaultAction,
  isLive,
  lastUsedSiteId,
  latestJob,
  localInputToIso,
  mainButton,
  offeredActions,
  proposedSchedule,
} from './publish-logic.ts';
import { showBlock } from './show-block.ts';
import { asAppError } from '../../errors.ts';

interface Props {
  draftId: string;
  onClose(): void;
}

// After the writer stops changing things (the site, the action, the text), the check runs again.
const CHECK_PAUSE_MS = 400;

// The answer of the check for a site, an action and the text as saved at one revision; what has
// no answer yet is being checked.
interface CheckedFor {
  siteId: string;
  action: PublishAction;
  revision: number;
}
type CheckResult = CheckedFor & ({ items: PreflightItem[] } | { error: AppError });

// How often "in the past" is looked at again for a scheduled time.
const CLOCK_TICK_MS = 30_000;

// The publish panel beside the open draft: not modal, so the writer can fix what the check
// finds (a byline, an alt text) with the panel open, and the check follows the text.
export function PublishPanel({ draftId, onClose }: Props) {
  const { t } = useTranslation();
  const panelRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const sites = usePublishing((state) => state.sites);
  const sitesLoaded = usePublishing((state) => state.sitesLoaded);
  const jobs = usePublishing((state) => state.jobs);
  const jobsLoaded = usePublishing((state) => state.jobsLoaded);
  const revision = useDraft((state) => state.revision);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [remotes, setRemotes] = useState<RemotePost[] | null>(null);
  const [chosenAction, setChosenAction] = useState<PublishAction | null>(null);
  const [scheduleValue, setScheduleValue] = useState(() => proposedSchedule(new Date()));
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<AppError | null>(null);
  const checkRequest = useRef(0);

  // Sites, the outbox and where this draft already is, fetched when the panel opens.
  useEffect(() => {
    let live = true;
    const { loadSites, loadJobs } = usePublishing.getState();
    Promise.all([loadSites(), loadJobs(), api.invoke('publish.remote', { draftId })])
      .then(([, , remote]) => {
        if (live) setRemotes(remote);
      })
      .catch((error: unknown) => {
        if (live) setLoadError(asAppError(error));
      });
    return () => {
      live = false;
    };
  }, [draftId]);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, []);

  // The site offered first is the one used last; it waits for the outbox so "last" is known.
  const chosenSite = sites.find((candidate) => candidate.id === siteId);
  const fallbackSiteId = sitesLoaded && jobsLoaded ? lastUsedSiteId(jobs, sites, draftId) : null;
  const site = chosenSite ?? sites.find((candidate) => candidate.id === fallbackSiteId) ?? null;

  const remote = (site && remotes?.find((post) => post.siteId === site.id)) || null;
  // Nothing is offered until it is known whether the draft is already on the site.
  const offered = useMemo(() => (site && remotes ? offeredActions(site.capabilities, remote) : []), [site, remotes, remote]);
  const action = chosenAction && offered.includes(chosenAction) ? chosenAction : defaultAction(offered, remote);
  const job = site ? latestJob(jobs, draftId, site.id) : null;
  const openJob = job && OPEN_STATES.has(job.state) ? job : null;
  const scheduleAt = action === 'schedule' ? localInputToIso(scheduleValue) : null;
  const scheduleInPast = action === 'schedule' && (scheduleAt === null || Date.parse(scheduleAt) <= now);

  useEffect(() => {
    if (action !== 'schedule') return;
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [action]);

  // A job of this draft that finished changes where the draft is on the site: Update, Unpublish.
  const doneJobId = job?.state === 'done' ? job.id : null;
  useEffect(() => {
    if (!doneJobId) return;
    let live = true;
    void api.invoke('publish.remote', { draftId }).then(
      (remote) => live && setRemotes(remote),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [doneJobId, draftId]);

  // The check, when the panel opens and after every change of site, action or saved text.
  const checkSiteId = site?.id ?? null;
  useEffect(() => {
    if (!checkSiteId || !action) return;
    const request = ++checkRequest.current;
    const timer = setTimeout(() => {
      void (async () => {
        const asked: CheckedFor = { siteId: checkSiteId, action, revision };
        try {
          // The check reads the draft as saved: what is still waiting in the autosave goes first.
          await useDraft.getState().flush();
          const items = await api.invoke('publish.check', { draftId, siteId: checkSiteId, action });
          if (request === checkRequest.current) setChecked({ ...asked, revision: useDraft.getState().revision, items });
        } catch (error) {
          if (request === checkRequest.current) setChecked({ ...asked, error: asAppError(error) });
        }
      })();
    }, CHECK_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [checkSiteId, action, revision, draftId]);

  // While the text changes, the last answer for this site and action stays on screen (no flash
  // on every autosave); the main button waits for the answer about the text as it is now.
  const shown = checked && checked.siteId === checkSiteId && checked.action === action ? checked : null;
  const current = shown && shown.revision === revision ? shown : null;
  const checking = checkSiteId !== null && action !== null && current === null;
  const items = shown && 'items' in shown ? shown.items : [];
  const checkError = shown && 'error' in shown ? shown.error : null;
  const errors = items.filter((item) => item.severity === 'error');
  const warnings = items.filter((item) => item.severity === 'warning');
  const ready = current !== null && 'items' in current && errors.length === 0 && !openJob && !starting && !scheduleInPast && site !== null && action !== null;

  async function start() {
    if (!ready || !site || !action) return;
    setStarting(true);
    setStartError(null);
    try {
      await useDraft.getState().flush();
      const started = await api.invoke('publish.start', { draftId, siteId: site.id, action, ...(action === 'schedule' && scheduleAt ? { scheduleAt } : {}) });
      usePublishing.getState().applyJob(started);
    } catch (error) {
      setStartError(asAppError(error));
    } finally {
      setStarting(false);
    }
  }

  const blockedId = `${titleId}-blocked`;
  const onSiteText = site && remote ? onSiteLabel(t, remote.status, site.name) : null;

  return (
    <section
      ref={panelRef}
      className="publish-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="publish-header">
        <h2 id={titleId} tabIndex={-1}>
          {t('publishing.panel.title')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('publishing.panel.close')}
        </button>
      </header>
      <div className="publish-body">
        {loadError && (
          <p className="job-failed" role="alert">
            {errorText(t, loadError)}
          </p>
        )}
        {sitesLoaded && sites.length === 0 ? (
          <p className="field-hint">{t('publishing.panel.noSites')}</p>
        ) : (
          <>
            <label className="publish-row">
              {t('publishing.panel.site')}
              <select value={site?.id ?? ''} onChange={(event) => setSiteId(event.target.value)} disabled={!sitesLoaded}>
                {sites.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {t('publishing.panel.siteOption', { name: candidate.name, user: candidate.username })}
                  </option>
                ))}
              </select>
            </label>
            {onSiteText && (
              <p className="publish-on-site">
                {onSiteText}{' '}
                {isLive(remote) && remote && (
                  <a href={remote.link} target="_blank" rel="noopener noreferrer">
                    {t('publishing.panel.viewOnSite')}
                  </a>
                )}
              </p>
            )}
            {site && !site.capabilities.publish && <p className="field-hint">{t('publishing.panel.contributor', { site: site.name })}</p>}
            {site && remotes && offered.length === 0 && <p className="field-hint">{t('publishing.panel.liveNoRights', { site: site.name })}</p>}
            {offered.length > 0 && (
              <fieldset className="publish-actions">
                <legend>{t('publishing.panel.action')}</legend>
                {offered.map((candidate) => (
                  <label key={candidate} className="publish-choice">
                    <input type="radio" name={`${titleId}-action`} value={candidate} checked={action === candidate} onChange={() => {
                        setChosenAction(candidate);
                        setNow(Date.now());
                      }}
                    />
                    {t(`publishing.actions.${candidate}`)}
                  </label>
                ))}
              </fieldset>
            )}
            {action === 'schedule' && (
              <label className="publish-row">
                {t('publishing.panel.scheduleAt')}
                <input
                  type="datetime-local"
                  value={scheduleValue}
                  aria-invalid={scheduleInPast || undefined}
                  aria-describedby={`${titleId}-schedule`}
                  onChange={(event) => {
                    setScheduleValue(event.target.value);
                    setNow(Date.now());
                  }}
                />
              </label>
            )}
            {action === 'schedule' && (
              <p id={`${titleId}-schedule`} className={scheduleInPast ? 'field-error' : 'field-hint'}>
                {scheduleInPast ? t('publishing.panel.schedulePast') : t('publishing.panel.scheduleHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
              </p>
            )}
            {site && action && (
              <section className="publish-check" aria-labelledby={`${titleId}-check`} aria-busy={checking}>
                <h3 id={`${titleId}-check`}>{t('publishing.check.title')}</h3>
                <p className="publish-check-summary" role="status">
                  {checking && !shown
                    ? t('publishing.check.checking')
                    : checkError
                      ? ''
                      : errors.length > 0
                        ? t('publishing.check.errors', { count: errors.length })
                        : warnings.length > 0
                          ? t('publishing.check.passedWithWarnings', { count: warnings.length })
                          : t('publishing.check.passed')}
                </p>
                {checkError && (
                  <p className="job-failed" role="alert">
                    {errorText(t, checkError)}
                  </p>
                )}
                {items.length > 0 && (
                  <ul className="preflight-list" aria-label={t('publishing.check.listLabel')}>
                    {[...errors, ...warnings].map((item, index) => {
                      const message = preflightText(t, item);
                      return (
                        <li key={`${item.messageKey}-${item.blockIndex ?? ''}-${index}`} className={`preflight-item preflight-${item.severity}`}>
                          <span className="preflight-severity">{t(`publishing.check.${item.severity}`)}</span>
                          <span className="preflight-message">{message}</span>
                          {item.blockIndex !== undefined && (
                            <button
                              type="button"
                              aria-label={t('publishing.check.showNamed', { message })}
                              onClick={() => showBlock(item.blockIndex!, item.messageKey)}
                            >
                              {t('publishing.check.show')}
                            </button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            )}
            {startError && (
              <p className="job-failed" role="alert">
                {errorText(t, startError)}
              </p>
            )}
            {site && action && !openJob && (
              <div className="publish-go">
                <button
                  type="button"
                  className="button-primary"
                  disabled={!ready}
                  aria-describedby={errors.length > 0 ? blockedId : undefined}
                  onClick={() => void start()}
                >
                  {starting ? t('publishing.panel.starting') : t(`publishing.button.${mainButton(action, remote)}`)}
                </button>
                {errors.length > 0 && (
                  <p id={blockedId} className="field-hint">
                    {t('publishing.check.blocked')}
                  </p>
                )}
              </div>
            )}
            {site && job && <JobView job={job} siteName={site.name} remoteLink={remote?.link ?? null} />}
          </>
        )}
      </div>
    </section>
  );
}

function onSiteLabel(t: ReturnType<typeof useTranslation>['t'], status: string, site: string): string {
  const known = ['publish', 'future', 'pending', 'draft', 'private'];
  return known.includes(status) ? t(`publishing.onSite.${status}`, { site }) : t('publishing.onSite.other', { site, status });
}
