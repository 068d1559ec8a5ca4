import type { ArticleFields, ArticleStatus, Draft } from '../../model/article.ts';
import { AppError, type ErrorPayload } from '../../model/errors.ts';
import type { RemotePost } from '../../model/publishing.ts';
import type { ReviewData } from '../../model/review.ts';
import type { Site } from '../../model/site.ts';
import { decodeArticleDocument } from '../publishing/blocks/article-document.ts';
import type { OutboxStore } from '../publishing/outbox-store.ts';
import type { WordPressClient } from '../publishing/wordpress/client.ts';
import { containsReview, mergeReview } from './merge.ts';
import { articleSha, fingerprint, isStale, readPost, REVIEW_META, type SitePost, writeReview } from './site-post.ts';
import { readRemoteReview, type RemoteReview, type ReviewStore } from './store.ts';

// Review data between this machine and the site. Reading never writes to the site, and the
// site's copy is only ever merged into the local one (never put in its place); writing is done
// by the outbox's review job alone, so it takes its turn with the publishes of the same site.
//
// Each reading of the post also keeps three things straight:
// - review-only changes: someone commenting moves the post's modified time; when everything
//   else about the post is as the app last knew it (its fingerprint), the app's idea of the
//   post moves along, so the next publish is not stopped as a conflict;
// - the workflow status: a step taken on another machine (returned, approved, published)
//   becomes the local status;
// - the article: when the site has a newer article from Pressroom (the editor handed it back
//   with comment marks and suggestions, the writer resubmitted) and the local one has not been
//   changed since the two last matched, the site's is taken, as a new revision.

export interface SyncDeps {
  store: ReviewStore;
  outbox: OutboxStore;
  drafts: {
    get(id: string): Draft;
    save(id: string, baseRevision: number, article: ArticleFields): { revision: number };
    setStatus(id: string, status: ArticleStatus): { revision: number };
  };
  site(siteId: string): Site;
  // The draft's review data changed (tells the windows).
  changed(draftId: string): void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

// Writes retried after the site answered "changed meanwhile", before the job waits its turn.
const MAX_WRITES = 5;

export class ReviewSync {
  readonly #deps: SyncDeps;

  constructor(deps: SyncDeps) {
    this.#deps = deps;
  }

