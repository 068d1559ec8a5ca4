import { PASTED_STYLE } from './inline-style.ts';
// DOM helpers shared by the paste passes. They use nodeType numbers instead of `instanceof`
// because the document may come from a jsdom window whose classes differ from the globals.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const SHOW_TEXT = 0x4;
export const SHOW_COMMENT = 0x80;

/** Elements that make their own block in the output; everything else is treated as inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/** Lower-cased local name; namespaced Office tags keep their prefix ("o:p", "st1:place"). */
export function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

export function isBlock(node: Node): boolean {
  return isElement(node) && BLOCK_TAGS.has(tagOf(node));
}

// A hand-written walk: querySelector with a 45-way selector list costs tens of microseconds
// per call in jsdom, and this runs for every inline element of a multi-megabyte paste.
export function containsBlock(el: Element): boolean {
  for (let node = el.firstElementChild; node !== null; node = nextInDocumentOrder(node, el)) {
    if (BLOCK_TAGS.has(tagOf(node))) return true;
  }
  return false;
}

/**
 * Snapshot of an element's children. Never read `.childNodes`/`.children` in these passes:
 * once read, jsdom re-snapshots that live list on every later change to the parent, which
 * turns edits of a 5 MB paste's <body> quadratic.
 */
export function childList(el: Node): Node[] {
  const children: Node[] = [];
  for (let child = el.firstChild; child !== null; child = child.nextSibling) children.push(child);
  return children;
}

/**
 * Descendants of `root` in document order, as a snapshot because every pass mutates the tree
 * while it walks. A hand-written walk: in jsdom it is ~10x faster than querySelectorAll('*'),
 * and far faster than a selector list, on a multi-megabyte paste.
 */
export function elementsWhere(root: Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  let el = root.firstElementChild;
  while (el !== null) {
    if (test(el)) found.push(el);
    el = nextInDocumentOrder(el, root);
  }
  return found;
}

// Iterative rather than recursive so that absurdly deep markup cannot overflow the stack.
function nextInDocumentOrder(el: Element, root: Element): Element | null {
  if (el.firstElementChild !== null) return el.firstElementChild;
  for (let current: Element | null = el; current !== null && current !== root; current = current.parentElement) {
    if (current.nextElementSibling !== null) return current.nextElementSibling;
  }
  return null;
}

export function allElements(root: Element): Element[] {
  return elementsWhere(root, () => true);
}

export function elementsByTag(root: Element, tags: readonly string[]): Element[] {
  const wanted = new Set(tags);
  return elementsWhere(root, (el) => wanted.has(tagOf(el)));
}

/** Nearest inclusive ancestor passing `test`, without a selector engine (see elementsWhere). */
export function findAncestor(el: Element, test: (candidate: Element) => boolean): Element | null {
  for (let current: Element | null = el; current !== null; current = current.parentElement) {
    if (test(current)) return current;
  }
  return null;
}

// Children travel through a fragment: taking a first child and inserting a fragment are O(1)
// in jsdom, whereas inserting each child before `el` recounts `el`'s index every time, which is
// quadratic when Google Docs' wrapper holds thousands of paragraphs.
export function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (parent === null) return;
  parent.replaceChild(takeChildren(el), el);
}

export function takeChildren(el: Element): DocumentFragment {
  const fragment = el.ownerDocument.createDocumentFragment();
  while (el.firstChild !== null) fragment.appendChild(el.firstChild);
  return fragment;
}

// Only attributes that a later pass still reads survive a rename; copying every attribute would
// throw on the odd names Word and HWP emit (e.g. `w:st`) and could carry junk along.
const ATTRIBUTES_KEPT_ON_RENAME = [PASTED_STYLE, 'href', 'src', 'alt', 'colspan', 'rowspan', 'width', 'height'];

export function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  for (const name of ATTRIBUTES_KEPT_ON_RENAME) {
    const value = el.getAttribute(name);
    if (value !== null) next.setAttribute(name, value);
  }
  while (el.firstChild !== null) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
}

export function remove(node: Node): void {
  node.parentNode?.removeChild(node);
}

// Below this many children a parent is cheap to edit one node at a time.
const SMALL_PARENT = 64;

/**
 * Removes many nodes at once. jsdom recounts a child's index on every removal, so removing
 * thousands of whitespace nodes from one big <tbody> or <body> one by one is quadratic; a big
 * parent is instead rebuilt once without them.
 */
export function removeNodes(nodes: readonly Node[]): void {
  const byParent = new Map<Node, Set<Node>>();
  for (const node of nodes) {
    const parent = node.parentNode;
    if (parent === null) continue;
    const doomed = byParent.get(parent) ?? new Set<Node>();
    doomed.add(node);
    byParent.set(parent, doomed);
  }
  for (const [parent, doomed] of byParent) {
    if (doomed.size < SMALL_PARENT / 8 || childCount(parent) < SMALL_PARENT) {
      doomed.forEach(remove);
      continue;
    }
    const keep = childList(parent).filter((child) => !doomed.has(child));
    while (parent.firstChild !== null) parent.removeChild(parent.firstChild);
    for (const child of keep) parent.appendChild(child);
  }
}

function childCount(parent: Node): number {
  let count = 0;
  for (let child = parent.firstChild; child !== null; child = child.nextSibling) count += 1;
  return count;
}

/** Text a reader would see; NBSP counts as blank so Word's `&nbsp;` fillers read as empty. */
export function hasVisibleText(node: Node): boolean {
  return /[^\s\u00a0\u200b\ufeff]/.test(node.textContent ?? '');
}

/** Content worth keeping: visible text, or an image / line break that survived the passes. */
export function hasContent(node: Node): boolean {
  if (hasVisibleText(node)) return true;
  if (!isElement(node)) return false;
  const tag = tagOf(node);
  if (tag === 'img' || tag === 'br' || tag === 'hr') return true;
  return node.querySelector('img,br,hr') !== null;
}

export function collectNodes(root: Node, whatToShow: number): Node[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, whatToShow);
  const nodes: Node[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node);
  return nodes;
}
