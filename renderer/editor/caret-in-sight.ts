// The body scrolls in its own element under a sticky toolbar. The scroller's scroll-padding
// names the band the toolbar covers (plugins/CaretInSightPlugin.tsx); the browser keeps the
// caret out of it when it moves the caret, and so does revealCaret.

export function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return null;
}

// Room left between the caret and a covered edge, so the lines beside it show too.
const MARGIN = 24;

// Scrolls the caret (the selection's moving end, inside `root`) into the part of the scroller
// nothing covers, if it is not already there.
export function revealCaret(root: HTMLElement, scroller: HTMLElement): void {
  const selection = root.ownerDocument.getSelection();
  const focus = selection?.focusNode ?? null;
  if (!selection || !focus || !root.contains(focus)) return;
  const caret = root.ownerDocument.createRange();
  caret.setStart(focus, selection.focusOffset);
  const rect = caret.getBoundingClientRect();
  // A caret in an empty block has no box of its own; its block's box stands for it.
  const box = rect.height > 0 ? rect : (focus instanceof Element ? focus : focus.parentElement)?.getBoundingClientRect();
  if (!box) return;
  const view = scroller.getBoundingClientRect();
  const style = getComputedStyle(scroller);
  const top = view.top + (parseFloat(style.scrollPaddingTop) || 0);
  const bottom = view.bottom - (parseFloat(style.scrollPaddingBottom) || 0);
  if (box.bottom > bottom) scroller.scrollTop += box.bottom - bottom + MARGIN;
  else if (box.top < top) scroller.scrollTop -= top - box.top + MARGIN;
}
