// Turns formatting that only lives in CSS into the semantic tags Lexical understands, and
// normalizes the tag vocabulary. Must run before DOMPurify strips `style` attributes.

import {
  childList,
  containsBlock,
  elementsByTag,
  elementsWhere,
  findAncestor,
  hasVisibleText,
  isBlock,
  isElement,
  rename,
  tagOf,
  unwrap,
} from './dom.ts';
import { formatsFromStyle, isNormalWeight, readStyle, type InlineFormat, PASTED_STYLE } from './inline-style.ts';

const FORMAT_TAGS: Readonly<Record<InlineFormat, string>> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strikethrough: 's',
};

// An ancestor that already renders the format. Headings and table headers are bold anyway, and
// links are underlined anyway: wrapping their text would store a redundant format in Lexical
// that the writer never chose (Google Docs styles every link span with text-decoration:underline).
const ALREADY_FORMATTED: Readonly<Record<InlineFormat, ReadonlySet<string>>> = {
  bold: new Set(['strong', 'b', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']),
  italic: new Set(['em', 'i']),
  underline: new Set(['u', 'a']),
  strikethrough: new Set(['s', 'strike', 'del']),
};

function isFormattedBy(format: InlineFormat, el: Element): boolean {
  const tag = tagOf(el);
  // An <a> without href (a Word bookmark) is unwrapped later, so it does not underline.
  if (tag === 'a') return format === 'underline' && el.hasAttribute('href');
  return ALREADY_FORMATTED[format].has(tag);
}

const TAG_RENAMES: Readonly<Record<string, string>> = {
  b: 'strong',
  i: 'em',
  strike: 's',
  del: 's',
  h4: 'h3',
  h5: 'h3',
  h6: 'h3',
  tfoot: 'tbody',
};

/** b→strong, i→em, h4-h6→h3…; also drops `<b>`/`<i>` whose own style cancels them. */
export function normalizeTags(root: Element): void {
  for (const el of elementsByTag(root, Object.keys(TAG_RENAMES).concat('strong', 'em'))) {
    if (cancelsItself(el)) {
      unwrap(el);
      continue;
    }
    const target = TAG_RENAMES[tagOf(el)];
    if (target !== undefined) rename(el, target);
  }
}

// Google Docs wraps the whole paste in <b style="font-weight:normal">; any b/strong or i/em
// whose own style says "normal" is a wrapper, not formatting.
function cancelsItself(el: Element): boolean {
  const tag = tagOf(el);
  const style = readStyle(el);
  if (tag === 'b' || tag === 'strong') return isNormalWeight(style.get('font-weight'));
  if (tag === 'i' || tag === 'em') return style.get('font-style') === 'normal';
  return false;
}

/** Wraps the content of every element styled bold/italic/underline/strike in the matching tag. */
export function convertStyleFormats(root: Element): void {
  for (const el of elementsWhere(root, (candidate) => candidate.hasAttribute(PASTED_STYLE))) {
    const formats = [...formatsFromStyle(readStyle(el))].filter(
      (format) => findAncestor(el, (ancestor) => isFormattedBy(format, ancestor)) === null,
    );
    if (formats.length > 0) {
      const tags = formats.map((format) => FORMAT_TAGS[format]);
      wrapInlineRuns(el, () => createChain(el.ownerDocument, tags));
    }
  }
}

export type Wrapper = { outer: Element; inner: Element };

function createChain(doc: Document, tags: readonly string[]): Wrapper {
  const [first, ...rest] = tags.map((tag) => doc.createElement(tag));
  if (first === undefined) throw new Error('createChain needs at least one tag');
  let inner = first;
  for (const next of rest) {
    inner.appendChild(next);
    inner = next;
  }
  return { outer: first, inner };
}

/**
 * Wraps each maximal run of inline children in a fresh wrapper, descending into block children,
 * so `<div style="font-weight:bold"><p>a</p></div>` becomes `<div><p><strong>a</strong></p></div>`
 * instead of an inline element around blocks, which Lexical cannot represent.
 */
export function wrapInlineRuns(container: Element, makeWrapper: () => Wrapper): void {
  let run: Node[] = [];
  const flush = (): void => {
    if (run.some(isWorthWrapping)) wrapRun(run, makeWrapper());
    run = [];
  };
  for (const child of childList(container)) {
    if (isElement(child) && (isBlock(child) || containsBlock(child))) {
      flush();
      wrapInlineRuns(child, makeWrapper);
    } else {
      run.push(child);
    }
  }
  flush();
}

function isWorthWrapping(node: Node): boolean {
  if (hasVisibleText(node)) return true;
  return isElement(node) && (tagOf(node) === 'img' || node.querySelector('img') !== null);
}

function wrapRun(run: readonly Node[], wrapper: Wrapper): void {
  const first = run[0];
  if (first === undefined || first.parentNode === null) return;
  first.parentNode.insertBefore(wrapper.outer, first);
  for (const node of run) wrapper.inner.appendChild(node);
}
