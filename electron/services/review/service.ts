import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { ArticleFields, ArticleStatus, Draft } from '../../model/article.ts';
import { AppError, type ErrorPayload } from '../../model/errors.ts';
import type { PublishJob } from '../../model/publishing.ts';
import type { QueueItem, ReviewData, SuggestionKind, WorkflowAction } from '../../model/review.ts';
import type { EventSink } from '../events.ts';
import type { PublishingService } from '../publishing/service.ts';
import type { SitesService } from '../publishing/sites.ts';
import { type Me, ReviewAccounts } from './accounts.ts';
import { pendingPosts } from './queue.ts';
import { articleSha } from './site-post.ts';
import { ReviewStore } from './store.ts';
import { ReviewSync } from './sync.ts';
import { checkTransition } from './workflow.ts';

export interface ReviewDeps {
  // publishing.db: the review tables live beside the outbox that sends them.
  db: DatabaseSync;
  sites: SitesService;
  publishing: PublishingService;
  drafts: {
    get(id: string): Draft;
    save(id: string, baseRevision: number, article: ArticleFields): { revision: number };
    setStatus(id: string, status: ArticleStatus): { revision: number };
  };
  events: EventSink;
  now?: () => Date;
  // How often the queue and the drafts under review are refreshed from the sites while the
  // app runs; 0 turns it off (tests drive it themselves).
  refreshEveryMs?: number;
}

export const DEFAULT_REFRESH_MS = 5 * 60_000;
// A window asking for a draft's review data brings it up to date from the site at most this
// often (it asks whenever the draft is opened or the panel shown).
const PULL_AT_MOST_EVERY_MS = 20_000;
// Drafts whose review data the background refresh brings in, newest change first.
const BACKGROUND_PULLS = 50;
const UNDER_REVIEW: ReadonlySet<ArticleStatus> = new Set(['in_review', 'changes_requested', 'approved', 'scheduled']);

export interface TransitionResult {
  review: ReviewData;
  status: ArticleStatus;
  job: PublishJob | null;
}

