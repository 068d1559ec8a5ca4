import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ArticleFields, MAX_TAG_LENGTH, maxLengthOf, Slug, type TextField, toSlug } from '../../../electron/model/article.ts';
import { formatIssue, matchesIssuePattern } from '../../../electron/model/issue-number.ts';
import { useDraft } from '../../state/draft.ts';
import { usePreferences } from '../../state/preferences.ts';

type DetailField = Exclude<TextField, 'publicationId' | 'kicker' | 'headline' | 'deck'> | 'dateWritten';

// The fields around the body: where the article goes (publication, issue, section) and what the
// site shows with it (byline, date, source, tags, slug, excerpt, footer).
export function ArticleDetails({ article }: { article: ArticleFields }) {
  const { t } = useTranslation();
  const setField = useDraft((state) => state.setField);
  const publications = usePreferences((state) => state.preferences?.publications ?? []);
  const publication = publications.find((p) => p.id === article.publicationId);
  const issueValid = !publication || article.issue === '' || matchesIssuePattern(publication.issuePattern, article.issue);
  const slugValid = Slug.safeParse(article.slug).success;

  return (
    <details className="article-details" open>
      <summary>{t('fields.details')}</summary>
      <div className="details-grid">
        <Field label={t('fields.publication')}>
          {(id) => (
            <select id={id} value={article.publicationId} onChange={(event) => setField('publicationId', event.target.value)}>
              <option value="">{t('fields.noPublication')}</option>
              {publications.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextInput
          field="issue"
          label={t('fields.issue')}
          article={article}
          error={
            issueValid
              ? undefined
              : t('fields.issueInvalid', { pattern: publication?.issuePattern ?? '', example: formatIssue(publication?.issuePattern ?? '', new Date()) })
          }
        />
        <TextInput field="section" label={t('fields.section')} article={article} />
        <TextInput field="byline" label={t('fields.byline')} article={article} />
        <TextInput field="dateWritten" label={t('fields.dateWritten')} article={article} type="date" />
        <TextInput field="source" label={t('fields.source')} article={article} />
        <Field label={t('fields.tags')} hint={t('fields.tagsHint')}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              defaultValue={article.tags.join(', ')}
              // Kept as typed (the field is the writer's), stored as parsed at each change, so a
              // window closed with the caret still in the field keeps its tags too.
              onChange={(event) => setField('tags', parseTags(event.target.value))}
            />
          )}
        </Field>
        <TextInput field="slug" label={t('fields.slug')} article={article} error={slugValid ? undefined : t('fields.slugInvalid')} />
        <TextInput field="excerpt" label={t('fields.excerpt')} article={article} multiline wide />
        <TextInput field="footer" label={t('fields.footer')} article={article} multiline wide />
      </div>
    </details>
  );
}

function parseTags(value: string): string[] {
  const tags = value
    .split(/[,，、]/)
    .map((tag) => tag.trim().normalize('NFC'))
    .filter((tag) => tag.length > 0)
    .map((tag) => tag.slice(0, MAX_TAG_LENGTH));
  return [...new Set(tags)].slice(0, 50);
}

interface TextInputProps {
  field: DetailField;
  label: string;
  article: ArticleFields;
  error?: string | undefined;
  type?: 'text' | 'date';
  multiline?: boolean;
  wide?: boolean;
}

function TextInput({ field, label, article, error, type = 'text', multiline = false, wide = false }: TextInputProps) {
  const setField = useDraft((state) => state.setField);
  const change = (value: string) => setField(field, field === 'slug' ? toSlug(value) : value);
  const maxLength = field === 'dateWritten' ? undefined : maxLengthOf(field);
  return (
    <Field label={label} error={error} wide={wide}>
      {(id, describedBy) =>
        multiline ? (
          <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={Boolean(error)} value={article[field]} maxLength={maxLength} onChange={(event) => change(event.target.value)} />
        ) : (
          <input id={id} type={type} aria-describedby={describedBy} aria-invalid={Boolean(error)} value={article[field]} maxLength={maxLength} onChange={(event) => change(event.target.value)} />
        )
      }
    </Field>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string | undefined;
  wide?: boolean;
  children: (id: string, describedBy: string | undefined) => React.ReactNode;
}

function Field({ label, hint, error, wide = false, children }: FieldProps) {
  const id = useId();
  const note = error ?? hint;
  return (
    <div className={`field${wide ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, note ? `${id}-note` : undefined)}
      {note && (
        <span id={`${id}-note`} className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
          {note}
        </span>
      )}
    </div>
  );
}
