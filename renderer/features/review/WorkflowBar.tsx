import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposedSchedule } from '../publishing/publish-logic.ts';
import { usePublishing } from '../../state/publishing.ts';
import { useReview } from '../../state/review.ts';
import { useReviewFormat } from './format.ts';
import { availableChoices, noteRequired, scheduleAtOf, timeOffer, WORKFLOW_PATH, type WorkflowChoice } from './workflow.ts';
import './review.css';

// Announces review messages (a comment added, suggestion mode on…) to screen readers, whether or
// not the panel is open. Alternating an invisible character makes the same message twice in a
// row still heard.
function ReviewAnnouncer() {
  const notice = useReview((state) => state.notice);
  const seq = useReview((state) => state.noticeSeq);
  return (
    <p className="visually-hidden" role="status">
      {notice}
      {seq % 2 === 1 ? '\u200b' : ''}
    </p>
  );
}

// The open draft's place in the editorial workflow (draft → in review → changes requested → …
// → approved → scheduled or published), the steps this account may take from here, each with a
// note, and the last step taken.
export function WorkflowBar({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const reviewDraft = useReview((state) => state.draftId);
  const status = useReview((state) => state.status);
  const me = useReview((state) => state.me);
  const busy = useReview((state) => state.busy);
  const error = useReview((state) => state.workflowError);
  const lastStep = useReview((state) => state.data?.timeline.at(-1) ?? null);
  const sites = usePublishing((state) => state.sites);
  const sitesLoaded = usePublishing((state) => state.sitesLoaded);
  // The step whose note is being written, for the draft and status it was chosen at: another
  // draft, or a status changed meanwhile, closes it.
  const [chosen, setChosen] = useState<{ at: string; choice: WorkflowChoice } | null>(null);
  // The publication time, for "Schedule…" and for "Approve and publish" at a later time.
  const [later, setLater] = useState(false);
  const [when, setWhen] = useState(() => proposedSchedule(new Date()));
  const here = `${draftId}:${status ?? ''}`;
  const choosing = chosen?.at === here ? chosen.choice : null;
  const setChoosing = (choice: WorkflowChoice | null) => {
    setChosen(choice ? { at: here, choice } : null);
    // Each opening proposes a fresh time and publishing now where that is a choice.
    setLater(false);
    setWhen(proposedSchedule(new Date()));
  };
  const [note, setNote] = useState('');
  const [pickedSite, setPickedSite] = useState('');
  const noteId = useId();
  const siteFieldId = useId();
  const whenId = useId();

  useEffect(() => {
    if (!sitesLoaded) void usePublishing.getState().loadSites().catch(() => {});
  }, [sitesLoaded]);

  if (reviewDraft !== draftId || status === null) return <ReviewAnnouncer />;

  const choices = me ? availableChoices(status, me.role) : [];
  // The draft's own site once it has one; before its first submit, the one site configured or
  // the one picked here.
  const siteId = me?.siteId ?? (sites.length === 1 ? sites[0]!.id : pickedSite || null);
  const required = choosing !== null && noteRequired(choosing);
  const offer = choosing ? timeOffer(choosing) : 'none';
  const showTime = offer === 'required' || (offer === 'optional' && later);
  const scheduleAt = choosing ? scheduleAtOf(choosing, later, when) : undefined;
  // The label of the confirm button (and of what is announced once done): publishing later
  // says so.
  const confirmKey = choosing === 'approvePublish' && later ? 'approveSchedule' : choosing;

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!choosing || !siteId) return;
    if (required && !note.trim()) return;
    if (scheduleAt === null) return;
    const done = confirmKey;
    if (await useReview.getState().transition(choosing, note.trim(), siteId, scheduleAt)) {
      setChoosing(null);
      setNote('');
      useReview.getState().announce(t(`review.workflow.done.${done}`));
    }
  }

  const step = WORKFLOW_PATH.indexOf(status);

  return (
    <section className="workflow-bar" aria-labelledby={`${noteId}-title`}>
      <ReviewAnnouncer />
      <h2 id={`${noteId}-title`} className="visually-hidden">
        {t('review.workflow.label')}
      </h2>
      <ol className="workflow-path" aria-label={t('review.workflow.path')}>
        {WORKFLOW_PATH.map((value, index) => (
          <li key={value} className={index < step ? 'is-done' : index === step ? 'is-current' : undefined} aria-current={index === step ? 'step' : undefined}>
            {t(`status.${value}`)}
          </li>
        ))}
      </ol>
      <p className="workflow-status">
        {t('review.workflow.status')}: <strong className={`status status-${status}`}>{t(`status.${status}`)}</strong>
        {lastStep && (
          <span className="workflow-last">
            {' '}
            ·{' '}
            {t('review.workflow.lastStep', {
              step: t(`review.timeline.action.${lastStep.action}`),
              who: format.person(lastStep.by),
              time: format.time(lastStep.at),
            })}
            {lastStep.note && <q className="workflow-note">{lastStep.note}</q>}
          </span>
        )}
      </p>
      {choices.length > 0 && (
        <div className="workflow-actions">
          {me && !me.siteId && sites.length > 1 && (
            <span className="workflow-site">
              <label htmlFor={siteFieldId}>{t('review.workflow.site')}</label>{' '}
              <select id={siteFieldId} value={pickedSite} onChange={(event) => setPickedSite(event.target.value)}>
                <option value="">{t('review.workflow.chooseSite')}</option>
                {sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.name || site.url}
                  </option>
                ))}
              </select>
            </span>
          )}
          {choices.map((choice) => (
            <button
              key={choice}
              type="button"
              className={choice === 'approvePublish' || choice === 'submit' ? 'button-primary' : undefined}
              aria-expanded={choosing === choice}
              disabled={busy || !siteId}
              onClick={() => setChoosing(choosing === choice ? null : choice)}
            >
              {t(`review.workflow.actions.${choice}`)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="review-error" role="alert">
          {t(error.messageKey, error.params ?? {})}
          {error.messageKey === 'publish.preflightFailed' && ` ${t('review.workflow.seeCheck')}`}
        </p>
      )}
      {choices.length > 0 && !siteId && <p className="review-note">{sites.length === 0 ? t('review.workflow.noSite') : t('review.workflow.pickSite')}</p>}
      {choosing && siteId && (
        <form
          className="workflow-confirm"
          onSubmit={(event) => void confirm(event)}
          onKeyDown={(event) => {
            // Escape in any of its fields (the note, the time) closes the step.
            if (event.key === 'Escape' && !event.defaultPrevented) {
              event.preventDefault();
              setChoosing(null);
            }
          }}
        >
          <label htmlFor={noteId}>{required ? t('review.workflow.noteRequired') : t('review.workflow.noteOptional')}</label>
          <textarea
            id={noteId}
            className="review-textarea"
            // The note is what a click on a step leads to.
            autoFocus
            required={required}
            value={note}
            maxLength={4000}
            rows={2}
            onChange={(event) => setNote(event.target.value)}
          />
          {offer === 'optional' && (
            <label className="workflow-later">
              <input type="checkbox" checked={later} onChange={(event) => setLater(event.target.checked)} /> {t('review.workflow.later')}
            </label>
          )}
          {showTime && (
            <>
              <label htmlFor={whenId}>{t('review.workflow.when')}</label>
              <input
                id={whenId}
                type="datetime-local"
                required
                value={when}
                aria-invalid={scheduleAt === null || undefined}
                aria-describedby={`${whenId}-hint`}
                onChange={(event) => setWhen(event.target.value)}
              />
              <p id={`${whenId}-hint`} className="review-note">
                {t('review.workflow.whenHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
              </p>
            </>
          )}
          <div className="review-buttons">
            <button type="submit" className="button-primary" disabled={busy || (required && !note.trim()) || scheduleAt === null}>
              {t(`review.workflow.confirm.${confirmKey}`)}
            </button>
            <button type="button" onClick={() => setChoosing(null)}>
              {t('review.workflow.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
