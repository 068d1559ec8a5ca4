import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type RefObject, useEffect } from 'react';
import { scrollerOf } from '../caret-in-sight.ts';

interface CaretInSightPluginProps {
  // The toolbar and panels that stick to the top of the scroller over the text.
  cover: RefObject<HTMLElement | null>;
}

// Keeps the caret out from under the sticky toolbar. The browser, moving the caret (a key, a
// line typed, undo), scrolls it into the scroller less its scroll-padding, and so does its
// scrollIntoView (find, comments); the toolbar's height, which changes as it wraps and as the
// find panel opens, is that padding.
export function CaretInSightPlugin({ cover }: CaretInSightPluginProps) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let scroller: HTMLElement | null = null;
    const padding = new ResizeObserver(() => {
      if (scroller && cover.current) scroller.style.scrollPaddingTop = `${cover.current.offsetHeight}px`;
    });
    const stopRoot = editor.registerRootListener((root) => {
      padding.disconnect();
      if (scroller) scroller.style.scrollPaddingTop = '';
      scroller = root ? scrollerOf(root) : null;
      if (scroller && cover.current) padding.observe(cover.current);
    });
    return () => {
      stopRoot();
      padding.disconnect();
      if (scroller) scroller.style.scrollPaddingTop = '';
    };
  }, [editor, cover]);
  return null;
}
