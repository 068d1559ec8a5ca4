import { mkdirSync } from 'node:fs';
import { DraftsService } from './drafts/service.ts';
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
  preferences: PreferencesService;
  close(): void;
}

// Builds every service from what it needs. Main and the test host both start the app here, so
// the tests exercise the same wiring the user runs.
export function createServices(config: ServicesConfig): Services {
  mkdirSync(config.dataDir, { recursive: true });
  const preferences = new PreferencesService(config.preferencesFile);
  const drafts = new DraftsService({
    dataDir: config.dataDir,
    events: config.events,
    publications: () => preferences.get().publications,
    ...(config.now ? { now: config.now } : {}),
  });
  return {
    drafts,
    preferences,
    close: () => drafts.close(),
  };
}
