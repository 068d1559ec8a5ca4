import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, IS_APPLE, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { isCompositionKey, matchesShortcut } from '../shortcuts.ts';

const DOCUMENT_START = { code: IS_APPLE ? 'ArrowUp' : 'Home' };
const DOCUMENT_END = { code: IS_APPLE ? 'ArrowDown' : 'End' };

// Ctrl+Home and Ctrl+End (⌘↑ and ⌘↓ on macOS), with Shift to select, go to the start or end of
// the article through the editor rather than the browser. In a long body, paragraphs far off
// screen are not laid out (window/body-window.ts), and the browser's own move cannot reach a
// paragraph it has not laid out; the editor's selection can, and the window follows it.
export function DocumentEdgesPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // Only in the body itself: a photo's caption is a nested editor whose keys reach here.
          if (event.target !== editor.getRootElement() || isCompositionKey(event, editor)) return false;
          // Shift only says whether to select, so either state matches.
          const shift = event.shiftKey;
          const edge = matchesShortcut(event, { ...DOCUMENT_START, shift }) ? 'start' : matchesShortcut(event, { ...DOCUMENT_END, shift }) ? 'end' : null;
          const selection = $getSelection();
          if (edge === null || !$isRangeSelection(selection)) return false;
          event.preventDefault();
          const { key, offset, type } = selection.anchor;
          const moved = edge === 'start' ? $getRoot().selectStart() : $getRoot().selectEnd();
          if (event.shiftKey) moved.anchor.set(key, offset, type);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
