import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $createRangeSelection,
  $getNearestRootOrShadowRoot,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { PHOTO_CHANGE_COMMAND } from './commands.ts';

// Where a photo goes. An import takes time, and the writer may type on meanwhile, so the place
// is noted when the photo is asked for (the caret, or the drop point) and found again when the
// photo is ready. Photos always go between top-level blocks, never inside a table or a list.

export type InsertionPoint = { kind: 'caret'; key: NodeKey; offset: number; type: 'text' | 'element' } | { kind: 'after'; key: NodeKey } | null;

export function $captureInsertionPoint(): InsertionPoint {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    const { key, offset, type } = selection.focus;
    return { kind: 'caret', key, offset, type };
  }
  if ($isNodeSelection(selection)) {
    const nodes = selection.getNodes();
    const last = nodes[nodes.length - 1];
    const block = last ? (last.getTopLevelElement() ?? last) : null;
    if (block) return { kind: 'after', key: block.getKey() };
  }
  return null;
}

// The top-level block the photo goes after (or replaces, when it is an empty paragraph).
function $placeFor(point: InsertionPoint): { block: LexicalNode; atCaret: boolean } | null {
  if (!point) return null;
  const node = $getNodeByKey(point.key);
  if (!node || !node.isAttached()) return null;
  if (point.kind === 'after') return { block: node.getTopLevelElement() ?? node, atCaret: false };
  if ($isRootNode(node)) {
    const children = node.getChildren();
    const before = children[Math.min(point.offset, children.length) - 1];
    return before ? { block: before, atCaret: false } : null;
  }
  const block = node.getTopLevelElement() ?? node;
  // Inside a table cell the caret's nearest root is the cell: the photo goes after the table.
  const atCaret = $isRootNode($getNearestRootOrShadowRoot(node));
  if (atCaret) {
    const selection = $createRangeSelection();
    const size = $isTextNode(node) ? node.getTextContentSize() : $isElementNode(node) ? node.getChildrenSize() : 0;
    const offset = Math.min(point.offset, size);
    selection.anchor.set(point.key, offset, point.type);
    selection.focus.set(point.key, offset, point.type);
    $setSelection(selection);
  }
  return { block, atCaret };
}

function $isEmptyParagraph(node: LexicalNode): boolean {
  return $isParagraphNode(node) && node.getChildrenSize() === 0;
}

// Puts `node` in the body: after `previous` when it is the next of several photos, else at the
// noted point; then the caret goes to the block after it, a new paragraph if there is none.
export function $insertMediaBlock(node: LexicalNode, point: InsertionPoint, previous: LexicalNode | null = null): void {
  if (previous && previous.isAttached()) {
    previous.insertAfter(node);
  } else {
    const place = $placeFor(point);
    if (!place) {
      const root = $getRoot();
      const last = root.getLastChild();
      if (last && $isEmptyParagraph(last)) last.insertBefore(node);
      else root.append(node);
    } else if ($isEmptyParagraph(place.block)) {
      place.block.insertBefore(node);
      place.block.remove();
    } else if (place.atCaret) {
      $insertNodeToNearestRoot(node);
    } else {
      place.block.insertAfter(node);
    }
  }
  let next = node.getNextSibling();
  if (!next) {
    next = $createParagraphNode();
    node.insertAfter(next);
  }
  if ($isElementNode(next)) next.selectStart();
}

// Takes a photo or gallery out of the body from its own Remove button (unless something refuses
// the change: suggestion mode does), leaving the caret in the block that took its place.
export function removeMediaBlock(editor: LexicalEditor, key: NodeKey): void {
  if (editor.dispatchCommand(PHOTO_CHANGE_COMMAND, undefined)) return;
  editor.update(() => {
    const node = $getNodeByKey(key);
    if (!node) return;
    const next = node.getNextSibling() ?? node.getPreviousSibling();
    node.remove();
    if ($isElementNode(next)) next.selectStart();
  });
  editor.focus();
}
