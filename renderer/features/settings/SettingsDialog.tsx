import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../electron/model/preferences.ts';
import { usePreferences } from '../../state/preferences.ts';
import { SitesSection } from '../publishing/SitesSection.tsx';
import { PublicationsEditor } from './PublicationsEditor.tsx';

// Preferences in a native modal dialog: it traps focus, closes on Escape and hands focus back
// to the button that opened it.
export function SettingsButton() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {t('settings.open')}
      </button>
      <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-title">
        <SettingsForm onClose={() => dialog.current?.close()} />
      </dialog>
    </>
  );
}

function SettingsForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const preferences = usePreferences((state) => state.preferences);
  const update = usePreferences((state) => state.update);
  if (!preferences) return null;

  return (
    <div className="settings">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="settings-row">
        {t('settings.language')}
        <select value={preferences.locale} onChange={(event) => void update({ locale: event.target.value as Preferences['locale'] })}>
          <option value="system">{t('settings.system')}</option>
          <option value="ko">{t('settings.korean')}</option>
          <option value="en">{t('settings.english')}</option>
        </select>
      </label>
      <label className="settings-row">
        {t('settings.theme')}
        <select value={preferences.theme} onChange={(event) => void update({ theme: event.target.value as Preferences['theme'] })}>
          <option value="system">{t('settings.system')}</option>
          <option value="light">{t('settings.light')}</option>
          <option value="dark">{t('settings.dark')}</option>
        </select>
      </label>
      <label className="settings-row">
        {t('settings.fontSize')}
        <input
          type="number"
          min={12}
          max={28}
          value={preferences.editor.fontSize}
          onChange={(event) => {
            const fontSize = Number(event.target.value);
            if (fontSize >= 12 && fontSize <= 28) void update({ editor: { fontSize } });
          }}
        />
      </label>
      <PublicationsEditor publications={preferences.publications} onChange={(publications) => void update({ publications })} />
      <SitesSection />
      <div className="settings-footer">
        <button type="button" className="button-primary" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
    </div>
  );
}
