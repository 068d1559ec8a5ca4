import type { NodeKey } from 'lexical';

// Moving focus into a photo that may not be on screen yet: the insert asks for it by node key,
// and the photo's caption takes it once it has mounted.

const captionFocusers = new Map<NodeKey, () => void>();
const pending = new Set<NodeKey>();

export function registerCaptionFocus(key: NodeKey, focus: () => void): () => void {
  captionFocusers.set(key, focus);
  if (pending.delete(key)) focus();
  return () => {
    if (captionFocusers.get(key) === focus) captionFocusers.delete(key);
  };
}

export function focusCaption(key: NodeKey): void {
  const focus = captionFocusers.get(key);
  if (focus) focus();
  else pending.add(key);
}
