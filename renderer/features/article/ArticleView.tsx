import { useTranslation } from 'react-i18next';
import { maxLengthOf } from '../../../electron/model/article.ts';
import { ArticleEditor } from '../../editor/ArticleEditor.tsx';
import { useDraft } from '../../state/draft.ts';
import { StatusBar } from '../counts/StatusBar.tsx';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.tsx';
import { ArticleDetails } from './ArticleDetails.tsx';
import { DraftActions } from './DraftActions.tsx';
import { HistoryButton } from '../history/HistoryButton.tsx';
import { ReviewButton } from '../review/ReviewButton.tsx';
import { ReviewPanel } from '../review/ReviewPanel.tsx';
import { WorkflowBar } from '../review/WorkflowBar.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

export function ArticleView() {
  const { t } = useTranslation();
  const draftId = useDraft((state) => state.draftId);
  const article = useDraft((state) => state.article);
  const setField = useDraft((state) => state.setField);
  // A restore reopens the same draft with other text; a new key makes the editor read it.
  const loadKey = useDraft((state) => state.loadKey);

  if (!draftId || !article) {
    return <p className="empty-state">{t('article.noDraft')}</p>;
  }
  return (
    <div className="article-frame">
      {/* The text scrolls; the status bar below it does not. Drawn over the text instead, it hid
          the line being typed whenever the caret reached the foot of the window. */}
      <div className="article-scroll">
        <article className="article">
          <header className="article-header">
            <div className="article-titles">
              <input
                className="kicker-input"
                aria-label={t('fields.kicker')}
                placeholder={t('fields.kickerPlaceholder')}
                value={article.kicker}
                onChange={(event) => setField('kicker', event.target.value)}
                maxLength={maxLengthOf('kicker')}
              />
              <label htmlFor="headline" className="visually-hidden">
                {t('article.headline')}
              </label>
              <input
                id="headline"
                className="headline-input"
                value={article.headline}
                placeholder={t('article.headlinePlaceholder')}
                onChange={(event) => setField('headline', event.target.value)}
                maxLength={maxLengthOf('headline')}
              />
              <textarea
                className="deck-input"
                aria-label={t('fields.deck')}
                placeholder={t('fields.deckPlaceholder')}
                value={article.deck}
                rows={1}
                onChange={(event) => setField('deck', event.target.value)}
                maxLength={maxLengthOf('deck')}
              />
            </div>
            <div className="article-actions">
              <SaveIndicator />
              <HistoryButton draftId={draftId} />
              <ReviewButton />
              <DraftActions draftId={draftId} />
            </div>
          </header>
          <WorkflowBar draftId={draftId} />
          {/* Siblings need keys of their own: with one key shared, React loses track of the pair
              and leaves the old draft's details mounted, still writing into the open draft. */}
          <ArticleDetails key={`details:${draftId}:${loadKey}`} article={article} />
          <ArticleEditor key={`body:${draftId}:${loadKey}`} initialBody={article.body} />
          <AttachmentsPanel key={draftId} />
        </article>
      </div>
      <StatusBar />
      <ReviewPanel draftId={draftId} />
    </div>
  );
}
