import {
  $createLineBreakNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type PointType,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { $createSuggestionBreakNode, $isSuggestionBreakNode, type SuggestionBreakNode } from './SuggestionBreakNode.ts';
import {
  $createSuggestionDeleteNode,
  $createSuggestionInsertNode,
  $isSuggestionDeleteNode,
  $isSuggestionInsertNode,
  $isSuggestionNode,
  type SuggestionDeleteNode,
  type SuggestionInfo,
  type SuggestionInsertNode,
} from './SuggestionNodes.ts';

// Suggestion mode's edits, as $-functions run inside an editor update: typing goes into an
// insertion of the writer's own, deleting wraps text in a deletion instead of removing it (or
// really removes text from the writer's own insertion). Paragraphs are never split or joined
// directly: Enter puts a split mark at the caret, and a delete at the edge of a paragraph puts a
// join mark at the start of the second one (SuggestionBreakNode); accepting does the split or
// join.

export interface SuggestContext {
  // The suggestion this person may extend or really delete from: their own.
  isMine(node: { getAuthor(): string }): boolean;
  // A fresh suggestion: a new id, this person, now.
  newInfo(): SuggestionInfo;
}

export type DeleteUnit = 'grapheme' | 'word';

// The zero-width space Lexical itself uses to start a composition in a node of its own; it
// removes it from the composed node when the composition ends.
export const COMPOSITION_PLACEHOLDER = '\u200b';

type Suggestion = SuggestionInsertNode | SuggestionDeleteNode;

// The nearest suggestion around a node, without leaving its block.
export function $closestSuggestion(node: LexicalNode): Suggestion | null {
  let current: LexicalNode | null = node;
  while (current !== null) {
    if ($isSuggestionNode(current)) return current;
    const parent: ElementNode | null = current.getParent();
    if (parent === null || !parent.isInline()) return null;
    current = parent;
  }
  return null;
}

interface TextPosition {
  node: TextNode;
  offset: number;
}

// The writer's own insertion at a caret, as the text position to type into: inside it, or
// just before or after it.
function $ownInsertAt(point: PointType, context: SuggestContext): TextPosition | null {
  const node = point.getNode();
  if ($isTextNode(node)) {
    const around = $closestSuggestion(node);
    if ($isSuggestionInsertNode(around) && context.isMine(around)) return { node, offset: point.offset };
    if (around !== null) return null;
    if (point.offset === 0) {
      const before = node.getPreviousSibling();
      if ($isSuggestionInsertNode(before) && context.isMine(before)) return $endOf(before);
    }
    if (point.offset === node.getTextContentSize()) {
      const after = node.getNextSibling();
      if ($isSuggestionInsertNode(after) && context.isMine(after)) return $startOf(after);
    }
    return null;
  }
  if ($isElementNode(node)) {
    if ($isSuggestionNode(node)) return null;
    const before = node.getChildAtIndex(point.offset - 1);
    if ($isSuggestionInsertNode(before) && context.isMine(before)) return $endOf(before);
    const after = node.getChildAtIndex(point.offset);
    if ($isSuggestionInsertNode(after) && context.isMine(after)) return $startOf(after);
  }
  return null;
}

function $endOf(element: ElementNode): TextPosition | null {
  const last = element.getLastDescendant();
  return $isTextNode(last) ? { node: last, offset: last.getTextContentSize() } : null;
}

function $startOf(element: ElementNode): TextPosition | null {
  const first = element.getFirstDescendant();
  return $isTextNode(first) ? { node: first, offset: 0 } : null;
}

function $cloneSuggestion(node: Suggestion): Suggestion {
  const info = node.getInfo();
  return $isSuggestionInsertNode(node) ? $createSuggestionInsertNode(info) : $createSuggestionDeleteNode(info);
}

// Puts an inline node at a caret. Never inside a deletion or someone else's insertion: those
// are split around it, so each keeps meaning exactly the text it had.
function $placeInline(point: PointType, inline: LexicalNode): void {
  const node = point.getNode();
  let anchor: LexicalNode;
  let after: boolean;
  if ($isTextNode(node)) {
    const size = node.getTextContentSize();
    if (point.offset <= 0) {
      anchor = node;
      after = false;
    } else if (point.offset >= size) {
      anchor = node;
      after = true;
    } else {
      anchor = node.splitText(point.offset)[0]!;
      after = true;
    }
  } else {
    const child = node.getChildAtIndex(point.offset);
    const previous = node.getChildAtIndex(point.offset - 1);
    if (child) {
      anchor = child;
      after = false;
    } else if (previous) {
      anchor = previous;
      after = true;
    } else if ($isSuggestionNode(node)) {
      node.insertAfter(inline);
      return;
    } else {
      node.append(inline);
      return;
    }
  }
  let parent = anchor.getParent();
  while ($isSuggestionNode(parent)) {
    if (after && anchor.getNextSibling() === null) {
      anchor = parent;
    } else if (!after && anchor.getPreviousSibling() === null) {
      anchor = parent;
    } else {
      const rest = after ? anchor.getNextSiblings() : [anchor, ...anchor.getNextSiblings()];
      const tail = $cloneSuggestion(parent);
      parent.insertAfter(tail);
      tail.append(...rest);
      anchor = parent;
      after = true;
    }
    parent = anchor.getParent();
  }
  if (after) anchor.insertAfter(inline);
  else anchor.insertBefore(inline);
}

// The caret to put something at: a selection is first marked deleted (what replaces it is a
// suggestion, and so is its removal). false: no text selection to act on; true: nothing is left
// to do.
function $caretAfterSuggestedDeletion(context: SuggestContext): RangeSelection | boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  if (selection.isCollapsed()) return selection;
  $markSelectionDeleted(selection, false, context);
  const after = $getSelection();
  return $isRangeSelection(after) ? after : true;
}

