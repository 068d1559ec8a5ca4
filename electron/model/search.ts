import { z } from 'zod';
import { ArticleStatus, DraftSummary } from './article.ts';

export const SearchField = z.enum(['headline', 'deck', 'body', 'byline', 'tags']);

export const FieldHighlight = z.object({
  field: SearchField,
  // The field's text, or for the body a snippet around the first match.
  text: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
});

export const SearchResult = z.object({
  draft: DraftSummary,
  highlights: z.array(FieldHighlight),
});
export type SearchResult = z.infer<typeof SearchResult>;

// The library's filters: a draft is listed when each field set here is exactly its value.
export const LibraryFilters = z.object({
  status: ArticleStatus.optional(),
  section: z.string().max(100).optional(),
  issue: z.string().max(32).optional(),
  byline: z.string().max(200).optional(),
}).strict();
export type LibraryFilters = z.infer<typeof LibraryFilters>;
export type FilterKey = keyof LibraryFilters;

// Whether a draft passes the filters, as a predicate made once for a whole list.
export function filterOf(filters: LibraryFilters): (draft: DraftSummary) => boolean {
  const wanted = Object.entries(filters).filter((entry): entry is [FilterKey, string] => entry[1] !== undefined);
  return (draft) => wanted.every(([key, value]) => draft[key] === value);
}

export const SearchQuery = z.object({
  query: z.string().max(200),
  scope: z.enum(['active', 'trash']),
  limit: z.number().int().min(1).max(500).default(100),
  // Applied before the limit, so a filter narrows the best matches rather than the first page.
  filters: LibraryFilters.default({}),
}).strict();
