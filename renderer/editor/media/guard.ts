import { stopLexicalPropagation } from 'lexical';
import { useCallback, useRef } from 'react';
import { findShortcut } from '../shortcuts.ts';

// A figure's own fields and buttons live inside the body's contenteditable, so their key, input
// and clipboard events bubble up to the body editor, which would act on them: Enter on a button
// would split a paragraph, Ctrl+Alt+1 in the alt text would make a heading. Events from a form
// control inside the figure are marked handled, as Lexical marks a nested editor's own events.
// The caption is a nested Lexical editor and marks its events itself.

const GUARDED_EVENTS = [
  'keydown',
  'keyup',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionend',
  'paste',
  'cut',
  'copy',
  'dragstart',
  'dragover',
  'drop',
] as const;

function isFormControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.matches('input, textarea, select, button, [data-media-control]');
}

function carriesFiles(event: Event): boolean {
  return event instanceof DragEvent && Boolean(event.dataTransfer?.types.includes('Files'));
}

// Undo and redo pressed on one of the figure's buttons (after "Remove this photo", focus is on
// the next photo's button) are the body's: a button has no history of its own. In a text field
// they stay the field's.
function isBodyHistoryKey(event: Event): boolean {
  return (
    event instanceof KeyboardEvent &&
    event.target instanceof HTMLButtonElement &&
    findShortcut(event, ['undo', 'redo']) !== null
  );
}

// Files dragged over a field still go to the body, which puts photos after this one.
function guard(event: Event): void {
  if (isFormControl(event.target) && !carriesFiles(event) && !isBodyHistoryKey(event)) stopLexicalPropagation(event);
}

export function useLexicalGuard<T extends HTMLElement>(): (element: T | null) => void {
  const current = useRef<T | null>(null);
  return useCallback((element: T | null) => {
    const previous = current.current;
    if (previous === element) return;
    if (previous) for (const name of GUARDED_EVENTS) previous.removeEventListener(name, guard);
    current.current = element;
    if (element) for (const name of GUARDED_EVENTS) element.addEventListener(name, guard);
  }, []);
}