  // Reads the post and takes in what it has. Answers whether the site lacks something of the
  // local review data (then a review job should run), or null when there is nothing to read.
  async pull(draftId: string, siteId: string, client: WordPressClient): Promise<{ needsPush: boolean } | null> {
    const known = this.#deps.outbox.remotePost(draftId, siteId);
    if (!known || !this.#deps.site(siteId).plugin) return null;
    const post = await readPost(client, known.postId);
    if (!post) return null;
    const seen = this.absorb(draftId, siteId, post, client.host);
    return { needsPush: needsPush(seen.remote, seen.local) };
  }

  // The outbox's review job: read, merge, write the merged data over exactly the version read;
  // when someone wrote meanwhile (412), read and merge again.
  async runJob(draftId: string, siteId: string, client: WordPressClient, signal: AbortSignal): Promise<RemotePost | null> {
    // Without the companion plugin the site has nowhere to keep review data: it stays here.
    if (!this.#deps.site(siteId).plugin) return null;
    for (let write = 0; write < MAX_WRITES; write++) {
      signal.throwIfAborted();
      const known = this.#deps.outbox.remotePost(draftId, siteId);
      // Not on the site yet (the first submit has not gone out): the publish job queues this
      // job again when it is done.
      if (!known) return null;
      const post = await readPost(client, known.postId);
      if (!post) return null;
      const seen = this.absorb(draftId, siteId, post, client.host);
      if (!needsPush(seen.remote, seen.local)) return this.#deps.outbox.remotePost(draftId, siteId);
      let answer: SitePost;
      try {
        answer = await writeReview(client, post.id, seen.local, post.modified_gmt);
      } catch (error) {
        if (isStale(error)) continue;
        throw error;
      }
      this.#wrote(draftId, siteId, post, answer);
      // The site compares modified times to the second: a write in the same second as the
      // version read could have passed beside another one. Look again once that second is over.
      if (answer.modified_gmt !== post.modified_gmt) return this.#deps.outbox.remotePost(draftId, siteId);
      await (this.#deps.sleep ?? sleep)(1100, signal);
    }
    throw new AppError('remote', 'review.siteBusy', { host: client.host });
  }

  // Just before a publish updates the post: takes in review data (and review-only changes)
  // written since, so the publish is not stopped by them.
  async beforePost(draftId: string, siteId: string, client: WordPressClient): Promise<void> {
    const known = this.#deps.outbox.remotePost(draftId, siteId);
    if (!known || !this.#deps.site(siteId).plugin) return;
    const post = await readPost(client, known.postId);
    if (post) this.absorb(draftId, siteId, post, client.host);
  }

  // A publish job sent this article: it is what the site and this draft last had in common.
  published(draftId: string, siteId: string, article: ArticleFields): void {
    this.#deps.store.setBase(draftId, siteId, { articleSha: articleSha(article) });
  }

  // Takes in one reading of the post. Nothing here talks to the site. 'review.changed' is
  // said once when anything changed here: the review data, the warning about the site's copy,
  // the article (taken from the site) or the status (a step taken elsewhere).
  absorb(draftId: string, siteId: string, post: SitePost, host: string): { remote: RemoteReview; local: ReviewData } {
    this.#moveBase(draftId, siteId, post);
    const remote = readRemoteReview(post.meta?.[REVIEW_META]);
    const before = this.#deps.store.get(draftId);
    let local = before;
    let changed = false;
    if (remote.kind === 'ok') {
      const merged = this.#deps.store.update(draftId, (current) => mergeReview(current, remote.data));
      local = merged.data;
      changed = merged.changed;
    }
    changed = this.#setProblem(draftId, problemOf(remote, host)) || changed;
    // What follows changes the draft itself; a draft that cannot be changed now (drafts.db
    // being recovered, a save in flight) is brought up to date at the next reading.
    try {
      changed = this.#adoptArticle(draftId, siteId, post) || changed;
      changed = this.#followTimeline(draftId, before, local) || changed;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    if (changed) this.#deps.changed(draftId);
    return { remote, local };
  }

  // The post as the app last knew it moves along when only review data changed since.
  #moveBase(draftId: string, siteId: string, post: SitePost): void {
    const { outbox, store } = this.#deps;
    const known = outbox.remotePost(draftId, siteId);
    if (!known || known.postId !== post.id) return;
    const print = fingerprint(post);
    if (post.modified_gmt === known.modifiedGmt) {
      store.setBase(draftId, siteId, { modifiedGmt: post.modified_gmt, fingerprint: print });
      return;
    }
    const base = store.base(draftId, siteId);
    if (base && base.modifiedGmt === known.modifiedGmt && base.fingerprint === print) {
      outbox.rememberPost(draftId, { ...known, modifiedGmt: post.modified_gmt, status: post.status, link: post.link });
      store.setBase(draftId, siteId, { modifiedGmt: post.modified_gmt, fingerprint: print });
    }
  }

  // After this app's own write: if the version written over was the known one, the written
  // one is known now.
  #wrote(draftId: string, siteId: string, before: SitePost, after: SitePost): void {
    const known = this.#deps.outbox.remotePost(draftId, siteId);
    if (!known || known.modifiedGmt !== before.modified_gmt) return;
    this.#deps.outbox.rememberPost(draftId, { ...known, modifiedGmt: after.modified_gmt, status: after.status, link: after.link });
    this.#deps.store.setBase(draftId, siteId, { modifiedGmt: after.modified_gmt, fingerprint: fingerprint(after) });
  }

  // The site's article, taken when it is newer and nothing here changed since the two last
  // matched. Never while a publish of this draft to this site is unsettled (it sends its own
  // copy, and a conflict there is the writer's to decide). A local article changed too is
  // left alone: the next publish then meets the site's version as a conflict, as any edit
  // made on the web.
  #adoptArticle(draftId: string, siteId: string, post: SitePost): boolean {
    const { outbox, store, drafts } = this.#deps;
    const content = post.content?.raw;
    if (content === undefined || outbox.hasOpenJob(draftId, siteId)) return false;
    const site = decodeArticleDocument(post.meta?.['pressroom_document'], content);
    if (!site) return false;
    const base = store.base(draftId, siteId);
    const draft = drafts.get(draftId);
    const localSha = articleSha(draft.article);
    const siteSha = articleSha(site);
    if (siteSha === localSha) {
      store.setBase(draftId, siteId, { articleSha: siteSha });
      return false;
    }
    if (!base?.articleSha || base.articleSha !== localSha) return false;
    const known = outbox.remotePost(draftId, siteId);
    if (!known) return false;
    const saved = drafts.save(draftId, draft.revision, site);
    outbox.rememberPost(draftId, { ...known, modifiedGmt: post.modified_gmt, status: post.status, link: post.link, revision: saved.revision });
    store.setBase(draftId, siteId, { modifiedGmt: post.modified_gmt, fingerprint: fingerprint(post), articleSha: articleSha(drafts.get(draftId).article) });
    return true;
  }

  // A workflow step that arrived from the site sets the local status, as it did on the
  // machine where it was taken.
  #followTimeline(draftId: string, before: ReviewData, after: ReviewData): boolean {
    const latest = after.timeline.at(-1);
    if (!latest || latest.id === before.timeline.at(-1)?.id) return false;
    const draft = this.#deps.drafts.get(draftId);
    if (draft.status === latest.to) return false;
    this.#deps.drafts.setStatus(draftId, latest.to);
    return true;
  }

  #setProblem(draftId: string, problem: ErrorPayload | null): boolean {
    const current = this.#deps.store.problem(draftId);
    if (JSON.stringify(current) === JSON.stringify(problem)) return false;
    this.#deps.store.setProblem(draftId, problem);
    return true;
  }
}

// Whether the site's copy lacks something the local one has. A copy from a newer app is left
// as it is (this one would write an older format over it); a malformed one is replaced by the
// local copy, which is the only readable one left.
function needsPush(remote: RemoteReview, local: ReviewData): boolean {
  if (remote.kind === 'newer') return false;
  if (remote.kind === 'ok') return !containsReview(remote.data, local);
  if (remote.kind === 'invalid') return true;
  return local.threads.length > 0 || local.suggestions.length > 0 || local.timeline.length > 0;
}

function problemOf(remote: RemoteReview, host: string): ErrorPayload | null {
  if (remote.kind === 'invalid') return { code: 'invalid_input', messageKey: 'review.remoteInvalid', params: { host } };
  if (remote.kind === 'newer') return { code: 'invalid_input', messageKey: 'review.remoteNewer', params: { host } };
  return null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
