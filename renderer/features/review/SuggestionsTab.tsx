import { useTranslation } from 'react-i18next';
import type { BodySuggestion } from '../../editor/review/body.ts';
import { type Decision, getReviewEditor, type Preview, useReview } from '../../state/review.ts';
import { shortQuote, useReviewFormat } from './format.ts';

const PREVIEWS: readonly Preview[] = ['none', 'accepted', 'rejected'];
const PREVIEW_LABEL = { none: 'review.suggestions.previewNone', accepted: 'review.suggestions.previewAccepted', rejected: 'review.suggestions.previewRejected' } as const;

async function decide(ids: readonly string[], decision: Decision, message: string): Promise<void> {
  await useReview.getState().decide(ids, decision);
  if (!useReview.getState().error) useReview.getState().announce(message);
}

// What the suggestion changes, marked as the body marks it. A split or a join has no text of its
// own: the words after the paragraph mark say where it is.
function SuggestedText({ kind, text }: Pick<BodySuggestion, 'kind' | 'text'>) {
  if (kind === 'insert') return <ins>{text}</ins>;
  if (kind === 'delete') return <del>{text}</del>;
  return (
    <span>
      {kind === 'split' ? <ins aria-hidden="true">¶</ins> : <del aria-hidden="true">¶</del>}
      {text}
    </span>
  );
}

function SuggestionItem({ suggestion }: { suggestion: BodySuggestion }) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const busy = useReview((state) => state.busy);
  const text = shortQuote(suggestion.text, 120);
  const what = t(`review.suggestions.${suggestion.kind}Text`, { text });
  return (
    <li className={`suggestion-item suggestion-item-${suggestion.kind}`}>
      <button
        type="button"
        className="suggestion-what"
        title={t('review.suggestions.goTo')}
        onClick={() => {
          getReviewEditor()?.revealSuggestion(suggestion.id);
        }}
      >
        <span className="suggestion-kind">{t(`review.suggestions.${suggestion.kind}`)}</span> <SuggestedText kind={suggestion.kind} text={text} />
        <span className="visually-hidden"> ({what})</span>
      </button>
      <p className="comment-meta">
        <strong>{format.name(suggestion.author)}</strong> <time dateTime={suggestion.at}>{format.time(suggestion.at)}</time>
      </p>
      <div className="review-buttons">
        <button
          type="button"
          disabled={busy}
          aria-label={t('review.suggestions.acceptNamed', { what })}
          onClick={() => void decide([suggestion.id], 'accepted', t('review.suggestions.accepted'))}
        >
          {t('review.suggestions.accept')}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-label={t('review.suggestions.rejectNamed', { what })}
          onClick={() => void decide([suggestion.id], 'rejected', t('review.suggestions.rejected'))}
        >
          {t('review.suggestions.reject')}
        </button>
      </div>
    </li>
  );
}

export function SuggestionsTab() {
  const { t } = useTranslation();
  const all = useReview((state) => state.bodySuggestions);
  // A composition just begun holds no text yet.
  const suggestions = all.filter((suggestion) => suggestion.text !== '');
  const preview = useReview((state) => state.preview);
  const suggestMode = useReview((state) => state.suggestMode);
  const busy = useReview((state) => state.busy);
  const ids = suggestions.map((suggestion) => suggestion.id);

  return (
    <div className="review-suggestions">
      <p className="review-note">{t(suggestMode ? 'review.suggestions.modeOn' : 'review.suggestions.modeHint')}</p>
      <fieldset className="review-preview">
        <legend>{t('review.suggestions.preview')}</legend>
        {PREVIEWS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="review-preview"
              value={value}
              checked={preview === value}
              onChange={() => {
                if (value !== 'none' && useReview.getState().suggestMode) useReview.getState().setSuggestMode(false);
                useReview.getState().setPreview(value);
              }}
            />{' '}
            {t(PREVIEW_LABEL[value])}
          </label>
        ))}
      </fieldset>
      {preview !== 'none' && <p className="review-note">{t('review.suggestions.previewNote')}</p>}
      {suggestions.length > 0 ? (
        <>
          <div className="review-buttons">
            <button type="button" disabled={busy} onClick={() => void decide(ids, 'accepted', t('review.suggestions.acceptedAll', { count: ids.length }))}>
              {t('review.suggestions.acceptAll')}
            </button>
            <button type="button" disabled={busy} onClick={() => void decide(ids, 'rejected', t('review.suggestions.rejectedAll', { count: ids.length }))}>
              {t('review.suggestions.rejectAll')}
            </button>
          </div>
          <ol className="suggestion-list" aria-label={t('review.suggestions.listLabel')}>
            {suggestions.map((suggestion) => (
              <SuggestionItem key={suggestion.id} suggestion={suggestion} />
            ))}
          </ol>
        </>
      ) : (
        <p className="review-note">{t('review.suggestions.empty')}</p>
      )}
    </div>
  );
}
