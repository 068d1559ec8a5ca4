import { type KeyboardEvent, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../../electron/model/article.ts';
import type { SearchResult } from '../../../electron/model/search.ts';
import { DraftRow } from './DraftRow.tsx';
import { useWindow } from './useWindow.ts';

interface DraftListProps {
  drafts: readonly DraftSummary[];
  // While searching, each row's matches by draft id; null otherwise.
  highlights: ReadonlyMap<string, SearchResult['highlights']> | null;
  openDraftId: string | null;
  onOpen(id: string): void;
  // The list's name for screen readers, saying its order.
  label: string;
}

// Row heights are fixed in styles.css (.draft-item and .draft-item.with-snippet) so the list
// can place any row without measuring it.
const ROW_HEIGHT = 68;
const SEARCH_ROW_HEIGHT = 104;

// The drafts as a listbox in the WAI-ARIA pattern: the list holds focus, arrow keys move the
// active row (aria-activedescendant), Enter opens it. Rows outside the viewport are not
// rendered; each row says its position so screen readers still announce "3 of 10,000".
export function DraftList({ drafts, highlights, openDraftId, onOpen, label }: DraftListProps) {
  const container = useRef<HTMLUListElement>(null);
  const rowHeight = highlights ? SEARCH_ROW_HEIGHT : ROW_HEIGHT;
  const visible = useWindow(container, drafts.length, rowHeight);
  // The active row is remembered by id, so it stays put when the list re-sorts or refreshes;
  // without one, it is the open draft, or the first row.
  const [activeId, setActiveId] = useState<string | null>(null);
  const latestOnOpen = useRef(onOpen);
  useLayoutEffect(() => {
    latestOnOpen.current = onOpen;
  });
  const openRow = useCallback((id: string) => {
    setActiveId(id);
    latestOnOpen.current(id);
  }, []);
  const indexOf = (id: string | null) => (id === null ? -1 : drafts.findIndex((draft) => draft.id === id));
  const active = Math.max(0, indexOf(activeId) >= 0 ? indexOf(activeId) : indexOf(openDraftId));

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(drafts.length - 1, index));
    setActiveId(drafts[next]?.id ?? null);
    const element = container.current;
    if (!element) return;
    const top = next * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const page = Math.max(1, Math.floor((container.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + page),
      PageUp: () => moveTo(active - page),
      Home: () => moveTo(0),
      End: () => moveTo(drafts.length - 1),
      Enter: () => {
        const draft = drafts[active];
        if (draft) onOpen(draft.id);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const activeDraft = drafts[active];
  return (
    <ul
      ref={container}
      className="draft-list"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={activeDraft ? `draft-${activeDraft.id}` : undefined}
      onKeyDown={onKeyDown}
    >
      {visible.before > 0 && <li role="presentation" className="draft-spacer" style={{ height: visible.before }} />}
      {drafts.slice(visible.start, visible.end).map((draft, offset) => {
        const index = visible.start + offset;
        return (
          <DraftRow
            key={draft.id}
            draft={draft}
            highlights={highlights?.get(draft.id)}
            selected={draft.id === openDraftId}
            active={index === active}
            position={index + 1}
            total={drafts.length}
            onOpen={openRow}
          />
        );
      })}
      {visible.after > 0 && <li role="presentation" className="draft-spacer" style={{ height: visible.after }} />}
    </ul>
  );
}
