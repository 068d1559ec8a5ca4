import { useTranslation } from 'react-i18next';
import { formatIssue } from '../../../electron/model/issue-number.ts';
import { Publication } from '../../../electron/model/preferences.ts';
import { CheckedField } from './CheckedField.tsx';

interface PublicationsEditorProps {
  publications: readonly Publication[];
  onChange(publications: Publication[]): void;
}

type EditableKey = Exclude<keyof Publication, 'id'>;
const FIELDS: readonly EditableKey[] = ['name', 'issuePattern', 'captionPrefix', 'defaultSection', 'defaultSource', 'footerTemplate'];

// What the preferences take in each field, from the contract's schema. Only the name can be
// refused once the input keeps to its length: it may not be empty.
function fieldSchema(key: EditableKey) {
  const schema = Publication.shape[key];
  return 'unwrap' in schema ? schema.unwrap() : schema;
}

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
            <CheckedField
              key={key}
              label={t(`settings.publication.${key}`)}
              multiline={key === 'footerTemplate'}
              maxLength={fieldSchema(key).maxLength ?? undefined}
              value={publication[key]}
              problem={(text) => (fieldSchema(key).safeParse(text).success ? null : t('settings.publicationNameRequired'))}
              onCommit={(text) => change(index, key, text)}
            />
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
