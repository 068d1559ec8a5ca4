import { z } from 'zod';
import { ArticleStatus, DraftId } from './article.ts';
import { SiteId } from './site.ts';

// Editorial review: the workflow every draft goes through, and the conversation about it
// (comment threads anchored to passages, suggested changes). Review data travels with the post
// through the site (companion plugin meta 'pressroom_review'), so a writer and an editor on
// different machines see the same state. Every record has its own id and time, so two copies
// merge without losing either side's comments (see services/review/merge.ts).

// Who someone is on a site, for records and for what the app offers them.
export const Person = z.object({
  siteId: SiteId.nullable(),
  userId: z.number().int().nonnegative().nullable(),
  name: z.string().max(200),
});
export type Person = z.infer<typeof Person>;

// What an account may do in the workflow, read from its capabilities on the site: a writer
// cannot publish; an editor can edit others' posts (and so review them).
export const ReviewRole = z.enum(['writer', 'author', 'editor']);
export type ReviewRole = z.infer<typeof ReviewRole>;

export const WorkflowAction = z.enum([
  'submit', // writer: draft or changes_requested → in_review
  'return', // editor: in_review → changes_requested (with a note)
  'approve', // editor: in_review → approved
  'reopen', // editor: approved → in_review
  'publish', // editor: approved → published (or scheduled)
]);
export type WorkflowAction = z.infer<typeof WorkflowAction>;

export const Transition = z.object({
  id: z.string().max(64),
  from: ArticleStatus,
  to: ArticleStatus,
  action: WorkflowAction,
  by: Person,
  at: z.string(),
  note: z.string().max(4000).default(''),
});
export type Transition = z.infer<typeof Transition>;

export const Comment = z.object({
  id: z.string().max(64),
  author: Person,
  at: z.string(),
  text: z.string().min(1).max(10_000),
  // Edited or deleted by its author: the latest edit wins on merge.
  editedAt: z.string().nullable().default(null),
  deleted: z.boolean().default(false),
});
export type Comment = z.infer<typeof Comment>;

export const Thread = z.object({
  // Also the id of the MarkNode around the passage in the body.
  id: z.string().max(64),
  // The passage as it was when the thread started: what a detached thread still shows.
  quote: z.string().max(2000),
  comments: z.array(Comment).max(500),
  resolved: z.boolean(),
  // When resolved/reopened last: the latest change wins on merge.
  stateAt: z.string(),
  stateBy: Person.nullable().default(null),
});
export type Thread = z.infer<typeof Thread>;

// What a suggestion changes: text added or deleted, a paragraph split in two (Enter) or two
// joined into one (Backspace at a paragraph's start, Delete at its end).
export const SuggestionKind = z.enum(['insert', 'delete', 'split', 'join']);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

// A suggested change. The text itself lives in the body as suggestion nodes with this id;
// the record holds who, when and what became of it.
export const Suggestion = z.object({
  id: z.string().max(64),
  kind: SuggestionKind,
  text: z.string().max(20_000),
  author: Person,
  at: z.string(),
  status: z.enum(['open', 'accepted', 'rejected']),
  decidedAt: z.string().nullable().default(null),
  decidedBy: Person.nullable().default(null),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const ReviewData = z.object({
  version: z.literal(1),
  threads: z.array(Thread).max(2000),
  suggestions: z.array(Suggestion).max(5000),
  timeline: z.array(Transition).max(2000),
  // The draft revision sent with the last submit: "what changed since submitted".
  submittedRevision: z.number().int().nonnegative().nullable().default(null),
});
export type ReviewData = z.infer<typeof ReviewData>;

export function emptyReview(): ReviewData {
  return { version: 1, threads: [], suggestions: [], timeline: [], submittedRevision: null };
}

// A pending post in an editor's review queue, kept locally so the queue is there offline.
export const QueueItem = z.object({
  siteId: SiteId,
  postId: z.number().int().positive(),
  title: z.string(),
  author: z.string(),
  modifiedGmt: z.string(),
  link: z.string(),
  // The local draft once the editor opened it.
  draftId: DraftId.nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;
