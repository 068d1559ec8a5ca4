import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { LexicalDocument } from '../../../electron/model/article.ts';
import { useDraft } from '../../state/draft.ts';

// Tells the draft store that the body changed, and lends it the means to serialize the body
// later. The keystroke path does nothing more than flip a flag.
export function AutosavePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const { attachBody, bodyChanged } = useDraft.getState();
    attachBody({
      serialize: () => editor.getEditorState().toJSON() as unknown as LexicalDocument,
      isComposing: () => editor.isComposing(),
    });
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => {
      if (prevEditorState === editorState) return;
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
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
