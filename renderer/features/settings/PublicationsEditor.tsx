import { useTranslation } from 'react-i18next';
import { formatIssue } from '../../../electron/model/issue-number.ts';
import type { Publication } from '../../../electron/model/preferences.ts';

interface PublicationsEditorProps {
  publications: readonly Publication[];
  onChange(publications: Publication[]): void;
}

type EditableKey = Exclude<keyof Publication, 'id'>;
const FIELDS: readonly EditableKey[] = ['name', 'issuePattern', 'captionPrefix', 'defaultSection', 'defaultSource', 'footerTemplate'];

// Publication profiles: each magazine's name, issue-number pattern, caption style, defaults and
// copyright footer. New drafts take them from the chosen publication.
export function PublicationsEditor({ publications, onChange }: PublicationsEditorProps) {
  const { t } = useTranslation();

  const change = (index: number, key: EditableKey, value: string) =>
    onChange(publications.map((p, i) => (i === index ? { ...p, [key]: value } : p)));

  const add = () =>
    onChange([
      ...publications,
      {
        id: crypto.randomUUID(),
        name: t('settings.newPublication'),
        issuePattern: '제YYYYMM호',
        captionPrefix: '△',
        footerTemplate: '',
        defaultSection: '',
        defaultSource: '',
      },
    ]);

  return (
    <fieldset className="publications">
      <legend>{t('settings.publications')}</legend>
      {publications.map((publication, index) => (
        <fieldset key={publication.id} className="publication">
          <legend>{publication.name}</legend>
          {FIELDS.map((key) => (
            <label key={key} className="settings-row">
              {t(`settings.publication.${key}`)}
              {key === 'footerTemplate' ? (
                <textarea rows={2} value={publication[key]} onChange={(event) => change(index, key, event.target.value)} />
              ) : (
                <input value={publication[key]} onChange={(event) => change(index, key, event.target.value)} />
              )}
            </label>
          ))}
          <p className="field-hint">{t('settings.issueExample', { example: formatIssue(publication.issuePattern, new Date()) })}</p>
          <button type="button" onClick={() => onChange(publications.filter((_, i) => i !== index))}>
            {t('settings.removePublication', { name: publication.name })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={add}>
        {t('settings.addPublication')}
      </button>
    </fieldset>
  );
}
