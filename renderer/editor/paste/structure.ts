// Structural clean-up so the tree only holds shapes Lexical can import: no junk elements, no
// blocks inside inline elements or paragraphs, lists and tables in their standard HTML form.

import {
  COMMENT_NODE,
  childList,
  SHOW_COMMENT,
  SHOW_TEXT,
  allElements,
  collectNodes,
  containsBlock,
  elementsByTag,
  elementsWhere,
  findAncestor,
  hasContent,
  hasVisibleText,
  isBlock,
  isElement,
  isText,
  remove,
  removeNodes,
  rename,
  tagOf,
  takeChildren,
  unwrap,
} from './dom.ts';
import { ALLOWED_ATTRIBUTES } from './purify.ts';
import { wrapInlineRuns } from './semantic.ts';

// Removed with everything inside: their content is code, metadata, UI chrome or media that is
// meaningless (or dangerous) as article text.
const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'applet', 'area', 'audio', 'base', 'button', 'canvas', 'col', 'colgroup', 'datalist', 'embed',
  'frame', 'frameset', 'head', 'iframe', 'input', 'link', 'map', 'math', 'meta', 'meter',
  'noembed', 'noframes', 'noscript', 'object', 'optgroup', 'option', 'output', 'progress',
  'script', 'select', 'source', 'style', 'svg', 'template', 'textarea', 'title', 'track',
  'video', 'xml',
]);

// Office namespaces whose elements never hold article text: VML shapes (v:). Word's paragraph
// mark (o:p) is handled in word.ts; other prefixed tags such as its smart tags (st1:place) wrap
// real words, so they are left for DOMPurify to unwrap.
const DROP_PREFIXES = ['v:'];

// Generic containers: a paragraph when they hold only inline content, unwrapped otherwise.
// Left as they are, DOMPurify would unwrap them all and run sibling lines together.
const CONTAINER_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'legend', 'main',
  'nav', 'pre', 'section', 'summary',
]);

const INLINE_ONLY_PARENTS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function isInlineOnlyParent(el: Element): boolean {
  return INLINE_ONLY_PARENTS.includes(tagOf(el));
}

export function removeJunk(root: Element): void {
  removeNodes(collectNodes(root, SHOW_COMMENT).filter((node) => node.nodeType === COMMENT_NODE));
  removeNodes(elementsWhere(root, isJunk));
}

function isJunk(el: Element): boolean {
  const tag = tagOf(el);
  if (DROP_WITH_CONTENT.has(tag) || DROP_PREFIXES.some((prefix) => tag.startsWith(prefix))) return true;
  // Chrome and Safari append this <br> to mark the copied range's trailing newline.
  return tag === 'br' && el.classList.contains('Apple-interchange-newline');
}

const KEPT_ATTRIBUTES: ReadonlySet<string> = new Set(ALLOWED_ATTRIBUTES);

/**
 * Drops every attribute the allow-list would drop, once the passes that read styles and classes
 * are done. DOMPurify would do it anyway; doing it here first keeps jsdom from re-parsing each
 * `style` through its CSS engine whenever a later pass or DOMPurify clones an element.
 */
export function dropUnusedAttributes(root: Element): void {
  for (const el of allElements(root)) {
    const names = el.getAttributeNames();
    for (const name of names) {
      if (!KEPT_ATTRIBUTES.has(name.toLowerCase())) el.removeAttribute(name);
    }
  }
}

/** Deepest first, so a container decides after its own children became paragraphs or vanished. */
export function convertContainers(root: Element): void {
  for (const el of allElements(root).reverse()) {
    if (!CONTAINER_TAGS.has(tagOf(el))) continue;
    if (tagOf(el) === 'pre') preserveLineBreaks(el);
    const parent = el.parentElement;
    if (containsBlock(el) || (parent !== null && findAncestor(parent, isInlineOnlyParent) !== null)) {
      unwrap(el);
    } else if (hasContent(el)) {
      rename(el, 'p');
    } else {
      remove(el);
    }
  }
}

