import { $createRangeSelectionFromDom, $setSelection, type LexicalEditor, type RangeSelection } from 'lexical';

// The editor's selection brought up to the document's. A key pressed right after another that
// moved the caret (Home, then Delete) can arrive before the browser's selectionchange has told
// Lexical where the caret went; acting on the old selection would edit the wrong place.
export function $syncSelectionFromDOM(editor: LexicalEditor): void {
  const fresh = $selectionFromDOM(editor);
  if (fresh) $setSelection(fresh);
}

// The document's selection in this editor as the editor's own, without making it current (which
// would also move the focus back into the body when the update commits); null when the
// document's selection is not in this editor.
export function $selectionFromDOM(editor: LexicalEditor): RangeSelection | null {
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.getSelection();
  if (!root || !dom || !dom.anchorNode || !dom.focusNode) return null;
  // Inside this editor, not a nested one (a photo's caption) or outside it.
  const owner = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('[data-lexical-editor]');
  if (owner(dom.anchorNode) !== root || owner(dom.focusNode) !== root) return null;
  return $createRangeSelectionFromDom(dom, editor);
}
