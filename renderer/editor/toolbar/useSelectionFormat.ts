import { mergeRegister } from '@lexical/utils';
import { $getSelection, COMMAND_PRIORITY_LOW, type LexicalEditor, SELECTION_CHANGE_COMMAND } from 'lexical';
import { useEffect, useState } from 'react';
import { $readSelectionFormat, NO_SELECTION_FORMAT, type SelectionFormat, sameFormat } from '../selection-format.ts';

// The formats at the caret, kept current as the writer types and moves. Only a real change
// re-renders the toolbar, so typing a word costs one comparison per keystroke.
export function useSelectionFormat(editor: LexicalEditor): SelectionFormat {
  const [format, setFormat] = useState<SelectionFormat>(NO_SELECTION_FORMAT);
  useEffect(() => {
    const refresh = (next: SelectionFormat) => setFormat((previous) => (sameFormat(previous, next) ? previous : next));
    // A selection that moves out of the editor (into the toolbar, a panel) keeps the last
    // formats shown: the buttons still act on where the writer left the caret.
    const read = () => {
      if ($getSelection() !== null) refresh($readSelectionFormat());
    };
    editor.getEditorState().read(read);
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => editorState.read(read)),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          read();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return format;
}
