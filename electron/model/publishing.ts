import { z } from 'zod';
import { ArticleFields, DraftId } from './article.ts';
import { ErrorPayload } from './errors.ts';
import { SiteId } from './site.ts';

// What the writer asks of the site: keep it as a draft there, send it for review (pending),
// schedule it, publish it now (or update the published post), or take it down again.
export const PublishAction = z.enum(['draft', 'pending', 'schedule', 'publish', 'unpublish']);
export type PublishAction = z.infer<typeof PublishAction>;

// What a job in the outbox does: one of the writer's actions, or 'review', the job that sends a
// draft's review data (comments, suggestions, the workflow timeline) to its post, queued by
// services/review. The window shows it in the outbox and never offers it.
export const JobAction = z.enum([...PublishAction.options, 'review']);
export type JobAction = z.infer<typeof JobAction>;

// One thing the pre-flight check found. Errors stop the publish; warnings are shown and the
// writer may go on.
export const PreflightItem = z.object({
  severity: z.enum(['error', 'warning']),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  // Which top-level block of the body it is about, to jump there.
  blockIndex: z.number().int().nonnegative().optional(),
});
export type PreflightItem = z.infer<typeof PreflightItem>;

export const JobState = z.enum([
  'queued', // waiting its turn
  'running',
  'waiting', // offline or backing off after a failure; runs again at nextAttemptAt
  'conflict', // the post changed on the site since the last sync: the writer decides
  'done',
  'failed', // will not succeed by retrying (refused, not allowed): the writer acts
  'cancelled',
]);
export type JobState = z.infer<typeof JobState>;

export const JobStep = z.enum(['prepare', 'media', 'post', 'finish']);

// A publish request as a durable job in the outbox. Remote ids are recorded after each step,
// so a retry after a crash or a dropped connection continues rather than repeats.
export const PublishJob = z.object({
  id: z.string(),
  draftId: DraftId,
  siteId: SiteId,
  action: JobAction,
  scheduleAt: z.string().nullable(),
  // The draft revision this job publishes.
  revision: z.number().int().nonnegative(),
  state: JobState,
  step: JobStep,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string().nullable(),
  bytesSent: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  error: ErrorPayload.nullable(),
  postId: z.number().int().positive().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublishJob = z.infer<typeof PublishJob>;

// Where a draft stands on a site: the post it became, and the site's modified time when the
// app last wrote or read it (how a change made on the web is noticed).
export const RemotePost = z.object({
  siteId: SiteId,
  postId: z.number().int().positive(),
  status: z.string(),
  link: z.string(),
  modifiedGmt: z.string(),
  revision: z.number().int().nonnegative(),
});
export type RemotePost = z.infer<typeof RemotePost>;

export const PublishRequest = z
  .object({
    draftId: DraftId,
    siteId: SiteId,
    action: PublishAction,
    scheduleAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

// A post on the site, as the list of posts to continue in the app shows it.
export const RemotePostSummary = z.object({
  postId: z.number().int().positive(),
  title: z.string(),
  status: z.string(),
  modifiedGmt: z.string(),
  link: z.string(),
});
export type RemotePostSummary = z.infer<typeof RemotePostSummary>;

// What the site has of a post now, as text, for the writer to compare with theirs before choosing
// whose version stays (a publish stopped because the post changed on the site): the fields and
// the body's paragraphs. Photos and files are not fetched for this.
export const SiteVersion = z.object({
  fields: ArticleFields.omit({ body: true, attachments: true }),
  paragraphs: z.array(z.string()).max(100_000),
  link: z.string(),
  modifiedGmt: z.string(),
});
export type SiteVersion = z.infer<typeof SiteVersion>;
