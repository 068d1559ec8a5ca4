import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/model/errors.ts';
import { bodyParagraphs } from '../../../electron/model/plain-text.ts';
import { api } from '../../bridge.ts';
import { type ArticleDiff, diffTexts } from '../history/article-diff.ts';
import { DiffView } from '../history/DiffView.tsx';
import { comparable } from '../review/compare.ts';
import { errorText } from './messages.ts';
import { asAppError } from '../../errors.ts';

// A publish stopped because the post changed on the site: what the site has now against the
// writer's draft, read side by side before choosing whose version stays. Fetched when asked.
export function SiteVersionCompare({ jobId, draftId }: { jobId: string; draftId: string }) {
  const { t } = useTranslation();
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function load(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const [site, draft] = await Promise.all([api.invoke('outbox.siteVersion', { id: jobId }), api.invoke('drafts.get', { id: draftId })]);
      const mine = comparable(draft.article);
      setDiff(diffTexts(site, { fields: mine, paragraphs: bodyParagraphs(mine.body) }));
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="site-compare">
      {diff === null ? (
        <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && void load()}>
          {busy ? t('publishing.job.comparing') : t('publishing.job.compare')}
        </button>
      ) : (
        <DiffView diff={diff} heading={t('publishing.job.compareHeading')} />
      )}
      {error && (
        <p className="job-failed" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </div>
  );
}
