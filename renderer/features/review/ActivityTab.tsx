import { useTranslation } from 'react-i18next';
import { useReview } from '../../state/review.ts';
import { useReviewFormat } from './format.ts';

// The workflow's timeline, newest last, as the transitions were recorded: who, when, the step,
// and the note that went with it.
export function ActivityTab() {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const timeline = useReview((state) => state.data?.timeline ?? []);
  if (timeline.length === 0) return <p className="review-note">{t('review.timeline.empty')}</p>;
  return (
    <ol className="timeline" aria-label={t('review.timeline.title')}>
      {timeline.map((entry) => (
        <li key={entry.id} className={`timeline-entry timeline-${entry.action}`}>
          <p className="timeline-what">
            {/* A publish step that made a future post was a scheduling. */}
            <strong>{t(`review.timeline.action.${entry.action === 'publish' && entry.to === 'scheduled' ? 'schedule' : entry.action}`)}</strong>{' '}
            {t('review.timeline.fromTo', { from: t(`status.${entry.from}`), to: t(`status.${entry.to}`) })}
          </p>
          <p className="comment-meta">
            {format.person(entry.by)} · <time dateTime={entry.at}>{format.time(entry.at)}</time>
          </p>
          {entry.note && <p className="timeline-note">{entry.note}</p>}
        </li>
      ))}
    </ol>
  );
}
