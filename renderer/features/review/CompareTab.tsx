import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleFields } from '../../../electron/model/article.ts';
import { AppError } from '../../../electron/model/errors.ts';
import type { RevisionSummary } from '../../../electron/model/revision.ts';
import { api } from '../../bridge.ts';
import { currentArticle, useDraft } from '../../state/draft.ts';
import { useReview } from '../../state/review.ts';
import { type ArticleDiff, diffArticles } from '../history/article-diff.ts';
import { DiffView } from '../history/DiffView.tsx';
import { comparable, submittedVersion } from './compare.ts';
import { useReviewFormat } from './format.ts';

const CURRENT = 'current';

interface Shown {
  diff: ArticleDiff;
  heading: string;
}

// "What changed since submitted", and any two versions (or a version and the current text),
// with the history panel's word diff.
export function CompareTab({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const submittedRevision = useReview((state) => state.data?.submittedRevision ?? null);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>(CURRENT);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const latest = useRef(0);
  const fromId = useId();
  const toId = useId();

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        await useDraft.getState().flush();
        const list = await api.invoke('revisions.list', { draftId });
        if (!live) return;
        setRevisions(list);
        if (list[0]) setFrom(String(list[0].id));
      } catch (caught) {
        if (live) setError(caught instanceof AppError ? caught : new AppError('internal', 'errors.internal'));
      }
    })();
    return () => {
      live = false;
    };
  }, [draftId]);

  async function articleOf(choice: string): Promise<ArticleFields | null> {
    if (choice === CURRENT) {
      await useDraft.getState().flush();
      return currentArticle();
    }
    return (await api.invoke('revisions.get', { id: Number(choice) })).article;
  }

  const label = (choice: string) => {
    if (choice === CURRENT) return t('review.compare.current');
    const revision = revisions?.find((entry) => String(entry.id) === choice);
    return revision ? format.time(revision.createdAt) : '';
  };

  async function compare(fromChoice: string, toChoice: string, heading: string) {
    const request = ++latest.current;
    setError(null);
    try {
      const [before, after] = await Promise.all([articleOf(fromChoice), articleOf(toChoice)]);
      if (request !== latest.current || !before || !after) return;
      setShown({ diff: diffArticles(comparable(before), comparable(after)), heading });
    } catch (caught) {
      if (request === latest.current) setError(caught instanceof AppError ? caught : new AppError('internal', 'errors.internal'));
    }
  }

  const submitted = revisions ? submittedVersion(revisions, submittedRevision) : null;

  return (
    <div className="review-compare">
      <div className="review-buttons">
        <button
          type="button"
          disabled={!submitted}
          onClick={() => submitted && void compare(String(submitted.id), CURRENT, t('review.compare.sinceSubmittedHeading', { time: format.time(submitted.createdAt) }))}
        >
          {t('review.compare.sinceSubmitted')}
        </button>
      </div>
      {submittedRevision === null && <p className="review-note">{t('review.compare.notSubmitted')}</p>}
      {revisions && revisions.length > 0 && (
        <form
          className="review-compare-pick"
          onSubmit={(event) => {
            event.preventDefault();
            void compare(from, to, t('review.compare.betweenHeading', { from: label(from), to: label(to) }));
          }}
        >
          <label htmlFor={fromId}>{t('review.compare.from')}</label>
          <select id={fromId} value={from} onChange={(event) => setFrom(event.target.value)}>
            {revisions.map((revision) => (
              <option key={revision.id} value={String(revision.id)}>
                {format.time(revision.createdAt)} · {t(`history.reason.${revision.reason}`, { status: t(`status.${revision.status}`) })}
              </option>
            ))}
          </select>
          <label htmlFor={toId}>{t('review.compare.to')}</label>
          <select id={toId} value={to} onChange={(event) => setTo(event.target.value)}>
            <option value={CURRENT}>{t('review.compare.current')}</option>
            {revisions.map((revision) => (
              <option key={revision.id} value={String(revision.id)}>
                {format.time(revision.createdAt)} · {t(`history.reason.${revision.reason}`, { status: t(`status.${revision.status}`) })}
              </option>
            ))}
          </select>
          <button type="submit">{t('review.compare.compare')}</button>
        </form>
      )}
      {error && (
        <p className="review-error" role="alert">
          {t(error.messageKey, error.params ?? {})}
        </p>
      )}
      {shown && (
        <>
          <p className="review-note">{t('review.compare.suggestionsNote')}</p>
          <DiffView diff={shown.diff} heading={shown.heading} />
        </>
      )}
    </div>
  );
}
