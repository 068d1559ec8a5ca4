import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, type EditorState } from 'lexical';
import { type RefObject, useEffect } from 'react';
import { revealCaret, scrollerOf } from '../caret-in-sight.ts';

interface CaretInSightPluginProps {
  // The toolbar and panels that stick to the top of the scroller over the text.
  cover: RefObject<HTMLElement | null>;
}

// Keeps the caret out from under the sticky toolbar. The cover's height is the scroller's
// scroll-padding, and after each move of the caret (a key, a click, undo) the caret is brought
// below it, in the frame that shows the move.
export function CaretInSightPlugin({ cover }: CaretInSightPluginProps) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let scroller: HTMLElement | null = null;
    let frame = 0;
    const padding = new ResizeObserver(() => {
      if (scroller && cover.current) scroller.style.scrollPaddingTop = `${cover.current.offsetHeight}px`;
    });
    const stopRoot = editor.registerRootListener((root) => {
      padding.disconnect();
      if (scroller) scroller.style.scrollPaddingTop = '';
      scroller = root ? scrollerOf(root) : null;
      if (scroller && cover.current) padding.observe(cover.current);
    });
    const stopUpdates = editor.registerUpdateListener(({ editorState, prevEditorState }) => {
      const root = editor.getRootElement();
      // Not mid-syllable (the IME's window follows the caret on its own), and only for the caret
      // the writer is moving: an update that leaves it be, a comment's mark, moves nothing.
      if (frame !== 0 || !root || !scroller || editor.isComposing() || root.ownerDocument.activeElement !== root) return;
      if (caretOf(editorState) === caretOf(prevEditorState)) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (scroller && !editor.isComposing()) revealCaret(root, scroller);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      stopUpdates();
      stopRoot();
      padding.disconnect();
      if (scroller) scroller.style.scrollPaddingTop = '';
    };
  }, [editor, cover]);
  return null;
}

function caretOf(state: EditorState): string | null {
  return state.read(() => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? `${selection.focus.key}:${selection.focus.offset}` : null;
  });
}
