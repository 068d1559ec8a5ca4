import type { Handlers } from './ipc.ts';
import type { Services } from './services/index.ts';

export interface AppIdentity {
  name: string;
  version: string;
  platform: string;
  systemLocale: string;
}

// Maps each contract channel to the service that answers it. The Handlers type makes a missing
// or mistyped channel a compile error.
export function createHandlers(services: Services, identity: AppIdentity): Handlers {
  const { assets, drafts, preferences, review } = services;
  const ok = { ok: true } as const;
  return {
    'app.info': () => identity,
    'drafts.list': ({ scope, limit }) => drafts.list(scope, limit),
    'drafts.summaries': ({ ids }) => drafts.summaries(ids),
    'drafts.create': ({ publicationId }) => drafts.create(publicationId),
    'drafts.get': ({ id }) => drafts.get(id),
    'drafts.save': ({ id, baseRevision, article }) => drafts.saveEdited(id, baseRevision, article),
    'drafts.search': ({ query, scope, limit, filters }) => drafts.search(query, scope, limit, filters),
    'drafts.setStatus': ({ id, status }) => drafts.setStatus(id, status),
    'drafts.trash': ({ id }) => (drafts.trash(id), ok),
    'drafts.restore': ({ id }) => (drafts.restore(id), ok),
    // The purged draft's assets go once nothing else refers to them (collected in the background).
    'drafts.purge': ({ id }) => {
      drafts.purge(id);
      review.forgetDraft(id);
      assets.collectSoon();
      return ok;
    },
    'drafts.duplicate': ({ id }) => drafts.duplicate(id),
    'revisions.list': ({ draftId }) => drafts.listRevisions(draftId),
    'revisions.get': ({ id }) => drafts.getRevision(id),
    'revisions.snapshot': ({ draftId }) => drafts.saveVersion(draftId),
    'revisions.restore': ({ draftId, revisionId, baseRevision }) => drafts.restoreRevision(draftId, revisionId, baseRevision),
    'storage.status': () => services.storage.status(),
    'storage.recover': ({ backupId }) => services.storage.recover(backupId),
    'assets.import': ({ name, bytes, purpose }) => assets.import(name, bytes, purpose),
    'assets.check': ({ ids }) => assets.check(ids),
    'assets.open': async ({ id, name }) => (await assets.open(id, name), ok),
    'drafts.export': ({ id }) => assets.exportDraft(id),
    'drafts.import': ({ bytes }) => assets.importDraft(bytes),
    'sites.list': () => services.sites.list(),
    'sites.add': ({ url, username, appPassword }) => services.sites.add(url, username, appPassword),
    'sites.verify': ({ id }) => services.sites.verify(id),
    'sites.remove': ({ id }) => (services.sites.remove(id), ok),
    'sites.keyring': () => services.sites.keyring(),
    'publish.check': ({ draftId, siteId, action }) => services.publishing.check(draftId, siteId, action),
    'publish.start': ({ draftId, siteId, action, scheduleAt }) => services.publishing.publish(draftId, siteId, action, scheduleAt ?? null),
    'publish.remote': ({ draftId }) => services.publishing.remotePosts(draftId),
    'posts.list': ({ siteId, search }) => services.publishing.sitePosts(siteId, search),
    'posts.open': ({ siteId, postId }) => services.publishing.openSitePost(siteId, postId),
    'outbox.list': () => services.publishing.jobs(),
    'outbox.cancel': ({ id }) => services.publishing.cancel(id),
    'outbox.retry': ({ id, keepMine }) => services.publishing.retry(id, keepMine),
    'outbox.siteVersion': ({ id }) => services.publishing.siteVersion(id),
    'review.get': ({ draftId }) => review.get(draftId),
    'review.problem': ({ draftId }) => review.problem(draftId),
    'review.me': ({ draftId }) => review.me(draftId),
    'review.startThread': ({ draftId, threadId, quote, text }) => review.startThread(draftId, threadId, quote, text),
    'review.reply': ({ draftId, threadId, text }) => review.reply(draftId, threadId, text),
    'review.resolve': ({ draftId, threadId, resolved }) => review.resolve(draftId, threadId, resolved),
    'review.suggest': ({ draftId, suggestionId, kind, text }) => review.suggest(draftId, suggestionId, kind, text),
    'review.decide': ({ draftId, suggestionId, decision }) => review.decide(draftId, suggestionId, decision),
    'review.transition': ({ draftId, siteId, action, note, scheduleAt }) => review.transition(draftId, siteId, action, note, scheduleAt),
    'review.queue': () => review.queue(),
    'review.refresh': () => review.refresh(),
    'review.open': ({ siteId, postId }) => review.open(siteId, postId),
    'settings.get': () => preferences.get(),
    'settings.update': (patch) => preferences.update(patch),
  };
}
