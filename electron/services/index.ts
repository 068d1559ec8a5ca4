import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ChooseSavePath } from './assets/draft-export.ts';
import type { ReferenceSource } from './assets/garbage.ts';
import type { FileOpener } from './assets/open-copy.ts';
import { AssetsService } from './assets/service.ts';
import { DraftsService } from './drafts/service.ts';
import { englishLabels, koreanLabels } from './publishing/blocks/index.ts';
import { openPublishingDatabase } from './publishing/database.ts';
import type { SecretBox } from './publishing/secrets.ts';
import { PublishingService } from './publishing/service.ts';
import { SitesService } from './publishing/sites.ts';
import { ReviewService } from './review/service.ts';
import { DraftsStorage } from './drafts/storage-health.ts';
import type { EventSink } from './events.ts';
import { type PreferencesFile, PreferencesService } from './settings/preferences.ts';

export interface ServicesConfig {
  dataDir: string;
  preferencesFile: PreferencesFile;
  events: EventSink;
  now?: () => Date;
  // How a stored file is opened in the OS's own app: shell.openPath in Electron. Without one
  // (tests, the test host unless it records them) opening answers that no app is available.
  openPath?: FileOpener['openPath'];
  // Where an exported draft is saved: main's save dialog. null when the writer cancelled.
  chooseSavePath?: ChooseSavePath;
  // When the first background collection of unused assets runs after start.
  assetCollectionDelayMs?: number;
  // Seals application passwords: Electron's safeStorage in the app. Without one, adding a site
  // is refused (no keychain).
  secrets?: SecretBox;
  // How long a failed publish waits before it is tried again (tests make it short).
  publishingBackoffMs?: (attempt: number) => number;
  parallelUploads?: number;
  fetch?: typeof fetch;
  // How often the review queue and the drafts under review are refreshed from the sites in the
  // background; 0 turns it off. Five minutes unless told.
  reviewRefreshMs?: number;
}

export interface Services {
  drafts: DraftsService;
  // drafts.db's health: backups, and recovery when it is damaged.
  storage: DraftsStorage;
  preferences: PreferencesService;
  // Photos and attachments; a draft exported or imported as one file.
  assets: AssetsService;
  // WordPress sites and the accounts on them.
  sites: SitesService;
  // The pre-flight check, the outbox and what each draft became on each site.
  publishing: PublishingService;
  // Editorial review: comments, suggestions, the workflow and the editor's queue.
  review: ReviewService;
  close(): void;
}

// Builds every service from what it needs. Main and the test host both start the app here, so
// the tests exercise the same wiring the user runs.
export function createServices(config: ServicesConfig): Services {
  mkdirSync(config.dataDir, { recursive: true });
  const preferences = new PreferencesService(config.preferencesFile);
  // A damaged drafts.db puts storage in 'needs recovery' instead of throwing here, so the app
  // still starts and can offer the writer the backups.
  const storage = new DraftsStorage({ dataDir: config.dataDir, ...(config.now ? { now: config.now } : {}) });
  storage.open();
  const drafts = new DraftsService({
    storage,
    events: config.events,
    publications: () => preferences.get().publications,
    ...(config.now ? { now: config.now } : {}),
  });
  const assets = new AssetsService({
    dataDir: config.dataDir,
    media: () => preferences.get().media,
    opener: { openPath: config.openPath ?? (() => Promise.resolve('no application is available to open files here')) },
    chooseSavePath: config.chooseSavePath ?? (() => Promise.resolve(null)),
    referenceSources: () => referenceSources(storage),
    drafts: { get: (id) => drafts.get(id), listRevisions: (id) => drafts.listRevisions(id), getRevision: (id) => drafts.getRevision(id), importDraft: (draft) => drafts.importDraft(draft) },
    ...(config.now ? { now: config.now } : {}),
    ...(config.assetCollectionDelayMs !== undefined ? { startupCollectionDelayMs: config.assetCollectionDelayMs } : {}),
  });
  const publishingDb = openPublishingDatabase(join(config.dataDir, 'publishing.db'));
  const sites = new SitesService({
    db: publishingDb,
    secrets: config.secrets ?? noKeychain,
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(config.now ? { now: config.now } : {}),
  });
  const publishing = new PublishingService({
    db: publishingDb,
    sites,
    drafts,
    assets: assets.store,
    media: () => preferences.get().media,
    publications: () => preferences.get().publications,
    // The words printed beside the fields on the site's page, in the language the writer uses.
    labels: () => (preferences.get().locale === 'en' ? englishLabels : koreanLabels),
    events: config.events,
    ...(config.publishingBackoffMs ? { backoffMs: config.publishingBackoffMs } : {}),
    ...(config.parallelUploads ? { parallelUploads: config.parallelUploads } : {}),
    ...(config.now ? { now: config.now } : {}),
  });
  const review = new ReviewService({
    db: publishingDb,
    sites,
    publishing,
    drafts,
    events: config.events,
    ...(config.reviewRefreshMs !== undefined ? { refreshEveryMs: config.reviewRefreshMs } : {}),
    ...(config.now ? { now: config.now } : {}),
  });
  return {
    drafts,
    storage,
    preferences,
    assets,
    sites,
    publishing,
    review,
    close: () => {
      review.close();
      publishing.close();
      publishingDb.close();
      assets.close();
      storage.close();
    },
  };
}

const noKeychain: SecretBox = {
  status: () => ({ available: false, backend: 'none', secure: false }),
  seal: () => Promise.reject(new Error('no keychain')),
  open: () => Promise.reject(new Error('no keychain')),
};

// drafts.db read through a connection of its own (read-only, so it never takes a write lock or
// waits on a save; WAL lets it read beside the app's connection), and each backup. Asked for
// anew on every collection: after a restore the database is another file. Nothing is offered
// while drafts.db is not open, so nothing is collected then.
function referenceSources(storage: DraftsStorage): ReferenceSource[] {
  storage.store();
  const live: ReferenceSource = { live: true, open: () => new DatabaseSync(storage.file, { readOnly: true }) };
  const backups = storage.backups.files.names().flatMap((name): ReferenceSource[] => {
    const path = storage.backups.files.pathOf(name);
    return path ? [{ live: false, open: () => (existsSync(path) ? new DatabaseSync(path, { readOnly: true }) : undefined) }] : [];
  });
  return [live, ...backups];
}
