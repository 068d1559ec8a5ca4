import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import {
  type AnyLexicalCommand,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  OUTDENT_CONTENT_COMMAND,
  REDO_COMMAND,
  REMOVE_TEXT_COMMAND,
  UNDO_COMMAND,
} from 'lexical';

// While a large paste goes in piece by piece the body stays editable (switching contenteditable
// off and on restyles every paragraph: seconds on a 5 MB body) but refuses edits, so nothing
// the writer types lands between two pieces or splits the paste's undo step. Reading, moving
// the caret, selecting, copying, finding and Tab out of the body all keep working.

const pasting = new WeakSet<LexicalEditor>();

export function isPasting(editor: LexicalEditor): boolean {
  return pasting.has(editor);
}

const EDITS: AnyLexicalCommand[] = [
  BEFORE_INPUT_COMMAND,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_TAB_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_WORD_COMMAND,
  DELETE_LINE_COMMAND,
  REMOVE_TEXT_COMMAND,
  CUT_COMMAND,
  DROP_COMMAND,
  FORMAT_TEXT_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  UNDO_COMMAND,
  REDO_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  TOGGLE_LINK_COMMAND,
  INSERT_TABLE_COMMAND,
  INSERT_HORIZONTAL_RULE_COMMAND,
];

const NAVIGATION = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Shift', 'Control', 'Alt', 'Meta']);

function isHarmlessKey(event: KeyboardEvent): boolean {
  if (NAVIGATION.has(event.key)) return true;
  // Copy, select all and find read the body without changing it.
  return (event.ctrlKey || event.metaKey) && !event.altKey && ['c', 'a', 'f'].includes(event.key.toLowerCase());
}

export function lockForPaste(editor: LexicalEditor): () => void {
  pasting.add(editor);
  const root = editor.getRootElement();
  root?.setAttribute('aria-busy', 'true');
  const unregister = mergeRegister(
    ...EDITS.map((command) =>
      editor.registerCommand(
        command,
        (payload: unknown) => {
          if (payload instanceof Event) payload.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (isHarmlessKey(event) || event.key === 'Tab') return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    // Tab is left to the browser, so focus can still leave the body.
    editor.registerCommand(KEY_TAB_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
  );
  return () => {
    pasting.delete(editor);
    root?.removeAttribute('aria-busy');
    unregister();
  };
}
