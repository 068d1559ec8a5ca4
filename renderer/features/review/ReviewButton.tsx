import { useTranslation } from 'react-i18next';
import { useReview } from '../../state/review.ts';

export const REVIEW_BUTTON_ID = 'review-panel-button';

// The article header's way into the review panel, with the number of open comment threads.
export function ReviewButton() {
  const { t } = useTranslation();
  const open = useReview((state) => state.panelOpen);
  const openThreads = useReview((state) => state.data?.threads.filter((thread) => !thread.resolved).length ?? 0);
  return (
    <button
      id={REVIEW_BUTTON_ID}
      type="button"
      aria-expanded={open}
      aria-controls={open ? 'review-panel' : undefined}
      onClick={() => (open ? useReview.getState().closePanel() : useReview.getState().openPanel())}
    >
      {t('review.panel.open')}
      {openThreads > 0 && (
        <>
          {' '}
          <span className="review-count" aria-hidden="true">
            {openThreads}
          </span>
          <span className="visually-hidden">{t('review.comments.openCount', { count: openThreads })}</span>
        </>
      )}
    </button>
  );
}
