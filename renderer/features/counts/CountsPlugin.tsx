import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { changedBlockKeys } from '../../editor/changed-blocks.ts';
import { isComposing } from '../../editor/composition.ts';
import { useCounts } from '../../state/counts.ts';
import { BlockCounts } from './block-counts.ts';

const PAUSE_MS = 300;

// Counts the body once the writer pauses, never on the keystroke itself, and never while a
// Hangul syllable is still being composed.
export function CountsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const counts = new BlockCounts();
    const recount = () => {
      if (isComposing(editor)) {
        timer = setTimeout(recount, PAUSE_MS);
        return;
      }
      useCounts.getState().set(counts.count(editor.getEditorState()));
    };
    recount();
    const unregister = editor.registerUpdateListener((update) => {
      counts.noteChanges(changedBlockKeys(update));
      clearTimeout(timer);
      timer = setTimeout(recount, PAUSE_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
      useCounts.getState().set(null);
    };
  }, [editor]);
  return null;
}
