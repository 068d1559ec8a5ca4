import {
  $createRangeSelection,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  SKIP_DOM_SELECTION_TAG,
  type UpdateListener,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isPasting } from '../clipboard/paste-lock.ts';
import { clearMatches, matchRange, paintMatches } from './highlight.ts';
import { $captionEditors, $findEverywhere, type Found } from './places.ts';
import type { Match } from './search.ts';
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
function $firstFromSelection(found: readonly Found[]): number {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || found.length === 0) return 0;
  const start = selection.isBackward() ? selection.focus : selection.anchor;
  const probe = $createRangeSelection();
  const index = found.findIndex(({ at }) => {
    probe.anchor.set(at.key, at.offset, at.type);
    return !probe.anchor.isBefore(start);
  });
  return Math.max(0, index);
}

// After a replace, the first match after the text put in: the same index holds the next match
// only when the replacement does not itself hold the query (부산 → 부산광역시 would be found, and
// replaced, again and again). Wraps to the first match after the last.
function $nextAfterReplace(holder: LexicalEditor, found: readonly Found[], replaced: number): number {
  const next = holder.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return replaced;
    const probe = $createRangeSelection();
    let index = replaced;
    for (; index < found.length && found[index]!.editor === holder; index++) {
      const { match } = found[index]!;
      probe.anchor.set(match.anchorKey, match.anchorOffset, 'text');
      if (!probe.anchor.isBefore(selection.focus)) break;
    }
    return index;
  });
  return next < found.length ? next : 0;
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
  // Matches in text that can be changed now. A review preview shows the body read-only, and
  // captions are read-only while suggesting: find still shows matches there, replace leaves them.
  replaceable: number;
  currentReplaceable: boolean;
  next(): void;
  previous(): void;
  replaceOne(replacement: string): void;
  replaceAll(replacement: string): number;
  // Puts the caret on the match shown, in the body or in its caption, as the panel closes.
  focusCurrent(): void;
}

// Lives as long as the find panel is open.
export function useFind(editor: LexicalEditor, query: string): FindState {
  const matchesRef = useRef<Found[]>([]);
  const currentRef = useRef(0);
  const [total, setTotal] = useState(0);
  const [current, setCurrent] = useState(0);
  const [replaceable, setReplaceable] = useState(0);
  const [currentReplaceable, setCurrentReplaceable] = useState(false);

  const show = useCallback(
    (select: boolean) => {
      const matches = matchesRef.current;
      const index = Math.min(currentRef.current, Math.max(0, matches.length - 1));
      currentRef.current = index;
      setTotal(matches.length);
      setCurrent(index);
      setReplaceable(matches.filter((found) => found.editor.isEditable()).length);
      setCurrentReplaceable(matches[index]?.editor.isEditable() ?? false);
      paintMatches(matches, index);
      const found = matches[index];
      if (!select || !found) return;
      found.editor.update(() => $select(found.match), { tag: FROM_PANEL });
      const place = matchRange(found.editor, found.match)?.startContainer.parentElement;
      if (place) scrollBodyIntoView(place, 'center');
    },
    [],
  );

  const search = useCallback(() => {
    matchesRef.current = query !== '' ? editor.getEditorState().read(() => $findEverywhere(editor, query)) : [];
  }, [editor, query]);

  // A new query starts from the first match at or after the selection, and selects it.
  useEffect(() => {
    search();
    currentRef.current = editor.getEditorState().read(() => $firstFromSelection(matchesRef.current));
    show(true);
  }, [editor, search, show]);

  // The body or a caption changed (the writer typed, or a replace ran): count again, keep the
  // place, and leave the writer's caret alone.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watched = new Map<LexicalEditor, () => void>();
    const changed: UpdateListener = ({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        watchCaptions();
        search();
        show(false);
      }, RESEARCH_DELAY_MS);
    };
    // A preview or suggesting starting or ending changes what replace may change.
    const editableChanged = () => show(false);
    // Photos come and go with the body; their captions are watched while they are in it.
    const watchCaptions = () => {
      const captions = new Set(editor.getEditorState().read($captionEditors));
      for (const [caption, unwatch] of watched) {
        if (captions.has(caption)) continue;
        unwatch();
        watched.delete(caption);
      }
      for (const caption of captions) {
        if (!watched.has(caption)) watched.set(caption, mergeRegister(caption.registerUpdateListener(changed), caption.registerEditableListener(editableChanged)));
      }
    };
    watchCaptions();
    const unregister = mergeRegister(editor.registerUpdateListener(changed), editor.registerEditableListener(editableChanged));
    return () => {
      clearTimeout(timer);
      unregister();
      for (const unwatch of watched.values()) unwatch();
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
      const found = matchesRef.current[currentRef.current];
      if (!found || !found.editor.isEditable() || isPasting(editor)) return;
      found.editor.update(
        () => {
          $select(found.match);
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText(replacement);
        },
        { tag: [...FROM_PANEL, HISTORY_PUSH_TAG], discrete: true },
      );
      const replaced = currentRef.current;
      search();
      currentRef.current = $nextAfterReplace(found.editor, matchesRef.current, replaced);
      show(true);
    },
    [editor, search, show],
  );

  const replaceAll = useCallback(
    (replacement: string): number => {
      const matches = matchesRef.current.filter((found) => found.editor.isEditable());
      if (matches.length === 0 || isPasting(editor)) return 0;
      // One update per editor, so one undo step brings every match in the body back (and one
      // in each caption, in its own history). Last match first, so the offsets of the ones
      // before it still hold.
      const byEditor = new Map<LexicalEditor, Match[]>();
      for (const { editor: holder, match } of matches) {
        const own = byEditor.get(holder);
        if (own) own.push(match);
        else byEditor.set(holder, [match]);
      }
      for (const [holder, own] of byEditor) {
        holder.update(
          () => {
            for (let i = own.length - 1; i >= 0; i -= 1) {
              $select(own[i]!);
              const selection = $getSelection();
              if ($isRangeSelection(selection)) selection.insertText(replacement);
            }
          },
          { tag: [...FROM_PANEL, HISTORY_PUSH_TAG], discrete: true },
        );
      }
      search();
      currentRef.current = 0;
      show(false);
      return matches.length;
    },
    [editor, search, show],
  );

  const focusCurrent = useCallback(() => {
    const found = matchesRef.current[currentRef.current];
    (found?.editor ?? editor).focus();
  }, [editor]);

  return { total, current, replaceable, currentReplaceable, next: () => step(1), previous: () => step(-1), replaceOne, replaceAll, focusCurrent };
}
