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
  const { assets, drafts, preferences } = services;
  const ok = { ok: true } as const;
  return {
    'app.info': () => identity,
    'drafts.list': ({ scope, limit }) => drafts.list(scope, limit),
    'drafts.summaries': ({ ids }) => drafts.summaries(ids),
    'drafts.create': ({ publicationId }) => drafts.create(publicationId),
    'drafts.get': ({ id }) => drafts.get(id),
    'drafts.save': ({ id, baseRevision, article: { body, ...fields } }) => drafts.save(id, baseRevision, { ...fields, body: body.document }, body.text),
    'drafts.search': ({ query, scope, limit }) => drafts.search(query, scope, limit),
    'drafts.setStatus': ({ id, status }) => drafts.setStatus(id, status),
    'drafts.trash': ({ id }) => (drafts.trash(id), ok),
    'drafts.restore': ({ id }) => (drafts.restore(id), ok),
    // The purged draft's assets go once nothing else refers to them (collected in the background).
    'drafts.purge': ({ id }) => {
      drafts.purge(id);
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
    'settings.get': () => preferences.get(),
    'settings.update': (patch) => preferences.update(patch),
  };
}
