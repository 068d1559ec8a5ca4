import { useTranslation } from 'react-i18next';
import { ArticleView } from './features/article/ArticleView.tsx';
import { LibrarySidebar } from './features/library/LibrarySidebar.tsx';
import { StorageGate } from './features/recovery/StorageGate.tsx';

export function App() {
  const { t } = useTranslation();
  // A damaged drafts database shows the recovery screen in place of all of this.
  return (
    <StorageGate>
      <div className="app">
        <a className="skip-link" href="#article-body">
          {t('app.skipToEditor')}
        </a>
        <LibrarySidebar />
        <main className="workspace">
          <ArticleView />
        </main>
      </div>
    </StorageGate>
  );
}