// Typing in suggestion mode: a selection is first marked deleted, then the text goes into the
// writer's own insertion at the caret, or a new one.
export function $insertSuggestedText(text: string, context: SuggestContext): boolean {
  const selection = $caretAfterSuggestedDeletion(context);
  if (selection === false || selection === true) return selection;
  if (text === '') return true;
  const own = $ownInsertAt(selection.anchor, context);
  if (own) {
    own.node.spliceText(own.offset, 0, text, true);
    return true;
  }
  const textNode = $createTextNode(text);
  textNode.setFormat(selection.format);
  textNode.setStyle(selection.style);
  const insert = $createSuggestionInsertNode(context.newInfo());
  insert.append(textNode);
  $placeInline(selection.anchor, insert);
  textNode.select(text.length, text.length);
  return true;
}

// Before an input method starts composing: the caret is put inside the writer's own insertion
// (a new one holding Lexical's placeholder if there is none), so the composed syllables land in
// it. Returns false when there is nothing to do.
export function $prepareComposition(context: SuggestContext): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (!selection.isCollapsed()) $markSelectionDeleted(selection, false, context);
  const current = $getSelection();
  if (!$isRangeSelection(current)) return;
  const own = $ownInsertAt(current.anchor, context);
  if (own) {
    own.node.select(own.offset, own.offset);
    return;
  }
  $insertSuggestedText(COMPOSITION_PLACEHOLDER, context);
}

const segmenters = new Map<DeleteUnit, Intl.Segmenter>();
function segmenter(unit: DeleteUnit): Intl.Segmenter {
  let found = segmenters.get(unit);
  if (!found) {
    found = new Intl.Segmenter(undefined, { granularity: unit });
    segmenters.set(unit, found);
  }
  return found;
}

