import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { FORMAT_TEXT_COMMAND, INDENT_CONTENT_COMMAND, OUTDENT_CONTENT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useTranslation } from 'react-i18next';
import { toggleBlock, toggleList } from '../actions.ts';
import { OPEN_FIND_COMMAND, OPEN_LINK_EDITOR_COMMAND } from '../commands.ts';
import { OPEN_PHOTO_PICKER_COMMAND } from '../media/commands.ts';
import { ReviewToolbarButtons } from '../review/ReviewToolbar.tsx';
import { TableButtons } from '../table/TableButtons.tsx';
import { ToolbarButton } from './ToolbarButton.tsx';
import { useHistoryAvailability } from './useHistoryAvailability.ts';
import { useRovingFocus } from './useRovingFocus.ts';
import { useSelectionFormat } from './useSelectionFormat.ts';

// Drawn rather than an emoji, which not every system font has.
function LinkGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </svg>
  );
}

// A picture frame, and two of them overlapping for a gallery.
function PhotoGlyph({ gallery = false }: { gallery?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {gallery && <path d="M7 3h13a1 1 0 0 1 1 1v11" />}
      <rect x="3" y={gallery ? 7 : 4} width={gallery ? 14 : 18} height={gallery ? 14 : 16} rx="1" />
      <path d={gallery ? 'M3 18l4-4 3 3 2-2 5 5' : 'M3 17l5-5 4 4 3-3 6 6'} />
    </svg>
  );
}

function Separator() {
  return <span role="separator" aria-orientation="vertical" className="toolbar-separator" />;
}

// The body's formatting toolbar. Every button dispatches a Lexical command or runs a shared
// action; the state it shows comes back from the editor, never from the buttons themselves.
export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const format = useSelectionFormat(editor);
  const { canUndo, canRedo } = useHistoryAvailability(editor);
  const { containerRef, onKeyDown, onFocus } = useRovingFocus<HTMLDivElement>();

  return (
    <div
      ref={containerRef}
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      aria-controls="article-body"
      className="editor-toolbar"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <ToolbarButton label={t('editor.toolbar.paragraph')} glyph="¶" shortcut="paragraph" pressed={format.block === 'paragraph'} onPress={() => toggleBlock(editor, 'paragraph')} />
      <ToolbarButton label={t('editor.toolbar.heading1')} glyph="H1" shortcut="heading1" pressed={format.block === 'h1'} onPress={() => toggleBlock(editor, 'h1')} />
      <ToolbarButton label={t('editor.toolbar.heading2')} glyph="H2" shortcut="heading2" pressed={format.block === 'h2'} onPress={() => toggleBlock(editor, 'h2')} />
      <ToolbarButton label={t('editor.toolbar.heading3')} glyph="H3" shortcut="heading3" pressed={format.block === 'h3'} onPress={() => toggleBlock(editor, 'h3')} />
      <Separator />
      <ToolbarButton label={t('editor.toolbar.bold')} glyph={<b>B</b>} shortcut="bold" pressed={format.bold} onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} />
      <ToolbarButton label={t('editor.toolbar.italic')} glyph={<i>I</i>} shortcut="italic" pressed={format.italic} onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} />
      <ToolbarButton label={t('editor.toolbar.underline')} glyph={<u>U</u>} shortcut="underline" pressed={format.underline} onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline')} />
      <ToolbarButton label={t('editor.toolbar.strikethrough')} glyph={<s>S</s>} pressed={format.strikethrough} onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough')} />
      <ToolbarButton label={t('editor.toolbar.link')} glyph={<LinkGlyph />} shortcut="link" pressed={format.link} onPress={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)} />
      <Separator />
      <ToolbarButton label={t('editor.toolbar.bulletList')} glyph="•≡" shortcut="bulletList" pressed={format.block === 'bullet'} onPress={() => toggleList(editor, 'bullet')} />
      <ToolbarButton label={t('editor.toolbar.numberedList')} glyph="1≡" shortcut="numberedList" pressed={format.block === 'number'} onPress={() => toggleList(editor, 'number')} />
      <ToolbarButton label={t('editor.toolbar.outdent')} glyph="⇤" onPress={() => editor.dispatchCommand(OUTDENT_CONTENT_COMMAND, undefined)} />
      <ToolbarButton label={t('editor.toolbar.indent')} glyph="⇥" onPress={() => editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined)} />
      <Separator />
      <ToolbarButton label={t('editor.toolbar.quote')} glyph="“" pressed={format.block === 'quote'} onPress={() => toggleBlock(editor, 'quote')} />
      <ToolbarButton label={t('editor.toolbar.pullQuote')} glyph="❝" pressed={format.block === 'pullquote'} onPress={() => toggleBlock(editor, 'pullquote')} />
      <ToolbarButton label={t('editor.toolbar.horizontalRule')} glyph="―" onPress={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)} />
      <ToolbarButton
        label={t('editor.toolbar.table')}
        glyph="▦"
        onPress={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}
      />
      {format.table && <TableButtons editor={editor} />}
      <ToolbarButton label={t('editor.toolbar.photo')} glyph={<PhotoGlyph />} onPress={() => editor.dispatchCommand(OPEN_PHOTO_PICKER_COMMAND, 'photo')} />
      <ToolbarButton label={t('editor.toolbar.gallery')} glyph={<PhotoGlyph gallery />} onPress={() => editor.dispatchCommand(OPEN_PHOTO_PICKER_COMMAND, 'gallery')} />
      <Separator />
      <ToolbarButton label={t('editor.toolbar.undo')} glyph="↶" shortcut="undo" disabled={!canUndo} onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} />
      <ToolbarButton label={t('editor.toolbar.redo')} glyph="↷" shortcut="redo" disabled={!canRedo} onPress={() => editor.dispatchCommand(REDO_COMMAND, undefined)} />
      <Separator />
      <ToolbarButton label={t('editor.toolbar.find')} glyph="⌕" shortcut="find" onPress={() => editor.dispatchCommand(OPEN_FIND_COMMAND, 'find')} />
      <Separator />
      <ReviewToolbarButtons />
    </div>
  );
}
