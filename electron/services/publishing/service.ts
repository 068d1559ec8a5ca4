import type { DatabaseSync } from 'node:sqlite';
import { ArticleFields, type Draft, emptyBody } from '../../model/article.ts';
import type { MediaPreferences } from '../../model/asset.ts';
import { photosIn } from '../../model/figure.ts';
import { AppError } from '../../model/errors.ts';
import type { Publication } from '../../model/preferences.ts';
import type { PreflightItem, PublishAction, PublishJob, RemotePost, SiteVersion } from '../../model/publishing.ts';
import type { AssetStore } from '../assets/asset-store.ts';
import type { ImportedDraftInput } from '../drafts/store.ts';
import type { EventSink } from '../events.ts';
import type { BlockLabels } from './blocks/index.ts';
import { syncMedia } from './media-sync.ts';
import { OutboxRunner } from './outbox-runner.ts';
import { type JobWork, OutboxStore } from './outbox-store.ts';
import { syncPost } from './post-sync.ts';
import { preflight } from './preflight.ts';
import { listRemotePosts, openRemotePost, readSiteVersion, type RemotePostSummary } from './remote-posts.ts';
import { isRetryable } from './wordpress/remote-error.ts';
import type { SitesService } from './sites.ts';
import type { WordPressClient } from './wordpress/client.ts';

export interface PublishingDeps {
  db: DatabaseSync;
  sites: SitesService;
  drafts: { get(id: string): Draft; importDraft(input: ImportedDraftInput): Draft };
  assets: AssetStore;
  media: () => MediaPreferences;
  publications: () => readonly Publication[];
  labels: () => BlockLabels;
  events: EventSink;
  now?: () => Date;
  // How long a job waits before its next attempt after the n-th failure.
  backoffMs?: (attempt: number) => number;
  // Uploads at once (the benchmark compares with one at a time).
  parallelUploads?: number;
}

