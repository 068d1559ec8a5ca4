import { z } from 'zod';
import { AssetId, AssetInfo, AssetPurpose, AssetStatus } from './model/asset.ts';
import { ArticleStatus, Draft, DraftId, DraftSummary, SavedArticle } from './model/article.ts';
import { ErrorPayload } from './model/errors.ts';
import { Preferences, PreferencesPatch } from './model/preferences.ts';
import { RecoverRequest, StorageStatus } from './model/storage.ts';
import { SearchQuery, SearchResult } from './model/search.ts';
import { Revision, RevisionId, RevisionSummary } from './model/revision.ts';
import { PreflightItem, PublishAction, PublishJob, PublishRequest, RemotePost, RemotePostSummary, SiteVersion } from './model/publishing.ts';
import { AddSiteRequest, KeyringStatus, Site, SiteId } from './model/site.ts';
import { Person, QueueItem, ReviewData, ReviewRole, SuggestionKind, WorkflowAction } from './model/review.ts';

// The one list of everything the renderer may ask of the main process, and every event main
// may send back. Main registers handlers from it, preload and the test host bridge it, the
// renderer's types come from it. A new capability starts with its lines here.

function request<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const Empty = z.object({}).strict();
const ById = z.object({ id: DraftId }).strict();
const Ok = z.object({ ok: z.literal(true) });
const ReviewRecordId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  systemLocale: z.string(),
});

export const DraftScope = z.enum(['active', 'trash']);

export const SaveResult = z.object({ revision: z.number().int(), updatedAt: z.string() });

