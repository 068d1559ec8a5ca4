import { mkdirSync } from 'node:fs';
import { DraftsService } from './drafts/service.ts';
import { DraftsStorage } from './drafts/storage-health.ts';
import type { EventSink } from './events.ts';
import { type PreferencesFile, PreferencesService } from './settings/preferences.ts';

export interface ServicesConfig {
  dataDir: string;
  preferencesFile: PreferencesFile;
  events: EventSink;
  now?: () => Date;
}

export interface Services {
  drafts: DraftsService;
  // drafts.db's health: backups, and recovery when it is damaged.
  storage: DraftsStorage;
  preferences: PreferencesService;
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
  return {
    drafts,
    storage,
    preferences,
    close: () => storage.close(),
  };
}
