import { create } from 'zustand';
import type { AppError } from '../../electron/model/errors.ts';
import type { Preferences, PreferencesPatch } from '../../electron/model/preferences.ts';
import { api } from '../bridge.ts';
import { changeLanguage, resolveLanguage } from '../i18n/index.ts';
import { asAppError } from '../errors.ts';

interface PreferencesState {
  preferences: Preferences | null;
  systemLocale: string;
  load(preferences: Preferences, systemLocale: string): void;
  update(patch: PreferencesPatch): Promise<void>;
  // Why the last change could not be stored, until one is.
  problem: AppError | null;
}

let queue: Promise<void> = Promise.resolve();
let latestUpdate = 0;

export const usePreferences = create<PreferencesState>()((set, get) => ({
  preferences: null,
  systemLocale: 'en',
  problem: null,
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
    let preferences: Preferences;
    try {
      preferences = await sent;
      set({ problem: null });
    } catch (error) {
      // Not stored (a disk that refuses the file, a value main would not take): the dialog says
      // so, and shows again what is stored rather than what was only typed.
      set({ problem: asAppError(error) });
      preferences = await api.invoke('settings.get', {});
    }
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
