import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReviewTab, useReview } from '../../state/review.ts';
import { ActivityTab } from './ActivityTab.tsx';
import { CommentsTab } from './CommentsTab.tsx';
import { CompareTab } from './CompareTab.tsx';
import { REVIEW_BUTTON_ID } from './ReviewButton.tsx';
import { SuggestionsTab } from './SuggestionsTab.tsx';
import './review.css';

const TABS: readonly ReviewTab[] = ['comments', 'suggestions', 'activity', 'compare'];

function close(): void {
  useReview.getState().cancelThread();
  useReview.getState().closePanel();
  document.getElementById(REVIEW_BUTTON_ID)?.focus();
}

// The review beside the article: a non-modal side panel (the writer keeps editing while reading
// the comments), with comments, suggestions, the workflow's timeline and version comparison as
// tabs. Escape closes it and puts focus back on the Review button.
function ReviewPanelView({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const tab = useReview((state) => state.tab);
  const error = useReview((state) => state.error);
  const problem = useReview((state) => state.problem);
  const notice = useReview((state) => state.notice);
  const noticeSeq = useReview((state) => state.noticeSeq);
  const openComments = useReview((state) => state.data?.threads.filter((thread) => !thread.resolved).length ?? 0);
  const openSuggestions = useReview((state) => state.bodySuggestions.filter((suggestion) => suggestion.text !== '').length);
  const tabsRef = useRef<HTMLDivElement>(null);

  // Opened from the Review button, the panel takes focus on its current tab; opened to write a
  // comment, the comment box has it already.
  useEffect(() => {
    if (!useReview.getState().pendingThread) tabsRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, []);

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.indexOf(tab);
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    else return;
    event.preventDefault();
    useReview.getState().setTab(TABS[next]!);
    tabsRef.current?.querySelector<HTMLElement>(`#review-tab-${TABS[next]}`)?.focus();
  }

  const counts: Partial<Record<ReviewTab, number>> = { comments: openComments, suggestions: openSuggestions };

  return (
    <aside
      id="review-panel"
      className="review-panel"
      aria-labelledby="review-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          close();
        }
      }}
    >
      <header className="review-panel-header">
        <h2 id="review-panel-title">{t('review.panel.title')}</h2>
        <button type="button" onClick={close}>
          {t('review.panel.close')}
        </button>
      </header>
      <div ref={tabsRef} role="tablist" aria-label={t('review.panel.tabs')} className="review-tabs" onKeyDown={onTabKey}>
        {TABS.map((value) => (
          <button
            key={value}
            id={`review-tab-${value}`}
            type="button"
            role="tab"
            aria-selected={tab === value}
            aria-controls="review-tabpanel"
            tabIndex={tab === value ? 0 : -1}
            onClick={() => useReview.getState().setTab(value)}
          >
            {t(`review.tabs.${value}`)}
            {counts[value] ? <span className="review-count"> {counts[value]}</span> : null}
          </button>
        ))}
      </div>
      {/* Announced by the workflow bar's live region; shown here for the eye. */}
      <p className="review-status" key={noticeSeq}>
        {notice}
      </p>
      {/* The site's copy of the review data could not be used (damaged, or from a newer app):
          a warning, not a failure, so it is said politely and stays until a pull finds it fine. */}
      {problem && (
        <p className="review-problem" role="status">
          {t(problem.messageKey, problem.params ?? {})}
        </p>
      )}
      {error && (
        <p className="review-error" role="alert">
          {t(error.messageKey, error.params ?? {})}{' '}
          <button type="button" onClick={() => useReview.getState().clearError()}>
            {t('review.panel.dismiss')}
          </button>
        </p>
      )}
      <div id="review-tabpanel" role="tabpanel" aria-labelledby={`review-tab-${tab}`} className="review-tabpanel">
        {tab === 'comments' && <CommentsTab />}
        {tab === 'suggestions' && <SuggestionsTab />}
        {tab === 'activity' && <ActivityTab />}
        {tab === 'compare' && <CompareTab draftId={draftId} />}
      </div>
    </aside>
  );
}

export function ReviewPanel({ draftId }: { draftId: string }) {
  const open = useReview((state) => state.panelOpen);
  const reviewDraft = useReview((state) => state.draftId);
  if (!open || reviewDraft !== draftId) return null;
  return <ReviewPanelView draftId={draftId} />;
}
