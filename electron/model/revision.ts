import { z } from 'zod';
import { ArticleFields, ArticleStatus, DraftId } from './article.ts';

// A revision is a whole copy of a draft's article at one moment, kept in the history so a writer
// can see what changed and go back. The reason says what took the copy.
export const RevisionReason = z.enum([
  // The draft was started.
  'created',
  // Its editorial status changed (e.g. sent for review): a milestone worth keeping.
  'status',
  // The writer asked for it ("Save version").
  'manual',
  // Taken automatically every so often while the writer types.
  'periodic',
  // The text as it was just before a revision was restored, so the restore can be undone.
  'restore',
]);
export type RevisionReason = z.infer<typeof RevisionReason>;

export const RevisionId = z.number().int().positive();

export const RevisionSummary = z.object({
  id: RevisionId,
  draftId: DraftId,
  // The draft's revision number when the copy was taken.
  revision: z.number().int().nonnegative(),
  reason: RevisionReason,
  status: ArticleStatus,
  createdAt: z.string(),
  headline: z.string(),
  // A rough size, so a list of versions shows where text was added or cut.
  words: z.number().int().nonnegative(),
  characters: z.number().int().nonnegative(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const Revision = RevisionSummary.extend({ article: ArticleFields });
export type Revision = z.infer<typeof Revision>;