// Without white-space:pre the newlines of a <pre> would collapse into spaces.
function preserveLineBreaks(pre: Element): void {
  for (const node of collectNodes(pre, SHOW_TEXT)) {
    if (!isText(node) || !node.data.includes('\n')) continue;
    const lines = node.data.replace(/\n$/, '').split('\n');
    const doc = pre.ownerDocument;
    lines.forEach((line, index) => {
      if (index > 0) node.parentNode?.insertBefore(doc.createElement('br'), node);
      node.parentNode?.insertBefore(doc.createTextNode(line), node);
    });
    remove(node);
  }
}

/**
 * Moves blocks out of elements that may only hold inline content. HWP puts each <TABLE> inside
 * a <P>, and without a doctype the HTML parser keeps it there; web pages wrap whole cards in <a>.
 */
export function hoistBlocks(root: Element): void {
  for (const el of allElements(root).reverse()) {
    if (isBlock(el) || !containsBlock(el)) continue;
    // An inline element around blocks is re-applied inside each block, then dissolved.
    wrapInlineRuns(el, () => {
      const clone = el.cloneNode(false);
      if (!isElement(clone)) throw new Error('cloneNode(false) of an element returned a non-element');
      return { outer: clone, inner: clone };
    });
    unwrap(el);
  }
  for (const paragraph of elementsByTag(root, INLINE_ONLY_PARENTS)) splitAroundBlocks(paragraph);
}

function splitAroundBlocks(paragraph: Element): void {
  const parent = paragraph.parentNode;
  let children = childList(paragraph);
  if (parent === null || !children.some(isBlock)) return;
  // Some CMSs write <h2><p>Title</p></h2>: the heading is what the writer sees, so it stays one.
  if (tagOf(paragraph) !== 'p') {
    for (const child of children) if (isElement(child) && tagOf(child) === 'p') unwrap(child);
    children = childList(paragraph);
    if (!children.some(isBlock)) return;
  }
  let inline = paragraph.ownerDocument.createElement(tagOf(paragraph));
  for (const child of children) {
    if (!isBlock(child)) {
      inline.appendChild(child);
      continue;
    }
    if (hasContent(inline)) parent.insertBefore(inline, paragraph);
    parent.insertBefore(child, paragraph);
    inline = paragraph.ownerDocument.createElement(tagOf(paragraph));
  }
  // Inline content after the last block stays in the original element, which keeps its place.
  while (inline.firstChild !== null) paragraph.appendChild(inline.firstChild);
  if (!hasContent(paragraph)) remove(paragraph);
}

/** Standard nested-list shape: sub-lists inside an <li>, items without a <p> wrapper. */
export function normalizeLists(root: Element): void {
  for (const list of elementsByTag(root, ['ul', 'ol'])) adoptStrayListChildren(list);
  for (const li of elementsByTag(root, ['li'])) {
    if (li.parentElement === null || !['ul', 'ol'].includes(tagOf(li.parentElement))) wrapOrphanItem(li);
    flattenItemParagraphs(li);
  }
}

// Google Docs writes a sub-list as a direct child of its parent list: <ul><li/><ul>…</ul></ul>.
function adoptStrayListChildren(list: Element): void {
  for (const child of childList(list)) {
    if (isElement(child) && tagOf(child) === 'li') continue;
    if (!isElement(child) && !hasVisibleText(child)) {
      remove(child);
      continue;
    }
    const previous = child.previousSibling;
    const host =
      previous !== null && isElement(previous) && tagOf(previous) === 'li'
        ? previous
        : list.insertBefore(list.ownerDocument.createElement('li'), child);
    host.appendChild(child);
  }
}

// A partial copy from a web page can start in the middle of a list and carry bare <li>s.
function wrapOrphanItem(li: Element): void {
  const previous = li.previousElementSibling;
  if (previous !== null && tagOf(previous) === 'ul' && li.previousSibling === previous) {
    previous.appendChild(li);
    return;
  }
  const list = li.ownerDocument.createElement('ul');
  li.parentNode?.insertBefore(list, li);
  list.appendChild(li);
}

