import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerCompositionEdges } from '../composition.ts';

export function CompositionPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerCompositionEdges(editor), [editor]);
  return null;
}
