import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, INDENT_CONTENT_COMMAND, KEY_TAB_COMMAND, OUTDENT_CONTENT_COMMAND } from 'lexical';
import { useEffect } from 'react';

// Tab nests a list item and Shift+Tab lifts it out, as in every word processor. Anywhere else
// Tab is left alone so it still moves focus out of the body: no keyboard trap.
export function ListTabPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const inList = [selection.anchor.getNode(), selection.focus.getNode()].every((node) => $isListItemNode(node) || $findMatchingParent(node, $isListItemNode) !== null);
          if (!inList) return false;
          event.preventDefault();
          return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
