import {
  $createRangeSelection,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  COMPOSITION_START_COMMAND,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';

// Input methods (Hangul, among them) and the nodes that take no text at their edges: a link, a
// comment's mark. A Latin key typed at the very start or end of a link goes outside it, but
// Lexical starts a composition where the caret is, inside the link's text, and then refuses
// what the input method puts there: at the start of a link the syllable vanished (and Lexical
// went on believing a composition was under way, so nothing was saved); at its end it joined
// the link. The caret is moved out first, as for a key, and Lexical's own composition start
// takes it from there.

const composingNow = new WeakMap<LexicalEditor, boolean>();

export function registerCompositionEdges(editor: LexicalEditor): () => void {
  let root: HTMLElement | null = null;
  const started = () => composingNow.set(editor, true);
  const ended = () => composingNow.set(editor, false);
  const detach = () => {
    root?.removeEventListener('compositionstart', started, true);
    root?.removeEventListener('compositionend', ended, true);
  };
  return mergeRegister(
    editor.registerRootListener((next) => {
      detach();
      root = next;
      ended();
      root?.addEventListener('compositionstart', started, true);
      root?.addEventListener('compositionend', ended, true);
    }),
    // Before Lexical's handler (at the editor's priority), in the same update.
    editor.registerCommand(COMPOSITION_START_COMMAND, () => {
      if (!editor.isComposing()) $moveCaretOutOfClosedEdge();
      return false;
    }, COMMAND_PRIORITY_LOW),
    detach,
  );
}

// Whether an input method is composing in the editor now. Lexical's own flag alone could stay
// up after a composition it refused, and what waits for compositions to end (autosave, counts)
// would wait for ever; the browser's composition events say whether one is really going on.
export function isComposing(editor: LexicalEditor): boolean {
  return editor.isComposing() && composingNow.get(editor) !== false;
}

function $moveCaretOutOfClosedEdge(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node)) return;
  const { offset } = selection.anchor;
  const atStart = offset === 0 && node.getPreviousSibling() === null;
  const atEnd = offset === node.getTextContentSize() && node.getNextSibling() === null;
  if (!atStart && !atEnd) return;
  // The outermost inline parent the caret stands at the edge of, and that takes no text there.
  let edge: ElementNode | null = null;
  for (let parent = node.getParent(); parent !== null && parent.isInline(); parent = parent.getParent()) {
    const closed = (atStart && !parent.canInsertTextBefore()) || (atEnd && !parent.canInsertTextAfter());
    if (closed) edge = parent;
    const stillAtEdge = atStart ? parent.getPreviousSibling() === null : parent.getNextSibling() === null;
    if (!stillAtEdge) break;
  }
  if (edge === null) return;
  const outside = atStart ? edge.getPreviousSibling() : edge.getNextSibling();
  const caret = $createRangeSelection();
  if ($isTextNode(outside) && !outside.isToken()) {
    const at = atStart ? outside.getTextContentSize() : 0;
    caret.anchor.set(outside.getKey(), at, 'text');
    caret.focus.set(outside.getKey(), at, 'text');
  } else {
    const holder = edge.getParentOrThrow();
    const index = edge.getIndexWithinParent() + (atStart ? 0 : 1);
    caret.anchor.set(holder.getKey(), index, 'element');
    caret.focus.set(holder.getKey(), index, 'element');
  }
  caret.format = selection.format;
  caret.style = selection.style;
  $setSelection(caret);
}