// Editorial review: comment threads, suggestions and the workflow, kept locally first (every
// change is saved here at once and works offline) and carried to the site through the outbox.
export class ReviewService {
  readonly #deps: ReviewDeps;
  readonly #store: ReviewStore;
  readonly #accounts: ReviewAccounts;
  readonly #sync: ReviewSync;
  readonly #lastPull = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(deps: ReviewDeps) {
    this.#deps = deps;
    this.#store = new ReviewStore(deps.db, () => this.#now());
    this.#accounts = new ReviewAccounts(deps.db, deps.sites, this.#store);
    this.#sync = new ReviewSync({
      store: this.#store,
      outbox: deps.publishing.outbox,
      drafts: deps.drafts,
      site: (id) => deps.sites.get(id),
      changed: (draftId) => this.#changed(draftId),
    });
    deps.publishing.attachReview({
      sync: (job, client, signal) => this.#sync.runJob(job.draftId, job.siteId, client, signal),
      beforePost: (job, client) => this.#sync.beforePost(job.draftId, job.siteId, client),
      afterPost: (job) => {
        this.#sync.published(job.draftId, job.siteId, job.article);
        this.#recordHeldStep(job.id);
        if (!isEmpty(this.#store.get(job.draftId))) this.#queueSync(job.draftId, [job.siteId]);
      },
    });
    const every = deps.refreshEveryMs ?? DEFAULT_REFRESH_MS;
    if (every > 0) this.#schedule(Math.min(every, 30_000), every);
  }

  // The local copy, at once; a pull from the site follows in the background when the draft is
  // on a site, and 'review.changed' says when it brought something new.
  get(draftId: string): ReviewData {
    this.#deps.drafts.get(draftId);
    const data = this.#store.get(draftId);
    const last = this.#lastPull.get(draftId) ?? 0;
    if (Date.now() - last >= PULL_AT_MOST_EVERY_MS) {
      this.#lastPull.set(draftId, Date.now());
      void this.pull(draftId).catch(() => {});
    }
    return data;
  }

  // What went wrong reading the site's copy last time (malformed, from a newer app), or null.
  problem(draftId: string): ErrorPayload | null {
    return this.#store.problem(draftId);
  }

  async me(draftId: string): Promise<Me> {
    this.#deps.drafts.get(draftId);
    return this.#me(draftId);
  }

  async startThread(draftId: string, threadId: string, quote: string, text: string): Promise<ReviewData> {
    const { person } = await this.#me(draftId);
    const at = this.#stamp();
    return this.#change(draftId, (data) => {
      const existing = data.threads.find((thread) => thread.id === threadId);
      if (existing) {
        // The same request again (a retry after a lost answer) changes nothing.
        if (existing.comments[0]?.text === text) return data;
        throw new AppError('conflict', 'review.threadExists');
      }
      const comment = { id: newId(), author: person, at, text, editedAt: null, deleted: false };
      return { ...data, threads: [...data.threads, { id: threadId, quote, comments: [comment], resolved: false, stateAt: at, stateBy: person }] };
    });
  }

  // A reply to a resolved thread opens it again: someone still has something to say.
  async reply(draftId: string, threadId: string, text: string): Promise<ReviewData> {
    const { person } = await this.#me(draftId);
    const at = this.#stamp();
    return this.#change(draftId, (data) => {
      const thread = data.threads.find((candidate) => candidate.id === threadId);
      if (!thread) throw new AppError('not_found', 'review.threadNotFound');
      const comment = { id: newId(), author: person, at, text, editedAt: null, deleted: false };
      const reopened = thread.resolved ? { resolved: false, stateAt: at, stateBy: person } : {};
      return { ...data, threads: data.threads.map((candidate) => (candidate.id === threadId ? { ...candidate, ...reopened, comments: [...candidate.comments, comment] } : candidate)) };
    });
  }

  async resolve(draftId: string, threadId: string, resolved: boolean): Promise<ReviewData> {
    const { person } = await this.#me(draftId);
    const at = this.#stamp();
    return this.#change(draftId, (data) => {
      const thread = data.threads.find((candidate) => candidate.id === threadId);
      if (!thread) throw new AppError('not_found', 'review.threadNotFound');
      if (thread.resolved === resolved) return data;
      return { ...data, threads: data.threads.map((candidate) => (candidate.id === threadId ? { ...candidate, resolved, stateAt: at, stateBy: person } : candidate)) };
    });
  }

  async suggest(draftId: string, suggestionId: string, kind: SuggestionKind, text: string): Promise<ReviewData> {
    const { person } = await this.#me(draftId);
    const at = this.#stamp();
    return this.#change(draftId, (data) => {
      const existing = data.suggestions.find((suggestion) => suggestion.id === suggestionId);
      if (existing) {
        if (existing.kind === kind && existing.text === text) return data;
        throw new AppError('conflict', 'review.suggestionExists');
      }
      return { ...data, suggestions: [...data.suggestions, { id: suggestionId, kind, text, author: person, at, status: 'open', decidedAt: null, decidedBy: null }] };
    });
  }

  // Recorded once: a suggestion accepted or rejected stays so (the body has changed with it).
  async decide(draftId: string, suggestionId: string, decision: 'accepted' | 'rejected'): Promise<ReviewData> {
    const { person } = await this.#me(draftId);
    const at = this.#stamp();
    return this.#change(draftId, (data) => {
      const suggestion = data.suggestions.find((candidate) => candidate.id === suggestionId);
      if (!suggestion) throw new AppError('not_found', 'review.suggestionNotFound');
      if (suggestion.status === decision) return data;
      if (suggestion.status !== 'open') throw new AppError('conflict', 'review.alreadyDecided', { status: suggestion.status });
      return { ...data, suggestions: data.suggestions.map((candidate) => (candidate.id === suggestionId ? { ...candidate, status: decision, decidedAt: at, decidedBy: person } : candidate)) };
    });
  }

  // A workflow step: checked against the workflow and the account's part on the site, carried
  // out on the site (through the outbox), recorded in the timeline and as the local status.
  //
  // On the site:
  // - submit: the article goes as a pending post (WordPress's "pending review");
  // - return: the post goes back to draft, so it leaves the pending queue, with the editor's
  //   copy of the article (its comment marks and suggestions travel in the stored document);
  // - approve, reopen: the post stays pending; only the review data says so;
  // - publish: published, or scheduled when scheduleAt is given.
  // The site is asked first: a step it would refuse before anything is sent (pre-flight, a
  // publish already under way) leaves the draft as it was.
  async transition(draftId: string, siteId: string, action: WorkflowAction, note: string, scheduleAt?: string): Promise<TransitionResult> {
    const draft = this.#deps.drafts.get(draftId);
    const site = this.#deps.sites.get(siteId);
    const me = await this.#accounts.on(site);
    const to = checkTransition(action, draft.status, me.role, scheduleAt ?? null);
    if (action === 'return' && !note.trim()) throw new AppError('invalid_input', 'review.noteRequired');

    let job: PublishJob | null = null;
    const { publishing } = this.#deps;
    if (action === 'submit') job = await publishing.publish(draftId, siteId, 'pending', null);
    else if (action === 'return') job = await publishing.publish(draftId, siteId, 'draft', null);
    else if (action === 'publish') job = await publishing.publish(draftId, siteId, scheduleAt ? 'schedule' : 'publish', scheduleAt ?? null);

    // Published (or scheduled) is what the site says once it has the post: until the job is
    // done the draft stays approved, and the job's progress shows beside it.
    if (action === 'publish' && job) {
      this.#store.holdStep(job.id, draftId, { from: draft.status, to, action, by: me.person, note: note.trim() });
      return { review: this.#store.get(draftId), status: draft.status, job };
    }

    const status = this.#deps.drafts.setStatus(draftId, to);
    const at = this.#stamp();
    const review = this.#store.update(draftId, (data) => ({
      ...data,
      timeline: [...data.timeline, { id: newId(), from: draft.status, to, action, by: me.person, at, note: note.trim() }],
      // The revision whose history copy (taken by the status change) holds the text sent.
      ...(action === 'submit' ? { submittedRevision: status.revision } : {}),
    })).data;
    this.#changed(draftId);
    // The review data goes with the post: after the publish job when there is one (it queues
    // this again when it is done), at once otherwise.
    this.#queueSync(draftId, [siteId]);
    return { review, status: to, job };
  }

  // A publish job is done: the step it was for becomes the draft's status and goes on the
  // timeline (and to the site with the rest of the review data).
  #recordHeldStep(jobId: string): void {
    const held = this.#store.takeStep(jobId);
    if (!held) return;
    try {
      this.#deps.drafts.setStatus(held.draftId, held.step.to);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    this.#store.update(held.draftId, (data) => ({ ...data, timeline: [...data.timeline, { ...held.step, id: newId(), at: this.#stamp() }] }));
    this.#changed(held.draftId);
  }

  // The draft was deleted for good (from the trash).
  forgetDraft(draftId: string): void {
    this.#store.forget(draftId);
    this.#deps.publishing.outbox.forgetDraft(draftId);
  }

  // The queue as last fetched: there offline too.
  queue(): QueueItem[] {
    return this.#store.queue();
  }

  // Asks every site where the account may edit others' posts for its pending posts. A site
  // that cannot be reached keeps its last list.
  async refresh(): Promise<QueueItem[]> {
    for (const site of this.#deps.sites.list()) {
      if (!site.capabilities.editOthers) {
        this.#store.clearQueue(site.id);
        continue;
      }
      try {
        const client = await this.#deps.sites.client(site.id);
        const items = (await pendingPosts(client)).map((item) => ({ ...item, draftId: this.#linkedDraft(site.id, item.postId) }));
        this.#store.replaceQueue(site.id, items);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    return this.#store.queue();
  }

  // A post from the queue as a local draft with its review data. Opened before: the same draft,
  // brought up to date from the site.
  async open(siteId: string, postId: number): Promise<Draft> {
    const existing = this.#linkedDraft(siteId, postId);
    if (existing) {
      await this.#pullFrom(existing, siteId);
      this.#store.markOpened(siteId, postId, existing);
      return this.#deps.drafts.get(existing);
    }
    const draft = await this.#deps.publishing.openSitePost(siteId, postId);
    // What the site and this draft have in common now: the article as opened.
    this.#store.setBase(draft.id, siteId, { articleSha: articleSha(draft.article) });
    await this.#pullFrom(draft.id, siteId);
    this.#store.markOpened(siteId, postId, draft.id);
    return this.#deps.drafts.get(draft.id);
  }

  // Brings a draft's review data (and the article, when the site has a newer one and nothing
  // changed here) up to date from every site it is on. Offline: nothing changes.
  async pull(draftId: string): Promise<ReviewData> {
    for (const post of this.#deps.publishing.remotePosts(draftId)) {
      try {
        await this.#pullFrom(draftId, post.siteId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    return this.#store.get(draftId);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  async #pullFrom(draftId: string, siteId: string): Promise<void> {
    this.#lastPull.set(draftId, Date.now());
    const result = await this.#sync.pull(draftId, siteId, await this.#deps.sites.client(siteId));
    if (result?.needsPush) this.#queueSync(draftId, [siteId]);
  }

  // Changes the local copy, tells the windows and queues the sync to every site the draft is on.
  #change(draftId: string, change: (data: ReviewData) => ReviewData): ReviewData {
    this.#deps.drafts.get(draftId);
    const { data, changed } = this.#store.update(draftId, change);
    if (changed) {
      this.#changed(draftId);
      this.#queueSync(draftId, this.#deps.publishing.remotePosts(draftId).map((post) => post.siteId));
    }
    return data;
  }

  #queueSync(draftId: string, siteIds: readonly string[]): void {
    for (const siteId of siteIds) {
      if (this.#deps.sites.get(siteId).plugin) this.#deps.publishing.queueReviewSync(draftId, siteId);
    }
  }

  // The account of the site the draft is on, else of the first site configured.
  async #me(draftId: string): Promise<Me> {
    const sites = this.#deps.sites.list();
    const linked = new Set(this.#deps.publishing.remotePosts(draftId).map((post) => post.siteId));
    const site = sites.find((candidate) => linked.has(candidate.id)) ?? sites[0];
    return site ? this.#accounts.on(site) : this.#accounts.nobody();
  }

  #linkedDraft(siteId: string, postId: number): string | null {
    const draftId = this.#store.draftOfPost(siteId, postId);
    if (!draftId) return null;
    try {
      this.#deps.drafts.get(draftId);
      return draftId;
    } catch (error) {
      // Deleted for good here: the post opens as a new draft.
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }

  // The queue and the drafts under review, from the sites, every few minutes while the app
  // runs. Failures (offline) wait for the next round.
  #schedule(delay: number, every: number): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      void this.#background().finally(() => this.#schedule(every, every));
    }, delay);
    this.#timer.unref?.();
  }

  async #background(): Promise<void> {
    try {
      // Display names, so records signed offline later carry them.
      for (const site of this.#deps.sites.list()) await this.#accounts.on(site);
      await this.refresh();
      for (const draftId of this.#store.draftIds(BACKGROUND_PULLS)) {
        if (this.#closed) return;
        if (this.#underReview(draftId)) await this.pull(draftId);
      }
    } catch (error) {
      // Closing while a round was under way: the database is gone, nothing to report.
      if (!this.#closed) console.error('review refresh failed', error);
    }
  }

  // Drafts someone else may be acting on: the others are pulled when they are opened.
  #underReview(draftId: string): boolean {
    try {
      return UNDER_REVIEW.has(this.#deps.drafts.get(draftId).status);
    } catch {
      return false;
    }
  }

  #changed(draftId: string): void {
    this.#deps.events.emit('review.changed', { draftId });
  }

  #stamp(): string {
    return this.#now().toISOString();
  }

  #now(): Date {
    return (this.#deps.now ?? (() => new Date()))();
  }
}

function isEmpty(data: ReviewData): boolean {
  return data.threads.length === 0 && data.suggestions.length === 0 && data.timeline.length === 0;
}

// Ids for records made here (comments, transitions): random, so two machines never make the
// same one, and within the contract's 8–64 characters of [A-Za-z0-9_-].
function newId(): string {
  return randomBytes(12).toString('base64url');
}
