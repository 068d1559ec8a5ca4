import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppError } from '../../../electron/model/errors.ts';
import type { QueueItem } from '../../../electron/model/review.ts';
import { api } from '../../bridge.ts';
import { useDraft } from '../../state/draft.ts';
import { usePublishing } from '../../state/publishing.ts';
import { useReview } from '../../state/review.ts';
import { useReviewFormat } from './format.ts';
import './review.css';
import { asAppError } from '../../errors.ts';

// The editor's review queue in the library: articles waiting for review on every site where
// this account may edit others' posts. The list is kept in main, so it shows offline as last
// fetched; Refresh asks the sites again.
export function ReviewQueue() {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const sites = usePublishing((state) => state.sites);
  const sitesLoaded = usePublishing((state) => state.sitesLoaded);
  const isEditor = sites.some((site) => site.capabilities.editOthers);
  const [expanded, setExpanded] = useState(true);
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const openDraftId = useDraft((state) => state.draftId);

  useEffect(() => {
    if (!sitesLoaded) void usePublishing.getState().loadSites().catch(() => {});
  }, [sitesLoaded]);

  useEffect(() => {
    if (!isEditor) return;
    let live = true;
    void (async () => {
      try {
        const local = await api.invoke('review.queue', {});
        if (live) setItems(local);
      } catch (caught) {
        if (live) setError(asAppError(caught));
      }
    })();
    return () => {
      live = false;
    };
  }, [isEditor]);

  if (!isEditor) return null;

  async function refresh() {
    setRefreshing(true);
    setError(null);
    try {
      setItems(await api.invoke('review.refresh', {}));
      useReview.getState().announce(t('review.queue.refreshed'));
    } catch (caught) {
      // Offline or a site that did not answer: the list stays as last fetched.
      setError(asAppError(caught));
    } finally {
      setRefreshing(false);
    }
  }

  async function open(item: QueueItem) {
    setError(null);
    try {
      // The post becomes a local draft even when the open one cannot be left yet: the queue
      // shows it has one.
      const local: { draftId?: string } = {};
      await useDraft.getState().switchTo(async () => {
        const draft = await api.invoke('review.open', { siteId: item.siteId, postId: item.postId });
        local.draftId = draft.id;
        return draft;
      });
      const { draftId } = local;
      if (draftId) setItems((list) => list?.map((entry) => (entry.siteId === item.siteId && entry.postId === item.postId ? { ...entry, draftId } : entry)) ?? list);
    } catch (caught) {
      setError(asAppError(caught));
    }
  }

  const siteName = (siteId: string) => {
    const site = sites.find((entry) => entry.id === siteId);
    return site ? site.name || site.url : '';
  };

  return (
    <section className="review-queue" aria-labelledby="review-queue-title">
      <div className="review-queue-header">
        <h2 id="review-queue-title" className="review-queue-title">
          <button type="button" className="review-queue-toggle" aria-expanded={expanded} aria-controls="review-queue-list" onClick={() => setExpanded(!expanded)}>
            {t('review.queue.title')}
            {items && items.length > 0 ? ` (${items.length})` : ''}
          </button>
        </h2>
        <button type="button" aria-label={t('review.queue.refreshLabel')} disabled={refreshing} onClick={() => void refresh()}>
          {refreshing ? t('review.queue.refreshing') : t('review.queue.refresh')}
        </button>
      </div>
      {error && (
        <p className="review-error" role="alert">
          {error.code === 'offline' || error.code === 'timeout' ? t('review.queue.offline') : t(error.messageKey, error.params ?? {})}
        </p>
      )}
      {expanded && (
        <div id="review-queue-list">
          {items === null ? null : items.length === 0 ? (
            <p className="sidebar-empty">{t('review.queue.empty')}</p>
          ) : (
            <ul className="review-queue-list" aria-label={t('review.queue.listLabel')}>
              {items.map((item) => (
                <li key={`${item.siteId}:${item.postId}`}>
                  <button
                    type="button"
                    className={`review-queue-item${item.draftId && item.draftId === openDraftId ? ' active' : ''}`}
                    aria-current={item.draftId !== null && item.draftId === openDraftId ? 'true' : undefined}
                    onClick={() => void open(item)}
                  >
                    <span className="draft-headline">{item.title || t('library.untitled')}</span>
                    <span className="draft-meta">
                      <span>{t('review.queue.by', { author: item.author || t('review.someone') })}</span>
                      <span>{siteName(item.siteId)}</span>
                      <time dateTime={item.modifiedGmt}>{format.time(item.modifiedGmt.endsWith('Z') ? item.modifiedGmt : `${item.modifiedGmt}Z`)}</time>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
