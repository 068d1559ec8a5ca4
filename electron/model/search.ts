import { z } from 'zod';
import { DraftSummary } from './article.ts';

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

export const SearchQuery = z.object({
  query: z.string().max(200),
  scope: z.enum(['active', 'trash']),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();