// The span of text one Backspace (or Delete) takes from a text node at an offset: a grapheme
// (a whole Hangul syllable, an emoji with its modifiers) or a word with the spaces before it.
export function deletionSpan(text: string, offset: number, backward: boolean, unit: DeleteUnit): [number, number] | null {
  if (backward ? offset <= 0 : offset >= text.length) return null;
  const segments = [...segmenter(unit).segment(text)];
  if (backward) {
    let index = segments.findLastIndex((segment) => segment.index < offset);
    let start = segments[index]!.index;
    if (unit === 'word') {
      // Spaces before the caret go with the word before them.
      while (index > 0 && /^\s+$/u.test(segments[index]!.segment)) start = segments[--index]!.index;
    }
    return [start, offset];
  }
  let index = segments.findIndex((segment) => segment.index + segment.segment.length > offset);
  let end = segments[index]!.index + segments[index]!.segment.length;
  if (unit === 'word') {
    while (index < segments.length - 1 && /^\s+$/u.test(segments[index]!.segment)) {
      index++;
      end = segments[index]!.index + segments[index]!.segment.length;
    }
  }
  return [offset, end];
}

// The text leaf before (or after) a node within its block, entering and leaving inline
// elements; null at the block's edge, a line break or an inline decorator.
function $siblingText(node: LexicalNode, backward: boolean): TextNode | null {
  let current: LexicalNode = node;
  for (;;) {
    const sibling = backward ? current.getPreviousSibling() : current.getNextSibling();
    if (sibling === null) {
      const parent = current.getParent();
      if (parent === null || !parent.isInline()) return null;
      current = parent;
      continue;
    }
    if ($isTextNode(sibling)) return sibling;
    if ($isElementNode(sibling) && sibling.isInline()) {
      const leaf = backward ? sibling.getLastDescendant() : sibling.getFirstDescendant();
      if ($isTextNode(leaf)) return leaf;
      if (leaf === null) {
        current = sibling;
        continue;
      }
      return null;
    }
    return null;
  }
}

function $caretPosition(point: PointType, backward: boolean): TextPosition | null {
  const node = point.getNode();
  if ($isTextNode(node)) return { node, offset: point.offset };
  if (!$isElementNode(node)) return null;
  const neighbour = node.getChildAtIndex(backward ? point.offset - 1 : point.offset);
  if (neighbour === null) {
    if (!node.isInline()) return null;
    const text = $siblingText(node, backward);
    return text && { node: text, offset: backward ? text.getTextContentSize() : 0 };
  }
  if ($isTextNode(neighbour)) return { node: neighbour, offset: backward ? neighbour.getTextContentSize() : 0 };
  if ($isElementNode(neighbour) && neighbour.isInline()) {
    const leaf = backward ? neighbour.getLastDescendant() : neighbour.getFirstDescendant();
    if ($isTextNode(leaf)) return { node: leaf, offset: backward ? leaf.getTextContentSize() : 0 };
  }
  return null;
}

function $selectBefore(node: LexicalNode): void {
  const previous = node.getPreviousSibling();
  if ($isTextNode(previous)) {
    const size = previous.getTextContentSize();
    previous.select(size, size);
    return;
  }
  const index = node.getIndexWithinParent();
  node.getParentOrThrow().select(index, index);
}

function $selectAfter(node: LexicalNode): void {
  const next = node.getNextSibling();
  if ($isTextNode(next)) {
    next.select(0, 0);
    return;
  }
  const index = node.getIndexWithinParent() + 1;
  node.getParentOrThrow().select(index, index);
}

