import {
  $createRangeSelection,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  SKIP_DOM_SELECTION_TAG,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isPasting } from '../clipboard/paste-lock.ts';
import { clearMatches, matchRange, paintMatches } from './highlight.ts';
import { $findMatches, type Match } from './search.ts';
import { scrollBodyIntoView } from '../window/reveal.ts';

// Edits made while the panel is open are searched again once typing pauses, not per keystroke.
const RESEARCH_DELAY_MS = 150;

// Focus stays in the find field while the current match is selected in the body, so every
// update made from here skips Lexical's DOM-selection step (which would move focus into the
// body); closing the panel then focuses the body with the match selected.
const FROM_PANEL = [SKIP_DOM_SELECTION_TAG];

// The first match at or after the start of the body's selection (the caret when the panel
// opened, then the match shown, as the query grows): a search goes on from where the writer is,
// not from the top. After the last match it wraps to the first.
function $firstFromSelection(matches: readonly Match[]): number {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || matches.length === 0) return 0;
  const start = selection.isBackward() ? selection.focus : selection.anchor;
  const probe = $createRangeSelection();
  const index = matches.findIndex((match) => {
    probe.anchor.set(match.anchorKey, match.anchorOffset, 'text');
    return !probe.anchor.isBefore(start);
  });
  return Math.max(0, index);
}

function $select(match: Match): void {
  const selection = $createRangeSelection();
  selection.anchor.set(match.anchorKey, match.anchorOffset, 'text');
  selection.focus.set(match.focusKey, match.focusOffset, 'text');
  $setSelection(selection);
}

export interface FindState {
  total: number;
  current: number;
  next(): void;
  previous(): void;
  replaceOne(replacement: string): void;
  replaceAll(replacement: string): number;
}

// Lives as long as the find panel is open.
export function useFind(editor: LexicalEditor, query: string): FindState {
  const matchesRef = useRef<Match[]>([]);
  const currentRef = useRef(0);
  const [total, setTotal] = useState(0);
  const [current, setCurrent] = useState(0);

  const show = useCallback(
    (select: boolean) => {
      const matches = matchesRef.current;
      const index = Math.min(currentRef.current, Math.max(0, matches.length - 1));
      currentRef.current = index;
      setTotal(matches.length);
      setCurrent(index);
      paintMatches(editor, matches, index);
      const match = matches[index];
      if (!select || !match) return;
      editor.update(() => $select(match), { tag: FROM_PANEL });
      const place = matchRange(editor, match)?.startContainer.parentElement;
      if (place) scrollBodyIntoView(place, 'center');
    },
    [editor],
  );

  const search = useCallback(() => {
    matchesRef.current = query !== '' ? editor.getEditorState().read(() => $findMatches(query)) : [];
  }, [editor, query]);

  // A new query starts from the first match at or after the selection, and selects it.
  useEffect(() => {
    search();
    currentRef.current = editor.getEditorState().read(() => $firstFromSelection(matchesRef.current));
    show(true);
  }, [editor, search, show]);

  // The body changed (the writer typed, or a replace ran): count again, keep the place, and
  // leave the writer's caret alone.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        search();
        show(false);
      }, RESEARCH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, search, show]);

  useEffect(() => clearMatches, []);

  const step = useCallback(
    (delta: number) => {
      const count = matchesRef.current.length;
      if (count === 0) return;
      currentRef.current = (currentRef.current + delta + count) % count;
      show(true);
    },
    [show],
  );

  const replaceOne = useCallback(
    (replacement: string) => {
      const match = matchesRef.current[currentRef.current];
      if (!match || isPasting(editor)) return;
      editor.update(
        () => {
          $select(match);
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText(replacement);
        },
        { tag: [...FROM_PANEL, HISTORY_PUSH_TAG], discrete: true },
      );
      // The replaced match is gone, so the same index is now the next one.
      search();
      show(true);
    },
    [editor, search, show],
  );

  const replaceAll = useCallback(
    (replacement: string): number => {
      const matches = matchesRef.current;
      if (matches.length === 0 || isPasting(editor)) return 0;
      // One update, so one undo step brings every match back. Last match first, so the
      // offsets of the ones before it still hold.
      editor.update(
        () => {
          for (let i = matches.length - 1; i >= 0; i -= 1) {
            $select(matches[i]!);
            const selection = $getSelection();
            if ($isRangeSelection(selection)) selection.insertText(replacement);
          }
        },
        { tag: [...FROM_PANEL, HISTORY_PUSH_TAG], discrete: true },
      );
      search();
      currentRef.current = 0;
      show(false);
      return matches.length;
    },
    [editor, search, show],
  );

  return { total, current, next: () => step(1), previous: () => step(-1), replaceOne, replaceAll };
}
