import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '../../../electron/model/review.ts';
import { getReviewEditor, useReview } from '../../state/review.ts';
import { shortQuote, useReviewFormat } from './format.ts';
import { isThreadShown, orderThreads, visibleComments } from './threads.ts';

// Ctrl/⌘+Enter sends a comment from its text box, as in most comment boxes.
function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

function NewThread() {
  const { t } = useTranslation();
  const pending = useReview((state) => state.pendingThread);
  const busy = useReview((state) => state.busy);
  const [text, setText] = useState('');
  if (!pending) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    if (await useReview.getState().startThread(text.trim())) {
      setText('');
      useReview.getState().announce(t('review.comments.started'));
      getReviewEditor()?.focus();
    }
  }

  function cancel() {
    useReview.getState().cancelThread();
    getReviewEditor()?.focus();
  }

  return (
    <form className="thread thread-new" aria-labelledby="review-new-thread" onSubmit={(event) => void submit(event)}>
      <h3 id="review-new-thread" className="thread-new-title">
        {t('review.comments.newTitle')}
      </h3>
      <p className="thread-quote-text">“{shortQuote(pending.quote, 200)}”</p>
      <textarea
        // The passage was just marked: the writer types the comment straight away.
        autoFocus
        className="review-textarea"
        aria-label={t('review.comments.label')}
        placeholder={t('review.comments.placeholder')}
        value={text}
        maxLength={10_000}
        rows={3}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          submitOnModEnter(event);
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            cancel();
          }
        }}
      />
      <div className="review-buttons">
        <button type="submit" className="button-primary" disabled={busy || !text.trim()}>
          {t('review.comments.submit')}
        </button>
        <button type="button" onClick={cancel}>
          {t('review.comments.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReplyForm({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const busy = useReview((state) => state.busy);
  const [text, setText] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    if (await useReview.getState().reply(thread.id, text.trim())) {
      setText('');
      useReview.getState().announce(t('review.comments.replied'));
    }
  }

  return (
    <form className="thread-reply" onSubmit={(event) => void submit(event)}>
      <textarea
        className="review-textarea"
        aria-label={t('review.comments.replyLabel', { quote: shortQuote(thread.quote, 40) })}
        placeholder={t('review.comments.replyPlaceholder')}
        value={text}
        maxLength={10_000}
        rows={1}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={submitOnModEnter}
      />
      <button type="submit" disabled={busy || !text.trim()}>
        {t('review.comments.reply')}
      </button>
    </form>
  );
}

function ThreadItem({ thread, detached, active }: { thread: Thread; detached: boolean; active: boolean }) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const busy = useReview((state) => state.busy);
  const itemRef = useRef<HTMLLIElement>(null);
  const quoteId = `thread-quote-${thread.id}`;
  const quote = shortQuote(thread.quote);

  // The thread at the caret in the body is brought into view here, without taking focus.
  useEffect(() => {
    if (active) itemRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  async function toggleResolved() {
    await useReview.getState().resolve(thread.id, !thread.resolved);
    useReview.getState().announce(t(thread.resolved ? 'review.comments.reopenedNotice' : 'review.comments.resolvedNotice'));
  }

  return (
    <li ref={itemRef} className={`thread${thread.resolved ? ' is-resolved' : ''}${active ? ' is-active' : ''}${detached ? ' is-detached' : ''}`} aria-current={active || undefined}>
      <article aria-labelledby={quoteId} data-thread-id={thread.id}>
        {detached ? (
          <p id={quoteId} className="thread-quote-text">
            <span className="thread-badge">{t('review.comments.detached')}</span> “{quote}”
          </p>
        ) : (
          <button
            id={quoteId}
            type="button"
            className="thread-quote"
            title={t('review.comments.goTo')}
            onClick={() => {
              useReview.getState().setActiveThread(thread.id);
              if (!getReviewEditor()?.revealThread(thread.id)) useReview.getState().announce(t('review.comments.detached'));
            }}
          >
            <span className="visually-hidden">{t('review.comments.goTo')}: </span>“{quote}”
          </button>
        )}
        {thread.resolved && (
          <p className="thread-state">
            {t('review.comments.resolvedBy', { who: format.person(thread.stateBy), time: format.time(thread.stateAt) })}
          </p>
        )}
        <ol className="comments">
          {visibleComments(thread).map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment-meta">
                <strong>{format.person(comment.author)}</strong> <time dateTime={comment.at}>{format.time(comment.at)}</time>
                {comment.editedAt && <span> {t('review.comments.edited')}</span>}
              </p>
              <p className="comment-text">{comment.text}</p>
            </li>
          ))}
        </ol>
        {!thread.resolved && <ReplyForm thread={thread} />}
        <div className="review-buttons">
          <button type="button" disabled={busy} onClick={() => void toggleResolved()}>
            {thread.resolved ? t('review.comments.reopen') : t('review.comments.resolve')}
          </button>
        </div>
      </article>
    </li>
  );
}

export function CommentsTab() {
  const { t } = useTranslation();
  const data = useReview((state) => state.data);
  const markOrder = useReview((state) => state.markOrder);
  const showResolved = useReview((state) => state.showResolved);
  const activeThreadId = useReview((state) => state.activeThreadId);
  const pending = useReview((state) => state.pendingThread);
  const { attached, detached } = useMemo(() => orderThreads(data?.threads ?? [], markOrder), [data, markOrder]);
  const shown = (thread: Thread) => isThreadShown(thread, showResolved, activeThreadId);
  const rows = [...attached.filter(shown).map((thread) => ({ thread, detached: false })), ...detached.filter(shown).map((thread) => ({ thread, detached: true }))];
  const total = attached.length + detached.length;
  const resolvedCount = [...attached, ...detached].filter((thread) => thread.resolved).length;

  return (
    <div className="review-comments">
      <label className="review-toggle">
        <input type="checkbox" checked={showResolved} onChange={(event) => useReview.getState().setShowResolved(event.target.checked)} />{' '}
        {t('review.comments.showResolved', { count: resolvedCount })}
      </label>
      {pending && <NewThread />}
      {rows.length > 0 ? (
        <ol className="thread-list" aria-label={t('review.comments.listLabel')}>
          {rows.map(({ thread, detached: isDetached }) => (
            <ThreadItem key={thread.id} thread={thread} detached={isDetached} active={thread.id === activeThreadId} />
          ))}
        </ol>
      ) : (
        !pending && <p className="review-note">{total > 0 ? t('review.comments.allResolved') : t('review.comments.empty')}</p>
      )}
    </div>
  );
}
