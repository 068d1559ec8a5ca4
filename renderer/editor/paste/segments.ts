// Splits a long paste into independent segments. jsdom re-counts a child's position on every
// edit of its parent, so thousands of edits directly under a 5 MB paste's <body> are quadratic.
// Run on segments of a few hundred top-level nodes, the same passes stay linear; in a browser
// this costs nothing.

import { isBlock, isElement, takeChildren } from './dom.ts';
import { isDocsWrapper } from './google-docs.ts';
import { isWordListParagraph } from './word.ts';

const SEGMENT_SIZE = 256;

/**
 * Moves the children of `body` into detached holders. A segment only ever ends before a block
 * that starts something new, so nothing the passes relate across siblings is cut apart: a run
 * of Word list paragraphs, a list item following its list, or text beside inline elements.
 * Google Docs' wrapper, which holds the whole paste, is dissolved on the way: its children are
 * streamed into the segments as if they were top-level.
 */
export function splitIntoSegments(body: HTMLElement): HTMLElement[] {
  const doc = body.ownerDocument;
  const segments: HTMLElement[] = [];
  let current = doc.createElement('div');
  let size = 0;
  // Nodes are always taken from the front of a source, which jsdom does in constant time.
  const sources: Node[] = [body];
  while (sources.length > 0) {
    const source = sources.at(-1);
    const node = source?.firstChild ?? null;
    if (source === undefined || node === null) {
      sources.pop();
      continue;
    }
    if (isElement(node) && isDocsWrapper(node)) {
      source.removeChild(node);
      sources.push(node);
      continue;
    }
    if (size >= SEGMENT_SIZE && startsNewUnit(node)) {
      segments.push(current);
      current = doc.createElement('div');
      size = 0;
    }
    current.appendChild(node);
    size += 1;
  }
  segments.push(current);
  return segments;
}

function startsNewUnit(node: Node): boolean {
  if (!isElement(node) || !isBlock(node)) return false;
  const tag = node.localName.toLowerCase();
  return tag !== 'li' && tag !== 'ul' && tag !== 'ol' && !isWordListParagraph(node);
}

export function appendSegment(body: HTMLElement, segment: HTMLElement): void {
  body.appendChild(takeChildren(segment));
}
