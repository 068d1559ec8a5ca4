// Microsoft Word (desktop) specifics. Word does not emit <ul>/<ol>: a list is a run of sibling
// paragraphs styled `mso-list:l<list> level<depth> lfo<instance>`, each starting with a marker
// ("·", "o", "1.", "a)") inside <span style="mso-list:Ignore">. We rebuild real lists from that.
//
// Known limits, all cases where the clipboard does not carry enough to do better:
// - The list kind comes from the marker text, not from the `@list` rules in Word's <style>, so a
//   numbered list whose marker is a bare glyph (a custom "picture" number) becomes bulleted.
// - A non-list paragraph inside a list (an unnumbered continuation paragraph) ends the run: the
//   list continues as a second list and, having no `start` attribute, restarts at 1.
// - Without the `mso-list:Ignore` span (some Outlook and Word-for-Mac copies) the typed marker
//   stays at the start of the item's text.
// - Numbered headings (`<h1 style="mso-list:…">`) stay headings and keep their number as text.

import { elementsByTag, elementsWhere, findAncestor, hasContent, isElement, remove, removeNodes, rename, tagOf } from './dom.ts';
import { readStyle, PASTED_STYLE } from './inline-style.ts';

type ListKind = 'ul' | 'ol';

type WordListItem = {
  paragraph: Element;
  level: number;
  instance: string;
};

type OpenList = { level: number; list: Element };

const MSO_LIST = /l(\d+)\s+level(\d+)(?:\s+lfo(\d+))?/;

// An ordered marker is a number, letter or roman numeral closed by "." or ")", e.g. "1.",
// "1.2.", "a)", "(iv)", "가.". Bullets are single glyphs ("·", "o", "§", "Ø") with no closer;
// note that Word's second-level bullet is a literal "o" in Courier New.
const ORDERED_MARKER = /^\(?[\p{L}\p{N}]{1,6}(?:\.[\p{N}]+)*[.)]$/u;

// Word's class names for its built-in paragraph styles that have an HTML equivalent.
const CLASS_TO_TAG: Readonly<Record<string, string>> = {
  MsoTitle: 'h1',
  MsoQuote: 'blockquote',
  MsoIntenseQuote: 'blockquote',
};

/**
 * Drops Word's `<o:p>` paragraph-end markers. In an otherwise empty paragraph the marker's
 * `&nbsp;` is the only thing that keeps a blank line the writer typed, so there it becomes
 * a <br>, the same blank-line shape Google Docs and HWP produce.
 */
export function removeOfficeParagraphMarks(root: Element): void {
  for (const el of elementsByTag(root, ['o:p'])) {
    const paragraph = findAncestor(el, (ancestor) => tagOf(ancestor) === 'p');
    const marksBlankLine = paragraph !== null && !hasContent(paragraph) && (el.textContent ?? '') !== '';
    if (marksBlankLine) el.parentNode?.replaceChild(el.ownerDocument.createElement('br'), el);
    else remove(el);
  }
}

export function convertWordStyleClasses(root: Element): void {
  for (const el of elementsWhere(root, (p) => tagOf(p) === 'p' && p.hasAttribute('class'))) {
    const target = CLASS_TO_TAG[el.getAttribute('class') ?? ''];
    if (target !== undefined) rename(el, target);
  }
}

/** Replaces each run of Word list paragraphs with nested <ul>/<ol><li>. */
export function convertWordLists(root: Element): void {
  const consumed = new Set<Element>();
  for (const paragraph of elementsWhere(root, isWordListParagraph)) {
    if (consumed.has(paragraph)) continue;
    const run = collectRun(paragraph);
    for (const item of run) consumed.add(item.paragraph);
    buildLists(run);
  }
  // The emptied paragraphs go in one batch: Word puts them straight under a long <body>.
  removeNodes([...consumed]);
}

export function isWordListParagraph(el: Element): boolean {
  return tagOf(el) === 'p' && el.hasAttribute(PASTED_STYLE) && readListItem(el) !== null;
}

function readListItem(paragraph: Element): WordListItem | null {
  const msoList = readStyle(paragraph).get('mso-list');
  if (msoList === undefined) return null;
  const match = MSO_LIST.exec(msoList);
  if (match === null) return null; // "mso-list:none" switches numbering off: a plain paragraph
  return {
    paragraph,
    level: Number(match[2]),
    instance: `${match[1] ?? ''}/${match[3] ?? ''}`,
  };
}

/** Removes the visible marker (Lexical draws its own) and tells which kind of list it marked. */
function takeMarker(paragraph: Element): ListKind {
  const marker = findMarker(paragraph);
  if (marker === null) return 'ul';
  const text = (marker.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  remove(marker);
  return ORDERED_MARKER.test(text) ? 'ol' : 'ul';
}

function findMarker(paragraph: Element): Element | null {
  for (const span of elementsWhere(paragraph, (el) => el.hasAttribute(PASTED_STYLE))) {
    if (readStyle(span).get('mso-list') === 'ignore') return span;
  }
  return null;
}

// Consecutive element siblings belong to one list while they share Word's list instance (lfo);
// a different instance right after is a separate list, as in Word.
function collectRun(first: Element): WordListItem[] {
  const run: WordListItem[] = [];
  let node: Element | null = first;
  while (node !== null && tagOf(node) === 'p') {
    const item = readListItem(node);
    const head = run[0];
    if (item === null || (head !== undefined && item.instance !== head.instance)) break;
    run.push(item);
    node = node.nextElementSibling;
  }
  return run;
}

function buildLists(run: readonly WordListItem[]): void {
  const first = run[0];
  if (first === undefined) return;
  const doc = first.paragraph.ownerDocument;
  const anchor = first.paragraph;
  const stack: OpenList[] = [];
  for (const item of run) {
    const kind = takeMarker(item.paragraph);
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) > item.level) stack.pop();
    const top = stack.at(-1);
    if (top === undefined) {
      stack.push({ level: item.level, list: insertListBefore(anchor, kind) });
    } else if (top.level < item.level) {
      stack.push({ level: item.level, list: nestList(top.list, kind) });
    } else if (tagOf(top.list) !== kind) {
      stack[stack.length - 1] = { level: item.level, list: siblingList(top.list, kind) };
    }
    const li = doc.createElement('li');
    while (item.paragraph.firstChild !== null) li.appendChild(item.paragraph.firstChild);
    stack.at(-1)?.list.appendChild(li);
  }
}

function insertListBefore(anchor: Element, kind: ListKind): Element {
  const list = anchor.ownerDocument.createElement(kind);
  anchor.parentNode?.insertBefore(list, anchor);
  return list;
}

// A deeper level belongs inside the previous item, which is how HTML nests lists.
function nestList(parent: Element, kind: ListKind): Element {
  const doc = parent.ownerDocument;
  let host = parent.lastElementChild;
  if (host === null || !isElement(host) || tagOf(host) !== 'li') {
    host = doc.createElement('li');
    parent.appendChild(host);
  }
  const list = doc.createElement(kind);
  host.appendChild(list);
  return list;
}

function siblingList(current: Element, kind: ListKind): Element {
  const list = current.ownerDocument.createElement(kind);
  current.parentNode?.insertBefore(list, current.nextSibling);
  return list;
}
