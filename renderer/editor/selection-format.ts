import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isTableCellNode, $isTableSelection } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $getSelection, $isParagraphNode, $isRangeSelection, $isRootOrShadowRoot, type LexicalNode } from 'lexical';
import type { BlockType } from './commands.ts';
import { $isPullQuoteNode } from './nodes/PullQuoteNode.ts';

export type SelectionBlock = BlockType | 'bullet' | 'number' | 'other';

export interface SelectionFormat {
  block: SelectionBlock;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
  // The caret or the selected cells are in a table: its rows and columns can be edited.
  table: boolean;
}

export const NO_SELECTION_FORMAT: SelectionFormat = {
  block: 'paragraph',
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  link: false,
  table: false,
};

// The block the caret is in: the child of the root, or of a table cell (a shadow root).
function $blockOf(node: LexicalNode): LexicalNode {
  if ($isRootOrShadowRoot(node)) return node;
  return $findMatchingParent(node, (candidate) => {
    const parent = candidate.getParent();
    return parent !== null && $isRootOrShadowRoot(parent);
  }) ?? node.getTopLevelElementOrThrow();
}

function $blockType(anchor: LexicalNode): SelectionBlock {
  const block = $blockOf(anchor);
  if ($isListNode(block)) {
    // Nested lists can differ from the outer one; the innermost is what the writer sees.
    const list = $getNearestNodeOfType(anchor, ListNode) ?? block;
    const type = list.getListType();
    return type === 'bullet' || type === 'number' ? type : 'other';
  }
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'other';
  }
  if ($isPullQuoteNode(block)) return 'pullquote';
  if ($isQuoteNode(block)) return 'quote';
  if ($isParagraphNode(block)) return 'paragraph';
  return 'other';
}

// What the toolbar shows for the current selection. Called in a read or update.
export function $readSelectionFormat(): SelectionFormat {
  const selection = $getSelection();
  if ($isTableSelection(selection)) return { ...NO_SELECTION_FORMAT, table: true };
  if (!$isRangeSelection(selection)) return NO_SELECTION_FORMAT;
  const anchor = selection.anchor.getNode();
  const focus = selection.focus.getNode();
  return {
    block: $blockType(anchor),
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    link: $findMatchingParent(anchor, $isLinkNode) !== null || $findMatchingParent(focus, $isLinkNode) !== null,
    table: $findMatchingParent(anchor, $isTableCellNode) !== null,
  };
}

export function sameFormat(a: SelectionFormat, b: SelectionFormat): boolean {
  return (
    a.block === b.block &&
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strikethrough === b.strikethrough &&
    a.link === b.link &&
    a.table === b.table
  );
}