// Backspace or Delete in suggestion mode.
export function $deleteSuggested(backward: boolean, unit: DeleteUnit, context: SuggestContext): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  if (!selection.isCollapsed()) {
    $markSelectionDeleted(selection, backward, context);
    return true;
  }
  let position = $caretPosition(selection.anchor, backward);
  // Where the text ran out, when it does: the node beside it decides what happens at the edge.
  let stop: LexicalNode | null = position === null ? $besidePoint(selection.anchor, backward) : null;
  // Text already marked deleted is stepped over: the next Backspace takes the character before
  // it. The guard only bounds a pathological body.
  for (let guard = 0; position !== null && guard < 10_000; guard++) {
    const { node, offset } = position;
    const span = deletionSpan(node.getTextContent(), offset, backward, unit);
    const around = $closestSuggestion(node);
    const skip = span === null ? node : $isSuggestionDeleteNode(around) ? around : null;
    if (skip !== null) {
      const next = $siblingText(skip, backward);
      if (next === null) stop = $beside(skip, backward);
      position = next && { node: next, offset: backward ? next.getTextContentSize() : 0 };
      continue;
    }
    if (span === null) continue;
    const [start, end] = span;
    if ($isSuggestionInsertNode(around) && context.isMine(around)) {
      // One's own suggested text is simply taken back.
      node.spliceText(start, end - start, '', false);
      if (node.getTextContentSize() > 0) node.select(start, start);
      else $removeEmptied(node, around);
      return true;
    }
    const piece = $isolate(node, start, end);
    const neighbour = backward ? piece.getNextSibling() : piece.getPreviousSibling();
    let deletion: SuggestionDeleteNode;
    if ($isSuggestionDeleteNode(neighbour) && context.isMine(neighbour)) {
      deletion = neighbour;
      if (backward) {
        const first = deletion.getFirstChild();
        if (first) first.insertBefore(piece);
        else deletion.append(piece);
      } else deletion.append(piece);
    } else {
      deletion = $createSuggestionDeleteNode(context.newInfo());
      piece.insertBefore(deletion);
      deletion.append(piece);
    }
    if (backward) $selectBefore(deletion);
    else $selectAfter(deletion);
    return true;
  }
  // No more text this way in the block. One's own paragraph mark is taken back; at the block's
  // edge, joining the two paragraphs becomes a suggestion.
  if ($isSuggestionBreakNode(stop)) {
    if (stop.getKind() === 'split' && context.isMine(stop)) {
      if (backward) $selectBefore(stop);
      else $selectAfter(stop);
      stop.remove();
    }
    return true;
  }
  if (stop === null) $suggestJoin(selection.anchor.getNode(), backward, context);
  return true;
}

// The node next to a caret at an element point (or at a text node's edge) within its block,
// climbing out of inline elements; null at the block's edge.
function $besidePoint(point: PointType, backward: boolean): LexicalNode | null {
  const node = point.getNode();
  if ($isTextNode(node)) return $beside(node, backward);
  if (!$isElementNode(node)) return null;
  const neighbour = node.getChildAtIndex(backward ? point.offset - 1 : point.offset);
  if (neighbour !== null) return neighbour;
  return node.isInline() ? $beside(node, backward) : null;
}

function $beside(node: LexicalNode, backward: boolean): LexicalNode | null {
  let current: LexicalNode = node;
  for (;;) {
    const sibling = backward ? current.getPreviousSibling() : current.getNextSibling();
    if (sibling !== null) return sibling;
    const parent = current.getParent();
    if (parent === null || !parent.isInline()) return null;
    current = parent;
  }
}

// A block holding text and inline nodes only (a paragraph, heading, quote or list item without
// a nested list): what a paragraph mark may split or join.
function $isTextBlock(node: LexicalNode | null | undefined): node is ElementNode {
  if (!$isElementNode(node) || node.isInline() || node.getParent() === null) return false;
  return node.getChildren().every((child) => !$isElementNode(child) || child.isInline());
}

function $blockOf(node: LexicalNode): ElementNode | null {
  let current: LexicalNode | null = node;
  while (current !== null && !($isElementNode(current) && !current.isInline())) current = current.getParent();
  return current;
}

// Backspace at the start of a paragraph (or Delete at the end of the one before): a join mark
// at the start of the second paragraph, once.
function $suggestJoin(at: LexicalNode, backward: boolean, context: SuggestContext): void {
  const block = $blockOf(at);
  if (block === null) return;
  const second = backward ? block : block.getNextSibling();
  const first = second?.getPreviousSibling();
  if (!$isTextBlock(first) || !$isTextBlock(second)) return;
  const head = second.getFirstChild();
  if ($isSuggestionBreakNode(head) && head.getKind() === 'join') return;
  const mark = $createSuggestionBreakNode('join', context.newInfo());
  if (head) head.insertBefore(mark);
  else second.append(mark);
  if (backward) $selectAfter(mark);
}

