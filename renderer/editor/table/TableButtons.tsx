import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findTableNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableSelection,
} from '@lexical/table';
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor, type LexicalNode } from 'lexical';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from '../toolbar/ToolbarButton.tsx';

// Rows and columns of the table the caret is in (or the cells selected across it), from the
// body's toolbar while the caret is there. Each is one undo step.
export function TableButtons({ editor }: { editor: LexicalEditor }) {
  const { t } = useTranslation();
  const act = (change: () => void) => editor.update(change);
  return (
    <span role="group" aria-label={t('editor.toolbar.tableActions')} className="toolbar-group">
      <ToolbarButton label={t('editor.toolbar.tableRowBelow')} glyph={t('editor.toolbar.tableRowBelowShort')} onPress={() => act(() => $insertTableRowAtSelection(true))} />
      <ToolbarButton label={t('editor.toolbar.tableColumnAfter')} glyph={t('editor.toolbar.tableColumnAfterShort')} onPress={() => act(() => $insertTableColumnAtSelection(true))} />
      <ToolbarButton label={t('editor.toolbar.tableDeleteRow')} glyph={t('editor.toolbar.tableDeleteRowShort')} onPress={() => act($deleteTableRowAtSelection)} />
      <ToolbarButton label={t('editor.toolbar.tableDeleteColumn')} glyph={t('editor.toolbar.tableDeleteColumnShort')} onPress={() => act($deleteTableColumnAtSelection)} />
      <ToolbarButton label={t('editor.toolbar.tableDelete')} glyph={t('editor.toolbar.tableDeleteShort')} onPress={() => act($deleteTable)} />
    </span>
  );
}

// The whole table goes; an empty paragraph takes its place, with the caret in it.
function $deleteTable(): void {
  const selection = $getSelection();
  let inside: LexicalNode | null = null;
  if ($isRangeSelection(selection)) inside = selection.anchor.getNode();
  else if ($isTableSelection(selection)) inside = selection.getNodes()[0] ?? null;
  const table = inside === null ? null : $findTableNode(inside);
  if (table === null) return;
  const paragraph = $createParagraphNode();
  table.replace(paragraph);
  paragraph.select();
}
