import { renameSync } from 'node:fs';
import ElectronStore from 'electron-store';
import type { PreferencesFile } from './services/settings/preferences.ts';

// A preferences file that no longer parses is set aside (never deleted) and a fresh one
// started, so a damaged file costs the user their settings at worst, never the app.
export function openPreferencesFile(): PreferencesFile {
  try {
    return new ElectronStore<Record<string, unknown>>({ name: 'preferences', clearInvalidConfig: false });
  } catch {
    const fresh = new ElectronStore<Record<string, unknown>>({ name: 'preferences', clearInvalidConfig: true });
    try {
      renameSync(fresh.path, `${fresh.path}.unreadable-${Date.now()}`);
    } catch {
      // Nothing to set aside: the store could not even be read from its path.
    }
    return new ElectronStore<Record<string, unknown>>({ name: 'preferences', clearInvalidConfig: true });
  }
}
