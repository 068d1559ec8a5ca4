import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalDocument } from '../../electron/model/article.ts';
import { CountsPlugin } from '../features/counts/CountsPlugin.tsx';
import { FindReplacePlugin } from './find/FindReplacePlugin.tsx';
import { LinkEditor } from './link/LinkEditor.tsx';
import { isAllowedLinkUrl } from './link/url.ts';
import { ARTICLE_TRANSFORMERS } from './markdown.ts';
import { MediaPlugin } from './media/MediaPlugin.tsx';
import { articleNodes } from './nodes.ts';
import { AutosavePlugin } from './plugins/AutosavePlugin.tsx';
import { BodyWindowPlugin } from './plugins/BodyWindowPlugin.tsx';
import { CompositionPlugin } from './plugins/CompositionPlugin.tsx';
import { CaretInSightPlugin } from './plugins/CaretInSightPlugin.tsx';
import { DocumentEdgesPlugin } from './plugins/DocumentEdgesPlugin.tsx';
import { ListTabPlugin } from './plugins/ListTabPlugin.tsx';

import { PastePlugin } from './plugins/PastePlugin.tsx';
import { ReviewPlugin } from './review/ReviewPlugin.tsx';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin.tsx';
import { editorTheme } from './theme.ts';
import { Toolbar } from './toolbar/Toolbar.tsx';

interface ArticleEditorProps {
  initialBody: LexicalDocument;
}

const LINK_ATTRIBUTES = { rel: 'noreferrer' };

// The body editor. Its parent keys it by draft id, so opening another draft builds a fresh
// editor with that draft's body and its own undo history.
function ArticleEditorView({ initialBody }: ArticleEditorProps) {
  const { t } = useTranslation();
  // Built once: LexicalComposer reads it only on mount, and serializing a long body again on
  // every render of the article view would cost more than the render itself.
  const [initialConfig] = useState(() => ({
    namespace: 'article-body',
    theme: editorTheme,
    nodes: [...articleNodes],
    editorState: JSON.stringify(initialBody),
    onError(error: Error) {
      console.error(error);
    },
  }));
  const chrome = useRef<HTMLDivElement>(null);
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor-shell">
        <div className="editor-chrome" ref={chrome}>
          <Toolbar />
          <LinkEditor />
          <FindReplacePlugin />
          <PastePlugin />
          <MediaPlugin />
        </div>
        <div className="editor-surface">
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
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedLinkUrl} attributes={LINK_ATTRIBUTES} />
        {/* Merged cells come with tables pasted from Word and HWP (title rows), and go to the site as they are. */}
        <TablePlugin hasCellMerge hasCellBackgroundColor={false} />
        <HorizontalRulePlugin />
        <MarkdownShortcutPlugin transformers={ARTICLE_TRANSFORMERS} />
        <ListTabPlugin />
        <CompositionPlugin />
        <DocumentEdgesPlugin />
        <BodyWindowPlugin />
        <CaretInSightPlugin cover={chrome} />
        <ShortcutsPlugin />
        <AutosavePlugin />
        <CountsPlugin />
        <ReviewPlugin />
      </div>
    </LexicalComposer>
  );
}

// `initialBody` is only the starting value: after every autosave the parent passes the saved
// body back, which must not re-render the toolbar and panels (the editor already holds it).
export const ArticleEditor = memo(ArticleEditorView, () => true);