// Google Docs puts a <p> inside every <li>; several paragraphs in one item become line breaks.
function flattenItemParagraphs(li: Element): void {
  const paragraphs = childList(li).filter((child): child is Element => isElement(child) && tagOf(child) === 'p');
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) li.insertBefore(li.ownerDocument.createElement('br'), paragraph);
    unwrap(paragraph);
  });
}

/** Lexical has no table caption: keep its text as a paragraph right above the table. */
export function normalizeTables(root: Element): void {
  for (const caption of elementsByTag(root, ['caption'])) {
    const table = findAncestor(caption, (el) => tagOf(el) === 'table');
    if (table === null || !hasContent(caption)) {
      remove(caption);
      continue;
    }
    const paragraph = rename(caption, 'p');
    table.parentNode?.insertBefore(paragraph, table);
  }
}

/** Formatting and links left with nothing inside (their image was dropped, say) go too. */
export function removeEmptyInlines(root: Element): void {
  for (const el of elementsByTag(root, ['strong', 'em', 'u', 's', 'a', 'span', 'font']).reverse()) {
    if (hasContent(el)) continue;
    if (hasWhitespace(el)) unwrap(el);
    else remove(el);
  }
}

function hasWhitespace(el: Element): boolean {
  return (el.textContent ?? '') !== '';
}

/**
 * Text next to blocks at the top level would be imported as loose inline nodes and glued to
 * the neighbouring paragraph, so it gets its own <p>. A paste that is inline only (a few words
 * from a web page) is left alone so that it flows into the writer's current paragraph.
 */
export function wrapLooseInline(container: Element): void {
  const children = childList(container);
  if (!children.some((child) => isBlock(child))) return;
  // Rebuilt from a detached list: moving nodes one by one inside a parent with thousands of
  // children is quadratic in jsdom, appending to it is not.
  takeChildren(container);
  let paragraph: Element | null = null;
  for (const child of children) {
    if (isBlock(child)) {
      paragraph = null;
      container.appendChild(child);
      continue;
    }
    if (paragraph === null) {
      if (!hasContent(child)) continue;
      paragraph = container.ownerDocument.createElement('p');
      container.appendChild(paragraph);
    }
    paragraph.appendChild(child);
  }
}

/** Blocks left with nothing in them (their only image was dropped, say) are removed. */
export function removeEmptyBlocks(root: Element): void {
  const blocks = elementsByTag(root, ['p', 'h1', 'h2', 'h3', 'blockquote', 'ul', 'ol']);
  removeNodes(blocks.filter((el) => !hasContent(el)));
}

/**
 * Collapses source formatting whitespace as a browser would (Word wraps its HTML at 80 columns,
 * HWP indents cells with tabs), drops it between blocks, and composes Unicode (NFC): some macOS
 * apps put decomposed Hangul jamo on the clipboard, which would break search and spell-check.
 */
export function normalizeText(root: Element): void {
  const formatting: Node[] = [];
  for (const node of collectNodes(root, SHOW_TEXT)) {
    if (!isText(node)) continue;
    if (isInterBlockWhitespace(node, root)) {
      formatting.push(node);
      continue;
    }
    const text = node.data.replace(/[\t\n\r ]+/g, ' ').normalize('NFC');
    if (text !== node.data) node.data = text;
  }
  removeNodes(formatting);
  for (const img of elementsWhere(root, (el) => tagOf(el) === 'img' && el.hasAttribute('alt'))) {
    img.setAttribute('alt', (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim().normalize('NFC'));
  }
}

// NBSP is content (HWP aligns with it), so only ASCII whitespace counts as formatting here.
// Inside an inline parent a lone space separates words (Chrome copies `<span> </span>`).
function isInterBlockWhitespace(node: Text, root: Element): boolean {
  if (/[^\t\n\r ]/.test(node.data)) return false;
  const parent = node.parentNode;
  if (parent === null || (parent !== root && !isBlock(parent))) return false;
  const previous = node.previousSibling;
  const next = node.nextSibling;
  return previous === null || next === null || isBlock(previous) || isBlock(next);
}
