// The allow-list. The passes before it shape the tree; DOMPurify is the part that guarantees
// nothing outside this list reaches Lexical, whatever the passes missed.

import DOMPurify from 'dompurify';
import type { Config, DOMPurify as Purifier } from 'dompurify';
import { takeChildren } from './dom.ts';

export const ALLOWED_TAGS: readonly string[] = [
  'h1', 'h2', 'h3', 'p', 'br', 'hr', 'blockquote',
  'ul', 'ol', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'a', 'strong', 'em', 'u', 's',
  'img',
];

export const ALLOWED_ATTRIBUTES: readonly string[] = ['href', 'colspan', 'rowspan', 'src', 'alt'];

const CONFIG: Config = {
  // 'body' is DOMPurify's own walk root, never content (the parser cannot nest one): left off
  // the list, DOMPurify "removes" the root by deep-cloning everything into <html>.
  ALLOWED_TAGS: [...ALLOWED_TAGS, 'body'],
  ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES],
  // DOMPurify checks every attribute value not marked URI-safe against ALLOWED_URI_REGEXP, so
  // the numeric table attributes must be marked or "2" would fail the scheme pattern below.
  ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
  // data: image sources pass through DOMPurify's own data-URI rule for <img>, not this pattern.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  SAFE_FOR_XML: true,
};

// DOMPurify binds to one window; the renderer has one, each test file has its own jsdom.
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(window: Window & typeof globalThis): Purifier {
  let purifier = purifiers.get(window);
  if (purifier === undefined) {
    purifier = DOMPurify(window);
    // An unsupported DOMPurify returns its input untouched; never let that through silently.
    if (!purifier.isSupported) throw new Error('DOMPurify cannot run in this window');
    purifiers.set(window, purifier);
  }
  return purifier;
}

/** Serializes the children of `body` through the allow-list. */
export function purify(body: HTMLElement, window: Window & typeof globalThis): string {
  // Handing DOMPurify the parsed tree rather than its serialization saves re-parsing a
  // multi-megabyte paste. A fragment, because DOMPurify cannot take a detached <body> as its
  // root, and a wrapper element would make jsdom re-scan a live child list per hoisted child.
  return purifierFor(window).sanitize(takeChildren(body), CONFIG);
}
