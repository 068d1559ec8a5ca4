// "Show" beside a pre-flight problem: brings the body's top-level block into view and puts the
// writer where the fix goes. Lexical renders each top-level block as one child of the editable
// root, in order, so the block's index is the child's index.

import { scrollBodyIntoView } from '../../editor/window/reveal.ts';

// The field of a photo a message is about; the first empty one when a gallery has several.
const FIELD_OF: Record<string, string> = {
  'preflight.noAltText': '.media-alt',
  'preflight.noCredit': '.media-credit',
  'preflight.noCaption': '.media-caption-input',
};

const FOCUSABLE = 'input:not([type="hidden"]), textarea, button:not([disabled]), [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

export function editorRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>('#article-body') ?? document.querySelector<HTMLElement>('[contenteditable][aria-label]');
}

export function showBlock(blockIndex: number, messageKey: string): boolean {
  const root = editorRoot();
  const block = root?.children[blockIndex];
  if (!root || !(block instanceof HTMLElement)) return false;
  scrollBodyIntoView(block, 'center');

  const field = fieldIn(block, FIELD_OF[messageKey]);
  if (field) {
    field.focus({ preventScroll: true });
    return true;
  }
  // A photo or gallery is not text: its first control (Replace, for a missing file) takes focus.
  if (block.isContentEditable === false || block.getAttribute('contenteditable') === 'false') {
    const control = block.querySelector<HTMLElement>(FOCUSABLE);
    if (control) {
      control.focus({ preventScroll: true });
      return true;
    }
  }
  // Text: the caret goes to the start of the block; Lexical reads the selection from the page.
  root.focus({ preventScroll: true });
  const selection = window.getSelection();
  if (selection) {
    const range = document.createRange();
    range.setStart(block, 0);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  return true;
}

function fieldIn(block: HTMLElement, selector: string | undefined): HTMLElement | null {
  if (!selector) return null;
  const fields = [...block.querySelectorAll<HTMLElement>(selector)].map((wrapper) =>
    wrapper.matches('input, textarea, [contenteditable="true"]') ? wrapper : wrapper.querySelector<HTMLElement>('input, textarea, [contenteditable="true"]'),
  );
  const present = fields.filter((field): field is HTMLElement => field !== null);
  const empty = present.find((field) => (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value.trim() === '' : (field.textContent ?? '').trim() === ''));
  return empty ?? present[0] ?? null;
}