export const requests = {
  'app.info': request(Empty, AppInfo),

  // limit: the newest drafts only, so a window can paint its first screenful before the rest arrives.
  'drafts.list': request(z.object({ scope: DraftScope, limit: z.number().int().min(1).max(10_000).optional() }).strict(), z.array(DraftSummary)),
  'drafts.summaries': request(z.object({ ids: z.array(DraftId).max(500) }).strict(), z.array(DraftSummary)),
  'drafts.create': request(z.object({ publicationId: z.string().max(64).optional() }).strict(), Draft),
  'drafts.get': request(ById, Draft),
  'drafts.save': request(
    z.object({ id: DraftId, baseRevision: z.number().int().nonnegative(), article: SavedArticle }).strict(),
    SaveResult,
  ),
  'drafts.search': request(SearchQuery, z.array(SearchResult)),
  'drafts.setStatus': request(z.object({ id: DraftId, status: ArticleStatus }).strict(), SaveResult),
  'drafts.trash': request(ById, Ok),
  'drafts.restore': request(ById, Ok),
  'drafts.purge': request(ById, Ok),
  'drafts.duplicate': request(ById, Draft),

  // Revision history (snapshots, restore) goes here.
  'revisions.list': request(z.object({ draftId: DraftId }).strict(), z.array(RevisionSummary)),
  'revisions.get': request(z.object({ id: RevisionId }).strict(), Revision),
  'revisions.snapshot': request(z.object({ draftId: DraftId }).strict(), RevisionSummary),
  // baseRevision is the draft revision the writer was looking at: a draft that moved on since
  // is refused with 'conflict' rather than overwritten.
  'revisions.restore': request(
    z.object({ draftId: DraftId, revisionId: RevisionId, baseRevision: z.number().int().nonnegative() }).strict(),
    Draft,
  ),

  // Storage health (corruption, backups, recovery) goes here.
  'storage.status': request(Empty, StorageStatus),
  // Only while storage.status says needs_recovery: restores the named backup, or starts empty
  // when the writer chose that explicitly (backupId null).
  'storage.recover': request(RecoverRequest, StorageStatus),

  // Photos and attachments. The renderer hands over bytes it already holds (a dropped, pasted or
  // chosen file), never a path, so it cannot make main read a file the writer did not give it.
  'assets.import': request(
    z.object({ name: z.string().max(1024), bytes: z.instanceof(Uint8Array), purpose: AssetPurpose }).strict(),
    AssetInfo,
  ),
  'assets.check': request(z.object({ ids: z.array(AssetId).max(1000) }).strict(), z.array(AssetStatus)),
  // Opens a copy of the stored file, under the name the writer gave it, in the OS's own app.
  'assets.open': request(z.object({ id: AssetId, name: z.string().min(1).max(255) }).strict(), Ok),

  // A draft as one file (article, its assets and revisions) to hand to someone else. Export
  // asks main to show the save dialog; import takes the bytes of the file the writer chose.
  'drafts.export': request(ById, z.object({ saved: z.boolean() })),
  'drafts.import': request(z.object({ bytes: z.instanceof(Uint8Array) }).strict(), Draft),

  // WordPress sites. The application password goes in with sites.add and never comes back out.
  'sites.list': request(Empty, z.array(Site)),
  'sites.add': request(AddSiteRequest, Site),
  'sites.verify': request(z.object({ id: SiteId }).strict(), Site),
  'sites.remove': request(z.object({ id: SiteId }).strict(), Ok),
  'sites.keyring': request(Empty, KeyringStatus),

  // Publishing: the check before, the job in the outbox, and where a draft is on each site.
  'publish.check': request(z.object({ draftId: DraftId, siteId: SiteId, action: PublishAction }).strict(), z.array(PreflightItem)),
  'publish.start': request(PublishRequest, PublishJob),
  'publish.remote': request(z.object({ draftId: DraftId }).strict(), z.array(RemotePost)),
  // Posts on a site, to open one in the editor and continue it (publishing then updates it).
  'posts.list': request(z.object({ siteId: SiteId, search: z.string().max(200).default('') }).strict(), z.array(RemotePostSummary)),
  'posts.open': request(z.object({ siteId: SiteId, postId: z.number().int().positive() }).strict(), Draft),
  'outbox.list': request(Empty, z.array(PublishJob)),
  'outbox.cancel': request(z.object({ id: z.uuid() }).strict(), PublishJob),
  // keepMine: after a conflict, send the writer's version over the one changed on the site.
  'outbox.siteVersion': request(z.object({ id: z.uuid() }).strict(), SiteVersion),
  'outbox.retry': request(z.object({ id: z.uuid(), keepMine: z.boolean().default(false) }).strict(), PublishJob),

  // Editorial review. Thread and suggestion ids are made by the renderer: they are also the ids
  // of the marks around the passage in the body. Every change is saved locally at once and
  // sent to the site through the outbox (merged with what others wrote meanwhile).
  'review.get': request(z.object({ draftId: DraftId }).strict(), ReviewData),
  // What went wrong reading the site's copy of the review data last time (damaged, or written by
  // a newer app: review.remoteInvalid / review.remoteNewer {host}), or null.
  'review.problem': request(z.object({ draftId: DraftId }).strict(), ErrorPayload.nullable()),
  'review.me': request(z.object({ draftId: DraftId }).strict(), z.object({ person: Person, role: ReviewRole, siteId: SiteId.nullable() })),
  'review.startThread': request(
    z.object({ draftId: DraftId, threadId: ReviewRecordId, quote: z.string().max(2000), text: z.string().min(1).max(10_000) }).strict(),
    ReviewData,
  ),
  'review.reply': request(z.object({ draftId: DraftId, threadId: ReviewRecordId, text: z.string().min(1).max(10_000) }).strict(), ReviewData),
  'review.resolve': request(z.object({ draftId: DraftId, threadId: ReviewRecordId, resolved: z.boolean() }).strict(), ReviewData),
  'review.suggest': request(
    z.object({ draftId: DraftId, suggestionId: ReviewRecordId, kind: SuggestionKind, text: z.string().max(20_000) }).strict(),
    ReviewData,
  ),
  'review.decide': request(z.object({ draftId: DraftId, suggestionId: ReviewRecordId, decision: z.enum(['accepted', 'rejected']) }).strict(), ReviewData),
  // A workflow step (submit, return, approve, reopen, publish), recorded in the timeline and
  // carried out on the site: submit sends the article as a pending post; publish publishes it.
  'review.transition': request(
    z.object({ draftId: DraftId, siteId: SiteId, action: WorkflowAction, note: z.string().max(4000).default(''), scheduleAt: z.iso.datetime({ offset: true }).optional() }).strict(),
    z.object({ review: ReviewData, status: ArticleStatus, job: PublishJob.nullable() }),
  ),
  // The editor's queue: pending posts on every site where the account may edit others' posts.
  // list answers from the local copy (offline too); refresh asks the sites.
  'review.queue': request(Empty, z.array(QueueItem)),
  'review.refresh': request(Empty, z.array(QueueItem)),
  'review.open': request(z.object({ siteId: SiteId, postId: z.number().int().positive() }).strict(), Draft),

  'settings.get': request(Empty, Preferences),
  'settings.update': request(PreferencesPatch, Preferences),
} as const;

export const events = {
  'drafts.changed': z.object({ ids: z.array(DraftId) }),
  // A job moved on (state, step, bytes sent).
  'outbox.changed': z.object({ job: PublishJob }),
  // A draft's review data changed (here, or merged in from the site).
  'review.changed': z.object({ draftId: DraftId }),
} as const;

export type Requests = typeof requests;
export type Channel = keyof Requests;
export type Input<C extends Channel> = z.input<Requests[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Requests[C]['input']>;
export type Output<C extends Channel> = z.output<Requests[C]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channels = Object.keys(requests) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

// Results cross the boundary as data, so an error keeps its code and message key.
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

// What preload (or the test host's bridge) puts on `window.pressroom`: the raw transport.
// The renderer wraps it with createClient, which unwraps envelopes into values or AppErrors.
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export const BRIDGE_KEY = 'pressroom';
