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

export const usePreferences = create<PreferencesState>()((set, get) => ({
  preferences: null,
  systemLocale: 'en',
  load(preferences, systemLocale) {
    set({ preferences, systemLocale });
    applyAppearance(preferences);
  },
  async update(patch) {
    const preferences = await api.invoke('settings.update', patch);
    set({ preferences });
    applyAppearance(preferences);
    if (patch.locale) await changeLanguage(resolveLanguage(preferences.locale, get().systemLocale));
  },
}));

function applyAppearance(preferences: Preferences): void {
  const root = document.documentElement;
  root.dataset.theme = preferences.theme;
  root.style.setProperty('--editor-font-size', `${preferences.editor.fontSize}px`);
}
