import { renameStyleAttributes } from './inline-style.ts';
// Entry point for cleaning clipboard HTML before Lexical imports it. The passes run on a parsed
// document while inline styles are still there (they carry Google Docs' bold, Word's lists and
// HWP's formatting), then DOMPurify applies the allow-list and drops every attribute but a few.

import {
  convertContainers,
  dropUnusedAttributes,
  hoistBlocks,
  normalizeLists,
  normalizeTables,
  normalizeText,
  removeEmptyBlocks,
  removeEmptyInlines,
  removeJunk,
  wrapLooseInline,
} from './structure.ts';
import { unwrapDocsWrapper } from './google-docs.ts';
import { applyImagePolicy, applyLinkPolicy } from './links-images.ts';
import { purify } from './purify.ts';
import { appendSegment, splitIntoSegments } from './segments.ts';
import { convertStyleFormats, normalizeTags } from './semantic.ts';
import { convertWordLists, convertWordStyleClasses, removeOfficeParagraphMarks } from './word.ts';

// Order matters: wrappers that cancel bold go before style conversion, Word lists are read
// before anything touches `style`, and block structure is fixed after formats are in place.
// Each pass only relates a node to its neighbours inside one segment (see segments.ts).
const SEGMENT_PASSES: ReadonlyArray<(root: HTMLElement) => void> = [
  removeJunk,
  unwrapDocsWrapper,
  removeOfficeParagraphMarks,
  convertWordLists,
  convertWordStyleClasses,
  normalizeTags,
  convertStyleFormats,
  applyLinkPolicy,
  applyImagePolicy,
  dropUnusedAttributes,
  convertContainers,
  hoistBlocks,
  normalizeLists,
  normalizeTables,
  removeEmptyInlines,
  removeEmptyBlocks,
  normalizeText,
];

/**
 * Returns HTML that holds only headings (h1-h3), paragraphs, lists, tables, safe links,
 * bold/italic/underline/strikethrough, blockquote, hr, br and data: images, with no attributes
 * beyond href, src, alt, colspan and rowspan.
 */
export function sanitizePastedHtml(html: string, window: Window & typeof globalThis): string {
  const body = new window.DOMParser().parseFromString(renameStyleAttributes(html), 'text/html').body;
  for (const segment of splitIntoSegments(body)) {
    for (const pass of SEGMENT_PASSES) pass(segment);
    appendSegment(body, segment);
  }
  // Whether loose text needs a paragraph depends on the whole paste, not on one segment.
  wrapLooseInline(body);
  return purify(body, window).trim();
}
