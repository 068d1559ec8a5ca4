import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPreferences, type Preferences } from '../../../electron/model/preferences.ts';
import { usePreferences } from '../../state/preferences.ts';
import { SitesSection } from '../publishing/SitesSection.tsx';
import { CheckedField } from './CheckedField.tsx';
import { PublicationsEditor } from './PublicationsEditor.tsx';

const fontSize = EditorPreferences.shape.fontSize.unwrap();
const FONT_SIZE = { schema: fontSize, min: fontSize.minValue ?? 0, max: fontSize.maxValue ?? 0 };

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
  const problem = usePreferences((state) => state.problem);
  if (!preferences) return null;

  return (
    <div className="settings">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {problem && (
        <p className="field-error" role="alert">
          {t('settings.notSaved', { reason: t(problem.messageKey, problem.params ?? {}) })}
        </p>
      )}
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
      <CheckedField
        label={t('settings.fontSize')}
        type="number"
        min={FONT_SIZE.min}
        max={FONT_SIZE.max}
        value={String(preferences.editor.fontSize)}
        problem={(text) => (text.trim() !== '' && FONT_SIZE.schema.safeParse(Number(text)).success ? null : t('settings.fontSizeRange', { min: FONT_SIZE.min, max: FONT_SIZE.max }))}
        onCommit={(text) => void update({ editor: { fontSize: Number(text) } })}
      />
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
