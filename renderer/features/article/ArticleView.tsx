import { useTranslation } from 'react-i18next';
import { ArticleEditor } from '../../editor/ArticleEditor.tsx';
import { useDraft } from '../../state/draft.ts';
import { SaveIndicator } from './SaveIndicator.tsx';

export function ArticleView() {
  const { t } = useTranslation();
  const draftId = useDraft((state) => state.draftId);
  const article = useDraft((state) => state.article);
  const setField = useDraft((state) => state.setField);

  if (!draftId || !article) {
    return <p className="empty-state">{t('article.noDraft')}</p>;
  }
  return (
    <article className="article">
      <header className="article-header">
        <label id="headline-label" htmlFor="headline" className="visually-hidden">
          {t('article.headline')}
        </label>
        <input
          id="headline"
          className="headline-input"
          value={article.headline}
          placeholder={t('article.headlinePlaceholder')}
          onChange={(event) => setField('headline', event.target.value)}
          maxLength={500}
        />
        <SaveIndicator />
      </header>
      <ArticleEditor key={draftId} initialBody={article.body} />
    </article>
  );
}
