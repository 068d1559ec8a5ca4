import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, IS_APPLE, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';

// Ctrl+Home and Ctrl+End (⌘↑ and ⌘↓ on macOS), with Shift to select, go to the start or end of
// the article through the editor rather than the browser. Paragraphs far off screen are not laid
// out (content-visibility in styles.css), and the browser's own move cannot find the end of a
// paragraph it has not laid out: it stopped at the start of the last one.
export function DocumentEdgesPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const edge = documentEdge(event);
          if (edge === null || editor.isComposing()) return false;
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          event.preventDefault();
          const anchor = selection.anchor;
          const kept = { key: anchor.key, offset: anchor.offset, type: anchor.type };
          const moved = edge === 'start' ? $getRoot().selectStart() : $getRoot().selectEnd();
          if (event.shiftKey) moved.anchor.set(kept.key, kept.offset, kept.type);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}

function documentEdge(event: KeyboardEvent): 'start' | 'end' | null {
  if (event.altKey) return null;
  if (IS_APPLE) {
    if (!event.metaKey || event.ctrlKey) return null;
    return event.key === 'ArrowUp' ? 'start' : event.key === 'ArrowDown' ? 'end' : null;
  }
  if (!event.ctrlKey || event.metaKey) return null;
  return event.key === 'Home' ? 'start' : event.key === 'End' ? 'end' : null;
}