// Enter in suggestion mode: a split mark at the caret (a selection is first marked deleted),
// and the caret after it, so what is typed next is an insertion in the would-be new paragraph.
export function $insertSuggestedBreak(context: SuggestContext): boolean {
  const selection = $caretAfterSuggestedDeletion(context);
  if (selection === false || selection === true) return selection;
  if (!$isTextBlock($blockOf(selection.anchor.getNode()))) return true;
  const mark = $createSuggestionBreakNode('split', context.newInfo());
  $placeInline(selection.anchor, mark);
  $selectAfter(mark);
  return true;
}

// Shift+Enter in suggestion mode: the line break is inserted text like any other.
export function $insertSuggestedLineBreak(context: SuggestContext): boolean {
  const selection = $caretAfterSuggestedDeletion(context);
  if (selection === false || selection === true) return selection;
  const own = $ownInsertAt(selection.anchor, context);
  if (own) {
    own.node.select(own.offset, own.offset);
    const inside = $getSelection();
    if ($isRangeSelection(inside)) inside.insertLineBreak();
    return true;
  }
  const insert = $createSuggestionInsertNode(context.newInfo());
  insert.append($createLineBreakNode());
  $placeInline(selection.anchor, insert);
  $selectAfter(insert);
  return true;
}

// A text node emptied by taking back one's own insertion: the caret goes where it was, and
// the insertion goes if nothing is left of it.
function $removeEmptied(node: TextNode, insert: SuggestionInsertNode): void {
  if (insert.getTextContentSize() === 0) {
    $selectBefore(insert);
    insert.remove();
    return;
  }
  const previous = node.getPreviousSibling();
  const next = node.getNextSibling();
  if ($isTextNode(previous)) previous.select(previous.getTextContentSize(), previous.getTextContentSize());
  else if ($isTextNode(next)) next.select(0, 0);
  node.remove();
}

// The text [start, end) of a node as a node of its own.
function $isolate(node: TextNode, start: number, end: number): TextNode {
  const size = node.getTextContentSize();
  if (start <= 0 && end >= size) return node;
  const offsets = [start, end].filter((offset) => offset > 0 && offset < size);
  const parts = node.splitText(...offsets);
  return start > 0 ? parts[1]! : parts[0]!;
}

