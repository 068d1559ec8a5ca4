import { useTranslation } from 'react-i18next';
import { ArticleView } from './features/article/ArticleView.tsx';
import { LibrarySidebar } from './features/library/LibrarySidebar.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#article-body">
        {t('app.skipToEditor')}
      </a>
      <LibrarySidebar />
      <main className="workspace">
        <ArticleView />
      </main>
    </div>
  );
}
