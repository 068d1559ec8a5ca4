import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type EditorState, HISTORY_MERGE_TAG, PASTE_TAG } from 'lexical';
import { useEffect } from 'react';
import { useDraft } from '../../state/draft.ts';
import { BlockSerializer } from '../block-serializer.ts';
import { changedBlockKeys } from '../changed-blocks.ts';
import { isPasting } from '../clipboard/paste-lock.ts';
import { isComposing } from '../composition.ts';

// Tells the draft store that the body changed, and lends it the means to serialize the body
// later. The keystroke path does nothing more than flip a flag.
export function AutosavePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const { attachBody, bodyChanged } = useDraft.getState();
    const serializer = new BlockSerializer();
    attachBody({
      serialize: () => serializer.serialize(editor.getEditorState()),
      saved: (snapshot) => serializer.saved(snapshot),
      unsaved: () => serializer.unsaved(),
      // A large paste goes in piece by piece; saving meanwhile would store half of it (and
      // serialize a growing document once a second).
      isComposing: () => isComposing(editor) || isPasting(editor),
    });
    const unregister = editor.registerUpdateListener((update) => {
      const { dirtyElements, dirtyLeaves, prevEditorState, editorState, tags } = update;
      if (prevEditorState === editorState) return;
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // Plugins registering node transforms at mount mark every existing node dirty in a
      // history-merge update that changes nothing; that alone must not save (and bump the
      // revision of) a draft that was only opened. A long paste's later pieces are history
      // merges too, and always change the body: comparing the whole body for each would make
      // a 5 MB paste cost minutes.
      if (tags.has(HISTORY_MERGE_TAG) && !tags.has(PASTE_TAG) && sameContent(prevEditorState, editorState)) return;
      serializer.noteChanges(changedBlockKeys(update));
      bodyChanged();
    });
    return () => {
      unregister();
      void useDraft.getState().flush();
      attachBody(null);
    };
  }, [editor]);
  return null;
}

function sameContent(a: EditorState, b: EditorState): boolean {
  return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
}
