import { $generateNodesFromDOM } from '@lexical/html';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalEditor,
  type LexicalNode,
  type ParagraphNode,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
} from 'lexical';
import { sanitizePastedHtml } from '../paste/sanitize.ts';

function $nodesFromHtml(editor: LexicalEditor, clean: string): LexicalNode[] {
  if (clean === '') return [];
  const dom = new DOMParser().parseFromString(clean, 'text/html');
  return $generateNodesFromDOM(editor, dom);
}

// Only what the sanitizer lets through reaches Lexical's importer: no style, class or script
// from Word, Google Docs or a web page. Inserted as Lexical's own paste does, at the selection.
export function $insertPastedHtml(editor: LexicalEditor, html: string): void {
  const selection = $getSelection();
  if (selection === null) return;
  const nodes = $nodesFromHtml(editor, sanitizePastedHtml(html, window));
  if (nodes.length === 0) return;
  // Lets the table plugin spread a pasted grid over selected cells, as Lexical's own paste does.
  if (!editor.dispatchCommand(SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, { nodes, selection })) {
    selection.insertNodes(nodes);
  }
}

function isBlock(node: LexicalNode): boolean {
  return ($isElementNode(node) || $isDecoratorNode(node)) && !node.isInline();
}

/**
 * The empty paragraph a piecewise paste is built after: the caret's own block when that is an
 * empty paragraph, otherwise a new one split in at the caret (a selection is deleted first).
 * Pieces then go in as whole blocks after it, so a block is never merged across two pieces.
 */
export function $createPasteLanding(): ParagraphNode {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    if (!selection.isCollapsed()) selection.removeText();
    const anchor = selection.anchor.getNode();
    const block = $isRootOrShadowRoot(anchor) ? null : anchor.getTopLevelElement();
    if ($isParagraphNode(block) && block.getTextContentSize() === 0) return block;
  }
  return $insertNodeToNearestRoot($createParagraphNode());
}

// Puts sanitized HTML in as blocks after `after`; returns the last block, where the next
// piece continues. Loose inline content is gathered into paragraphs.
export function $insertCleanHtmlAfter(editor: LexicalEditor, clean: string, after: LexicalNode): LexicalNode {
  let cursor = after;
  let loose: ParagraphNode | null = null;
  for (const node of $nodesFromHtml(editor, clean)) {
    if (isBlock(node)) {
      cursor.insertAfter(node);
      cursor = node;
      loose = null;
    } else {
      if (loose === null) {
        loose = $createParagraphNode();
        cursor.insertAfter(loose);
        cursor = loose;
      }
      loose.append(node);
    }
  }
  return cursor;
}
