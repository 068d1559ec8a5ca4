import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';
import { BodyWindow } from '../window/body-window.ts';

// In a long body, lays out only the blocks near the screen (window/body-window.ts). A layout
// effect, so a long draft's first paint already lays out a screenful rather than every block.
export function BodyWindowPlugin() {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const bodyWindow = new BodyWindow(editor);
    return () => bodyWindow.dispose();
  }, [editor]);
  return null;
}
