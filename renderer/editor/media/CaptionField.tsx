import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { LexicalNestedComposer } from '@lexical/react/LexicalNestedComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  HISTORIC_TAG,
  INSERT_PARAGRAPH_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  type NodeKey,
  type LexicalEditor,
  PASTE_COMMAND,
  $setSelection,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
} from 'lexical';
import { useEffect } from 'react';
import { registerCompositionEdges } from '../composition.ts';
import { useTranslation } from 'react-i18next';
import { OPEN_LINK_EDITOR_COMMAND } from '../commands.ts';
import { LinkEditor } from '../link/LinkEditor.tsx';
import { isAllowedLinkUrl } from '../link/url.ts';
import { findShortcut } from '../shortcuts.ts';
import { useReview } from '../../state/review.ts';
import type { Caption } from './caption.ts';
import { pastedImageFiles } from './files.ts';
import { registerCaptionFocus } from './focus.ts';

const LINK_ATTRIBUTES = { rel: 'noreferrer' };
const CAPTION_FORMATS = new Set(['bold', 'italic']);

// Photos dropped or pasted on a caption go into the body, right after the photo.
function sendPhotosToBody(parent: LexicalEditor, nodeKey: NodeKey, files: File[]): void {
  parent.update(
    () => {
      if (!$getNodeByKey(nodeKey)) return;
      const selection = $createNodeSelection();
      selection.add(nodeKey);
      $setSelection(selection);
    },
    { discrete: true },
  );
  parent.dispatchCommand(DRAG_DROP_PASTE, files);
}

// What a caption allows: one paragraph of text (Shift+Enter breaks a line), bold, italic and
// links (Ctrl/⌘ K), and pasted text without its formatting.
function CaptionRulesPlugin({ parent, nodeKey }: { parent: LexicalEditor; nodeKey: NodeKey }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        // A caption's links take Hangul at their edges as the body's do: beside them.
        registerCompositionEdges(editor),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            if (event?.shiftKey) return false;
            event?.preventDefault();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => true, COMMAND_PRIORITY_HIGH),
        editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !CAPTION_FORMATS.has(format), COMMAND_PRIORITY_HIGH),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            if (!(event instanceof ClipboardEvent)) return false;
            event.preventDefault();
            const images = pastedImageFiles(event.clipboardData);
            if (images.length > 0) {
              sendPhotosToBody(parent, nodeKey, images);
              return true;
            }
            const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\s+/g, ' ').trim();
            if (text === '') return true;
            editor.update(() => {
              const selection = $getSelection();
              if ($isRangeSelection(selection)) selection.insertRawText(text);
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (event.isComposing || editor.isComposing()) return false;
            if (findShortcut(event, ['link']) !== 'link') return false;
            event.preventDefault();
            editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
        editor.registerCommand(
          DRAG_DROP_PASTE,
          (files) => {
            sendPhotosToBody(parent, nodeKey, files);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, nodeKey, parent],
  );
  return null;
}

interface CaptionFieldProps {
  nodeKey: NodeKey;
  caption: Caption;
  // The publication's caption mark (△): shown before the caption, never part of its text.
  prefix: string;
  label: string;
}

export function CaptionField({ nodeKey, caption, prefix, label }: CaptionFieldProps) {
  const [parent] = useLexicalComposerContext();
  const { t } = useTranslation();

  // The body saves only the blocks it saw change: a caption edit marks its photo changed.
  // Kept out of the body's undo history, which the caption's own history covers.
  useEffect(
    () =>
      caption.onCommit(() => {
        parent.update(
          () => {
            $getNodeByKey(nodeKey)?.getWritable();
          },
          { tag: [HISTORIC_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] },
        );
      }),
    [caption, nodeKey, parent],
  );

  useEffect(() => registerCaptionFocus(nodeKey, () => caption.editor.focus()), [caption, nodeKey]);

  // Editable when the body is (not in a review preview), and not while suggesting changes: a
  // caption edit would not be marked as a suggestion.
  const suggesting = useReview((state) => state.suggestMode);
  useEffect(() => {
    const apply = () => caption.editor.setEditable(parent.isEditable() && !suggesting);
    apply();
    return parent.registerEditableListener(apply);
  }, [caption, parent, suggesting]);

  return (
    <div className="media-caption">
      {prefix && (
        <span className="media-caption-prefix" aria-hidden="true">
          {prefix}
        </span>
      )}
      <div className="media-caption-editor">
        <LexicalNestedComposer initialEditor={caption.editor} skipEditableListener>
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="media-caption-input"
                aria-label={label}
                aria-placeholder={t('media.captionPlaceholder')}
                placeholder={<div className="media-caption-placeholder">{t('media.captionPlaceholder')}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <HistoryPlugin />
          <LinkPlugin validateUrl={isAllowedLinkUrl} attributes={LINK_ATTRIBUTES} />
          <CaptionRulesPlugin parent={parent} nodeKey={nodeKey} />
          <LinkEditor />
        </LexicalNestedComposer>
      </div>
    </div>
  );
}