// A selection deleted in suggestion mode: its text (in each block) wrapped in a deletion, one's
// own insertions in it really removed, and the caret put before (Backspace) or after it.
export function $markSelectionDeleted(selection: RangeSelection, backward: boolean, context: SuggestContext): void {
  const [start, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
  const startBlock = $blockOf(start.getNode());
  const endBlock = $blockOf(end.getNode());
  const nodes = selection.extract();
  const info = context.newInfo();
  let current: SuggestionDeleteNode | null = null;
  let first: LexicalNode | null = null;
  let last: LexicalNode | null = null;
  const taken: LexicalNode[] = [];
  for (const node of nodes) {
    if (!$isTextNode(node) && !$isLineBreakNode(node)) continue;
    if (!node.isAttached()) continue;
    const around = $closestSuggestion(node);
    if ($isSuggestionDeleteNode(around)) {
      current = null;
      first ??= around;
      last = around;
      continue;
    }
    if ($isSuggestionInsertNode(around) && context.isMine(around)) {
      taken.push(node);
      current = null;
      continue;
    }
    if (current === null || node.getPreviousSibling() !== current) {
      current = $createSuggestionDeleteNode(info);
      node.insertBefore(current);
    }
    current.append(node);
    first ??= current;
    last = current;
  }
  $suggestJoinsBetween(startBlock, endBlock, info);
  if (first !== null && last !== null) {
    if (backward) $selectBefore(first);
    else $selectAfter(last);
  } else if (taken[0]) {
    $selectBefore(taken[0]);
  }
  for (const node of taken) {
    const insert = $closestSuggestion(node);
    node.remove();
    if (insert && insert.isAttached() && insert.getTextContentSize() === 0) insert.remove();
  }
  const after = $getSelection();
  if ($isRangeSelection(after) && !after.isCollapsed()) {
    const point = backward ? after.anchor : after.focus;
    after.anchor.set(point.key, point.offset, point.type);
    after.focus.set(point.key, point.offset, point.type);
  }
}

// The paragraph marks a deleted selection takes with its text: each block after the first, up
// to the last, is joined to the one before, in the same suggestion as the text, so accepting
// it leaves one paragraph, as the deletion would have without suggesting.
function $suggestJoinsBetween(startBlock: ElementNode | null, endBlock: ElementNode | null, info: SuggestionInfo): void {
  if (startBlock === null || endBlock === null || startBlock.is(endBlock)) return;
  const parent = startBlock.getParent();
  if (parent === null || !parent.is(endBlock.getParent())) return;
  for (let block = startBlock.getNextSibling(); block !== null; block = block.getNextSibling()) {
    const head = $isTextBlock(block) && $isTextBlock(block.getPreviousSibling()) ? block.getFirstChild() : undefined;
    const joined = $isSuggestionBreakNode(head) && head.getKind() === 'join';
    if (head !== undefined && !joined) {
      const mark = $createSuggestionBreakNode('join', info);
      if (head) head.insertBefore(mark);
      else (block as ElementNode).append(mark);
    }
    if (block.is(endBlock)) return;
  }
}

export type Decision = 'accepted' | 'rejected';

function $allSuggestionNodes(): Array<Suggestion | SuggestionBreakNode> {
  const found: Array<Suggestion | SuggestionBreakNode> = [];
  const visit = (element: ElementNode) => {
    for (const child of element.getChildren()) {
      if ($isSuggestionNode(child) || $isSuggestionBreakNode(child)) found.push(child);
      if ($isElementNode(child)) visit(child);
    }
  };
  visit($getRoot());
  return found;
}

// An accepted split: the paragraph breaks where the mark is, as Enter there would have done
// (inline elements around it are cut in two; a list item gets a new item).
function $acceptSplit(mark: SuggestionBreakNode): void {
  const parent = mark.getParentOrThrow();
  const index = mark.getIndexWithinParent();
  mark.remove();
  const selection = $createRangeSelection();
  selection.anchor.set(parent.getKey(), index, 'element');
  selection.focus.set(parent.getKey(), index, 'element');
  $setSelection(selection);
  selection.insertParagraph();
}

// An accepted join: the paragraph's content goes on the end of the one before.
function $acceptJoin(mark: SuggestionBreakNode): void {
  const second = $blockOf(mark);
  mark.remove();
  const first = second?.getPreviousSibling();
  if (!$isTextBlock(first) || !$isTextBlock(second)) return;
  const size = first.getChildrenSize();
  first.append(...second.getChildren());
  second.remove();
  first.select(size, size);
}

function $unwrap(node: ElementNode): void {
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

// Accepting an insertion keeps its text, rejecting it removes it; accepting a deletion removes
// the text, rejecting it keeps it. Returns the ids found in the body.
export function $decideSuggestions(decisions: ReadonlyMap<string, Decision>): string[] {
  const done = new Set<string>();
  // Inner suggestions first, so an insertion inside someone's deletion is decided on its own.
  for (const node of $allSuggestionNodes().reverse()) {
    if (!node.isAttached()) continue;
    const id = node.getSuggestionId();
    const decision = decisions.get(id);
    if (!decision) continue;
    done.add(id);
    if ($isSuggestionBreakNode(node)) {
      if (decision === 'rejected') node.remove();
      else if (node.getKind() === 'split') $acceptSplit(node);
      else $acceptJoin(node);
      continue;
    }
    const keepsText = $isSuggestionInsertNode(node) === (decision === 'accepted');
    if (keepsText) $unwrap(node);
    else node.remove();
  }
  return [...done];
}

// Every suggestion still in the body, for "accept all" and "reject all".
export function $openSuggestionIds(): string[] {
  return [...new Set($allSuggestionNodes().map((node) => node.getSuggestionId()))];
}
