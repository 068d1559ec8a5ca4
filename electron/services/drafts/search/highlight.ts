import type { StoredField } from './grams.ts';
import { nextMatch } from './matching.ts';
import type { QueryTerm } from './normalize.ts';
import { BODY, type FieldHighlight, FIELDS } from './types.ts';

// Highlights are computed only for the hits returned, never for every candidate.

const SNIPPET_LENGTH = 120;
// Context kept before the first match, so the reader sees what leads into it.
const SNIPPET_LEAD = 40;
// How far a snippet edge may move to land on a space instead of inside a word.
const SNAP = 15;
// A field with hundreds of matches gains nothing from more marks; bounds the work per hit.
const MAX_RANGES_PER_TERM = 100;

type Range = [start: number, end: number];

function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function matchesIn(terms: readonly QueryTerm[], field: StoredField, from: number, to: number): Range[] {
  const ranges: Range[] = [];
  for (const term of terms) {
    const length = term.text.length;
    let found = 0;
    for (let at = nextMatch(term, field, Math.max(0, from - length + 1)); at >= 0 && at < to; at = nextMatch(term, field, at + 1)) {
      ranges.push([Math.max(at, from) - from, Math.min(at + length, to) - from]);
      if (++found === MAX_RANGES_PER_TERM) break;
    }
  }
  return merge(ranges);
}

/** Sorted, with overlapping or touching ranges (from different terms) joined into one. */
export function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** [start, end) of a body snippet around the match at `first`. */
export function snippetWindow(text: string, first: number, firstEnd: number): Range {
  let start = Math.max(0, first - SNIPPET_LEAD);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  start = Math.max(0, end - SNIPPET_LENGTH);
  end = Math.max(end, firstEnd);
  if (start > 0) {
    for (let at = start; at < Math.min(start + SNAP, first); at++) {
      if (isSpace(text, at)) {
        start = at + 1;
        break;
      }
    }
  }
  if (end < text.length) {
    for (let at = end - 1; at > Math.max(end - SNAP, firstEnd); at--) {
      if (isSpace(text, at)) {
        end = at;
        break;
      }
    }
  }
  // Never cut an astral character in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  return [start, end];
}

function bodyHighlight(terms: readonly QueryTerm[], field: StoredField): FieldHighlight | null {
  let first = -1;
  let firstEnd = -1;
  for (const term of terms) {
    const at = nextMatch(term, field, 0);
    if (at >= 0 && (first < 0 || at < first)) {
      first = at;
      firstEnd = at + term.text.length;
    }
  }
  if (first < 0) return null;
  const [start, end] = snippetWindow(field.display, first, firstEnd);
  return { field: 'body', text: field.display.slice(start, end), ranges: matchesIn(terms, field, start, end), offset: start };
}

export function buildHighlights(stored: readonly StoredField[], terms: readonly QueryTerm[]): FieldHighlight[] {
  const highlights: FieldHighlight[] = [];
  for (let index = 0; index < FIELDS.length; index++) {
    const field = stored[index]!;
    if (index === BODY) {
      const body = bodyHighlight(terms, field);
      if (body !== null) highlights.push(body);
      continue;
    }
    const ranges = matchesIn(terms, field, 0, field.folded.length);
    if (ranges.length > 0) highlights.push({ field: FIELDS[index]!, text: field.display, ranges, offset: 0 });
  }
  return highlights;
}
