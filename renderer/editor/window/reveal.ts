// Bringing a place in the body on screen when, in a long body, its block may not be laid out
// (body-window.ts): the event asks the body's window to lay the block out, synchronously, so
// the scroll that follows finds it where it belongs.
export const REVEAL_EVENT = 'pressroom-reveal';

export function scrollBodyIntoView(element: Element, block: ScrollLogicalPosition): void {
  element.dispatchEvent(new Event(REVEAL_EVENT, { bubbles: true }));
  element.scrollIntoView({ block });
}
