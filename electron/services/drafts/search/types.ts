// Public shapes of the drafts search index. Kept apart from the implementation so callers
// (IPC handlers, the drafts service) can import types without pulling in the index.

export type SearchField = 'headline' | 'deck' | 'body' | 'byline' | 'tags';

export interface SearchDocument {
  id: string;
  headline: string;
  deck: string;
  body: string;
  byline: string;
  tags: readonly string[];
}

export interface FieldHighlight {
  field: SearchField;
  /**
   * The field text in NFC, or for body a snippet of about 120 characters around the first
   * match. Tags are joined with ", ".
   */
  text: string;
  /** Half-open [start, end) offsets into `text`, sorted and non-overlapping. */
  ranges: Array<[start: number, end: number]>;
  /**
   * Where `text` starts inside the full (NFC) field: non-zero only for body snippets, so the
   * editor can scroll to the match. Always set by SearchIndex; optional to keep the shape
   * other code builds by hand unchanged.
   */
  offset?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  highlights: FieldHighlight[];
}

export interface SearchOptions {
  /** Most hits returned; defaults to 50. */
  limit?: number;
  /** Restrict the search to these draft ids. */
  ids?: ReadonlySet<string>;
}

/** Field order is the bit layout of posting masks; see postings.ts. */
export const FIELDS: readonly SearchField[] = ['headline', 'deck', 'body', 'byline', 'tags'];
export const FIELD_COUNT = 5;
export const BODY = 2;
export const TAGS = 4;
