import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useTranslation } from 'react-i18next';
import type { LexicalDocument } from '../../electron/model/article.ts';
import { articleNodes } from './nodes.ts';
import { AutosavePlugin } from './plugins/AutosavePlugin.tsx';
import { editorTheme } from './theme.ts';

interface ArticleEditorProps {
  initialBody: LexicalDocument;
}

// The body editor. Its parent keys it by draft id, so opening another draft builds a fresh
// editor with that draft's body and its own undo history.
export function ArticleEditor({ initialBody }: ArticleEditorProps) {
  const { t } = useTranslation();
  const initialConfig = {
    namespace: 'article-body',
    theme: editorTheme,
    nodes: [...articleNodes],
    editorState: JSON.stringify(initialBody),
    onError(error: Error) {
      console.error(error);
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor-shell">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id="article-body"
              className="editor-body"
              aria-label={t('article.body')}
              aria-placeholder={t('article.bodyPlaceholder')}
              placeholder={<div className="editor-placeholder">{t('article.bodyPlaceholder')}</div>}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin />
        <AutosavePlugin />
      </div>
    </LexicalComposer>
  );
}
