import { create } from 'zustand';
import type { Preferences, PreferencesPatch } from '../../electron/model/preferences.ts';
import { api } from '../bridge.ts';
import { changeLanguage, resolveLanguage } from '../i18n/index.ts';

interface PreferencesState {
  preferences: Preferences | null;
  systemLocale: string;
  load(preferences: Preferences, systemLocale: string): void;
  update(patch: PreferencesPatch): Promise<void>;
}

let queue: Promise<void> = Promise.resolve();
let latestUpdate = 0;

export const usePreferences = create<PreferencesState>()((set, get) => ({
  preferences: null,
  systemLocale: 'en',
  load(preferences, systemLocale) {
    set({ preferences, systemLocale });
    applyAppearance(preferences);
  },
  // Applied here at once, then sent: a second edit (the next field of a publication) must build
  // on the first even before main has answered it. Sends go one at a time, in order, and only
  // the answer to the latest is taken as the truth.
  async update(patch) {
    const current = get().preferences;
    if (current) {
      const optimistic: Preferences = { ...current, ...patch, editor: { ...current.editor, ...patch.editor }, media: { ...current.media, ...patch.media } };
      set({ preferences: optimistic });
      applyAppearance(optimistic);
    }
    const sequence = ++latestUpdate;
    const sent = queue.then(() => api.invoke('settings.update', patch));
    queue = sent.then(
      () => undefined,
      () => undefined,
    );
    const preferences = await sent;
    if (sequence === latestUpdate) {
      set({ preferences });
      applyAppearance(preferences);
    }
    if (patch.locale) await changeLanguage(resolveLanguage(preferences.locale, get().systemLocale));
  },
}));

function applyAppearance(preferences: Preferences): void {
  const root = document.documentElement;
  root.dataset.theme = preferences.theme;
  root.style.setProperty('--editor-font-size', `${preferences.editor.fontSize}px`);
}
