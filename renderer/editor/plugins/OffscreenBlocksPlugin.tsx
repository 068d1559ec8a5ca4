import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';

// Above this many blocks, blocks away from the screen skip layout and paint (styles.css,
// [data-skip-offscreen]). A thousand paragraphs cost Chromium over 25 ms a keystroke laid out,
// about half that skipped. Skipping has a price, so articles of ordinary length never pay it:
// Chromium leaves skipped text out of the accessibility tree, so a screen reader reads such a
// body where the caret is (which is always laid out) but cannot read the far paragraphs ahead.
export const SKIP_OFFSCREEN_ABOVE_BLOCKS = 200;

export function OffscreenBlocksPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const apply = () => {
      const root = editor.getRootElement();
      if (root === null) return;
      const long = editor.getEditorState().read(() => $getRoot().getChildrenSize()) > SKIP_OFFSCREEN_ABOVE_BLOCKS;
      if (long !== root.hasAttribute('data-skip-offscreen')) root.toggleAttribute('data-skip-offscreen', long);
    };
    apply();
    return editor.registerUpdateListener(apply);
  }, [editor]);
  return null;
}
