import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { LexicalDocument } from '../../../electron/model/article.ts';
import { bodyParagraphs } from '../../../electron/model/plain-text.ts';
import { useCounts } from '../../state/counts.ts';
import { countText } from './manuscript.ts';

const PAUSE_MS = 300;

// Counts the body once the writer pauses, never on the keystroke itself, and never while a
// Hangul syllable is still being composed.
export function CountsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      if (editor.isComposing()) {
        timer = setTimeout(recount, PAUSE_MS);
        return;
      }
      const body = editor.getEditorState().toJSON() as unknown as LexicalDocument;
      useCounts.getState().set(countText(bodyParagraphs(body)));
    };
    recount();
    const unregister = editor.registerUpdateListener(() => {
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