// Retries come quickly at first and then settle at a minute: a laptop back on the network
// publishes within a minute without hammering a site that is down.
export function defaultBackoff(attempt: number): number {
  const base = Math.min(60_000, 2000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

const PROGRESS_EVERY_MS = 250;

// Review data (comments, suggestions, the workflow timeline) rides the outbox beside the posts:
// the same durable jobs, retries and one job per site at a time, so a comment written offline
// goes out later and never races a publish of the same post. services/review attaches this
// once both services exist.
export interface ReviewOutbox {
  // Runs a 'review' job: merges the draft's review data with the post's and writes it there.
  sync(job: JobWork, client: WordPressClient, signal: AbortSignal): Promise<RemotePost | null>;
  // Just before a post is updated: what others changed since that was only review data is taken
  // in, so it is not mistaken for an edit on the site (a conflict).
  beforePost(job: JobWork, client: WordPressClient): Promise<void>;
  // The post was created or updated: the draft's review data follows it.
  afterPost(job: JobWork): void;
}

// A review job carries no article; the column wants one.
const NO_ARTICLE: ArticleFields = ArticleFields.parse({ body: emptyBody() });

// One click to the site: the pre-flight check, then a durable job in the outbox that uploads
// the media and creates or updates the post, step by step, retrying what the network broke.
export class PublishingService {
  readonly outbox: OutboxStore;
  readonly runner: OutboxRunner;
  readonly #deps: PublishingDeps;
  #review: ReviewOutbox | null = null;

  constructor(deps: PublishingDeps) {
    this.#deps = deps;
    this.outbox = new OutboxStore(deps.db, () => this.#now());
    this.runner = new OutboxRunner({
      store: this.outbox,
      execute: (id, signal) => this.#execute(id, signal),
      siteOf: (id) => this.outbox.get(id).siteId,
      now: () => this.#now(),
    });
    this.runner.start();
  }

  attachReview(review: ReviewOutbox): void {
    this.#review = review;
    this.runner.kick();
  }

  async check(draftId: string, siteId: string, action: PublishAction): Promise<PreflightItem[]> {
    const draft = this.#deps.drafts.get(draftId);
    const site = this.#deps.sites.get(siteId);
    return preflight({
      article: draft.article,
      action,
      capabilities: site.capabilities,
      assets: await this.#assetStates(draft.article),
      captionsRequired: Boolean(this.#publication(draft.article)?.captionPrefix),
    });
  }

  async publish(draftId: string, siteId: string, action: PublishAction, scheduleAt: string | null): Promise<PublishJob> {
    if (action === 'schedule' && (!scheduleAt || Date.parse(scheduleAt) <= this.#now().getTime())) {
      throw new AppError('invalid_input', 'publish.scheduleInPast');
    }
    const problems = (await this.check(draftId, siteId, action)).filter((item) => item.severity === 'error');
    if (problems.length > 0) throw new AppError('invalid_input', 'publish.preflightFailed', { count: problems.length });
    if (this.outbox.hasOpenJob(draftId, siteId)) throw new AppError('conflict', 'publish.alreadyQueued');
    const draft = this.#deps.drafts.get(draftId);
    const job = this.outbox.enqueue({ draftId, siteId, action, scheduleAt: action === 'schedule' ? scheduleAt : null, revision: draft.revision, article: draft.article });
    this.#changed(job);
    this.runner.kick();
    return job;
  }

  // Sends a draft's review data to its post on a site: the draft's review job queued again (one
  // per draft and site, whatever number of comments it carries), or a new one while that one
  // is running (it may have read the data already).
  queueReviewSync(draftId: string, siteId: string): PublishJob {
    const latest = this.outbox.latestJob(draftId, siteId, 'review');
    const job =
      latest && latest.state !== 'running'
        ? this.outbox.update(latest.id, { state: 'queued', step: 'prepare', attempts: 0, nextAttemptAt: null, error: null })
        : this.outbox.enqueue({ draftId, siteId, action: 'review', scheduleAt: null, revision: 0, article: NO_ARTICLE });
    this.#changed(job);
    this.runner.kick();
    return job;
  }

  jobs(): PublishJob[] {
    return this.outbox.list();
  }

  remotePosts(draftId: string): RemotePost[] {
    return this.outbox.remotePostsOf(draftId);
  }

  async cancel(jobId: string): Promise<PublishJob> {
    const job = this.outbox.get(jobId);
    if (job.state === 'done' || job.state === 'cancelled') return job;
    await this.runner.abort(jobId);
    const cancelled = this.outbox.update(jobId, { state: 'cancelled', nextAttemptAt: null });
    this.#changed(cancelled);
    return cancelled;
  }

  // Now rather than at the next backoff; after a conflict, keepMine sends the writer's version
  // over the site's (the site's modified time at this moment becomes the base).
  async retry(jobId: string, keepMine = false): Promise<PublishJob> {
    const job = this.outbox.work(jobId);
    if (job.state === 'done' || job.state === 'running' || job.state === 'cancelled') throw new AppError('conflict', 'outbox.cannotRetry');
    let forceBase: string | null = job.forceBase;
    if (job.state === 'conflict') {
      if (!keepMine) throw new AppError('conflict', 'outbox.conflictNeedsChoice');
      const known = this.outbox.remotePost(job.draftId, job.siteId);
      if (known) {
        const client = await this.#deps.sites.client(job.siteId);
        const current = (await client.get<{ modified_gmt: string }>(`/wp/v2/posts/${known.postId}`, { context: 'edit', _fields: 'modified_gmt' })).body;
        forceBase = current.modified_gmt;
      }
    }
    const queued = this.outbox.update(jobId, { state: 'queued', nextAttemptAt: null, error: null, forceBase });
    this.#changed(queued);
    this.runner.kick();
    return queued;
  }

  // The site's posts this account may edit, newest first, to continue one here.
  async sitePosts(siteId: string, search: string): Promise<RemotePostSummary[]> {
    return listRemotePosts(await this.#deps.sites.client(siteId), search);
  }

  // The post as the site has it now, for a job stopped by a change made there.
  async siteVersion(jobId: string): Promise<SiteVersion> {
    const job = this.outbox.get(jobId);
    const known = this.outbox.remotePost(job.draftId, job.siteId);
    if (!known) throw new AppError('not_found', 'remote.notFound', { host: this.#deps.sites.get(job.siteId).url });
    return readSiteVersion(await this.#deps.sites.client(job.siteId), known.postId);
  }

  async openSitePost(siteId: string, postId: number): Promise<Draft> {
    return openRemotePost(
      {
        client: await this.#deps.sites.client(siteId),
        siteId,
        store: this.#deps.assets,
        outbox: this.outbox,
        publications: this.#deps.publications(),
        importDraft: (input) => this.#deps.drafts.importDraft(input),
        maxFileBytes: this.#deps.media().maxFileMb * 1024 * 1024,
      },
      postId,
    );
  }

  close(): void {
    this.runner.close();
  }

  async #execute(jobId: string, signal: AbortSignal): Promise<void> {
    let job = this.outbox.work(jobId);
    if (job.state !== 'queued' && job.state !== 'waiting') return;
    this.#changed(this.outbox.update(jobId, { state: 'running', attempts: job.attempts + 1, error: null }));
    job = this.outbox.work(jobId);
    try {
      const site = this.#deps.sites.get(job.siteId);
      const client = await this.#deps.sites.client(job.siteId);
      if (job.action === 'review') {
        this.#changed(this.outbox.update(jobId, { step: 'post' }));
        const post = this.#review ? await this.#review.sync(job, client, signal) : null;
        this.#changed(this.outbox.update(jobId, { state: 'done', step: 'finish', postId: post?.postId ?? null, link: post?.link ?? null, nextAttemptAt: null }));
        return;
      }
      const publication = this.#publication(job.article);
      let lastProgress = 0;
      this.#changed(this.outbox.update(jobId, { step: 'media' }));
      const media = await syncMedia({
        client,
        siteId: job.siteId,
        article: job.article,
        store: this.#deps.assets,
        outbox: this.outbox,
        media: this.#deps.media(),
        mayHaveUploaded: job.attempts > 1,
        ...(this.#deps.parallelUploads ? { parallelUploads: this.#deps.parallelUploads } : {}),
        hasPlugin: site.plugin !== null,
        signal,
        onProgress: (sent, total) => {
          const now = Date.now();
          if (now - lastProgress < PROGRESS_EVERY_MS && sent < total) return;
          lastProgress = now;
          this.#changed(this.outbox.update(jobId, { bytesSent: sent, bytesTotal: total }));
        },
      });
      signal.throwIfAborted();
      await this.#review?.beforePost(job, client);
      this.#changed(this.outbox.update(jobId, { step: 'post' }));
      const post = await syncPost({
        client,
        outbox: this.outbox,
        job: { ...job, createSent: this.outbox.work(jobId).createSent },
        article: job.article,
        media,
        publication: publication ? { name: publication.name, captionPrefix: publication.captionPrefix } : null,
        labels: this.#deps.labels(),
        hasPlugin: site.plugin !== null,
      });
      this.#changed(this.outbox.update(jobId, { state: 'done', step: 'finish', postId: post.postId, link: post.link, nextAttemptAt: null }));
      this.#afterPost(job);
    } catch (error) {
      if (signal.aborted) return;
      this.#changed(this.#failed(jobId, error));
    }
  }

  // The post is out; a failure to queue its review data must not mark the publish failed.
  #afterPost(job: JobWork): void {
    try {
      this.#review?.afterPost(job);
    } catch (error) {
      console.error('review data not queued after publishing', error);
    }
  }

  #failed(jobId: string, error: unknown): PublishJob {
    const job = this.outbox.get(jobId);
    if (error instanceof AppError && error.code === 'conflict' && error.messageKey === 'remote.changedOnSite') {
      return this.outbox.update(jobId, { state: 'conflict', error: error.toPayload(), nextAttemptAt: null });
    }
    if (isRetryable(error)) {
      const wait = (this.#deps.backoffMs ?? defaultBackoff)(job.attempts);
      return this.outbox.update(jobId, {
        state: 'waiting',
        error: (error as AppError).toPayload(),
        nextAttemptAt: new Date(this.#now().getTime() + wait).toISOString(),
      });
    }
    if (!(error instanceof AppError)) console.error('publish job failed', error);
    const payload = error instanceof AppError ? error.toPayload() : { code: 'internal' as const, messageKey: 'errors.internal' };
    return this.outbox.update(jobId, { state: 'failed', error: payload, nextAttemptAt: null });
  }

  async #assetStates(article: ArticleFields): Promise<Map<string, 'ok' | 'missing' | 'damaged'>> {
    const ids = new Set<string>();
    for (const photo of photosIn(article.body)) if (photo.image) ids.add(photo.image.assetId);
    for (const attachment of article.attachments) ids.add(attachment.assetId);
    const states = await this.#deps.assets.check([...ids]);
    return new Map(states.map((status) => [status.id, status.state]));
  }

  #publication(article: ArticleFields): Publication | undefined {
    return this.#deps.publications().find((publication) => publication.id === article.publicationId);
  }

  #changed(job: PublishJob): void {
    this.#deps.events.emit('outbox.changed', { job });
  }

  #now(): Date {
    return (this.#deps.now ?? (() => new Date()))();
  }
}
