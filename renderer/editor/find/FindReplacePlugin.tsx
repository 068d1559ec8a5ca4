import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $addUpdateTag, $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, SKIP_DOM_SELECTION_TAG } from 'lexical';
import { useEffect, useState } from 'react';
import { type FindMode, OPEN_FIND_COMMAND } from '../commands.ts';
import { $syncSelectionFromDOM } from '../selection-sync.ts';
import { FindReplacePanel } from './FindReplacePanel.tsx';

export interface FindRequest {
  mode: FindMode;
  // Changes on every Ctrl+F / Ctrl+H, so the panel knows to take focus again.
  token: number;
}

// Opens the find panel on OPEN_FIND_COMMAND. The query outlives the panel, so Ctrl+F again
// offers the last search, as in every editor a writer already knows.
export function FindReplacePlugin() {
  const [editor] = useLexicalComposerContext();
  const [request, setRequest] = useState<FindRequest | null>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_FIND_COMMAND,
        (mode) => {
          // Where the writer is now, even if the browser has not said so yet (a click or Home
          // just before the shortcut): the search starts there. The page already shows that
          // selection, so it is not written back (which would take focus from the find field).
          $syncSelectionFromDOM(editor);
          $addUpdateTag(SKIP_DOM_SELECTION_TAG);
          const selection = $getSelection();
          const selected = $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : '';
          // A selected word or phrase is what the writer wants to find; a selected paragraph is not.
          if (selected !== '' && selected.length <= 200 && !selected.includes('\n')) setQuery(selected);
          setRequest((previous) => ({ mode: previous?.mode === 'replace' && mode === 'find' ? 'replace' : mode, token: (previous?.token ?? 0) + 1 }));
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  if (!request) return null;
  return (
    <FindReplacePanel
      request={request}
      query={query}
      replacement={replacement}
      onQueryChange={setQuery}
      onReplacementChange={setReplacement}
      onModeChange={(mode) => setRequest((previous) => (previous ? { mode, token: previous.token + 1 } : previous))}
      onClose={() => setRequest(null)}
    />
  );
}
