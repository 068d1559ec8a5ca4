import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { setBlock, toggleList } from '../actions.ts';
import { OPEN_FIND_COMMAND, OPEN_LINK_EDITOR_COMMAND } from '../commands.ts';
import { findShortcut, isCompositionKey, type ShortcutAction } from '../shortcuts.ts';

// The shortcuts Lexical does not have. Bold, italic, underline, undo and redo stay Lexical's.
const OWN_ACTIONS: ShortcutAction[] = [
  'link',
  'bulletList',
  'numberedList',
  'heading1',
  'heading2',
  'heading3',
  'paragraph',
  'find',
  'replace',
];

function run(editor: LexicalEditor, action: ShortcutAction): void {
  switch (action) {
    case 'link':
      editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
      return;
    case 'bulletList':
      toggleList(editor, 'bullet');
      return;
    case 'numberedList':
      toggleList(editor, 'number');
      return;
    case 'heading1':
      setBlock(editor, 'h1');
      return;
    case 'heading2':
      setBlock(editor, 'h2');
      return;
    case 'heading3':
      setBlock(editor, 'h3');
      return;
    case 'paragraph':
      setBlock(editor, 'paragraph');
      return;
    case 'find':
      editor.dispatchCommand(OPEN_FIND_COMMAND, 'find');
      return;
    case 'replace':
      editor.dispatchCommand(OPEN_FIND_COMMAND, 'replace');
      return;
    default:
      return;
  }
}

export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (isCompositionKey(event, editor)) return false;
          const action = findShortcut(event, OWN_ACTIONS);
          if (!action) return false;
          event.preventDefault();
          run(editor, action);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
