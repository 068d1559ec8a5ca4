import { getDOMTextNode, type LexicalEditor } from 'lexical';
import type { Found } from './places.ts';
import type { Match } from './search.ts';

// Matches are painted with the CSS Custom Highlight API (::highlight() in styles.css): it
// colours DOM ranges without touching the document, so finding never dirties the draft, never
// enters the undo history and never fights Lexical's reconciler for the DOM.
const ALL = 'pressroom-find';
const CURRENT = 'pressroom-find-current';
// Painting a hundred thousand ranges would cost more than it shows; the ones near the current
// match are the ones on screen.
const MAX_PAINTED = 2000;

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function matchRange(editor: LexicalEditor, match: Match): Range | null {
  const anchor = getDOMTextNode(editor.getElementByKey(match.anchorKey));
  const focus = getDOMTextNode(editor.getElementByKey(match.focusKey));
  if (!anchor || !focus) return null;
  const range = document.createRange();
  try {
    range.setStart(anchor, Math.min(match.anchorOffset, anchor.length));
    range.setEnd(focus, Math.min(match.focusOffset, focus.length));
  } catch {
    return null;
  }
  return range;
}

export function paintMatches(found: readonly Found[], current: number): void {
  if (!supported()) return;
  const from = Math.max(0, current - MAX_PAINTED / 2);
  const all = new Highlight();
  for (const { editor, match } of found.slice(from, from + MAX_PAINTED)) {
    const range = matchRange(editor, match);
    if (range) all.add(range);
  }
  const currentMatch = found[current];
  const currentRange = currentMatch ? matchRange(currentMatch.editor, currentMatch.match) : null;
  const highlighted = new Highlight(...(currentRange ? [currentRange] : []));
  highlighted.priority = 1;
  CSS.highlights.set(ALL, all);
  CSS.highlights.set(CURRENT, highlighted);
}

export function clearMatches(): void {
  if (!supported()) return;
  CSS.highlights.delete(ALL);
  CSS.highlights.delete(CURRENT);
}
