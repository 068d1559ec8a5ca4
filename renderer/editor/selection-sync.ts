import { $createRangeSelectionFromDom, $setSelection, type LexicalEditor } from 'lexical';

// The editor's selection brought up to the document's. A key pressed right after another that
// moved the caret (Home, then Delete) can arrive before the browser's selectionchange has told
// Lexical where the caret went; acting on the old selection would edit the wrong place.
export function $syncSelectionFromDOM(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.getSelection();
  if (!root || !dom || !dom.anchorNode || !dom.focusNode) return;
  // Inside this editor, not a nested one (a photo's caption) or outside it.
  const owner = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('[data-lexical-editor]');
  if (owner(dom.anchorNode) !== root || owner(dom.focusNode) !== root) return;
  const fresh = $createRangeSelectionFromDom(dom, editor);
  if (fresh) $setSelection(fresh);
}
