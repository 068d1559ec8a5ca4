import type { ArticleFields } from '../../../electron/model/article.ts';
import { bodyParagraphs } from '../../../electron/model/plain-text.ts';
import { diffParagraphs, diffWords, type ParagraphChange, type Part } from './diff.ts';

// The fields a writer reads, in the order the article shows them. publicationId is an internal
// key, not text, and the body is compared paragraph by paragraph below.
export const DIFFED_FIELDS = [
  'kicker',
  'headline',
  'deck',
  'byline',
  'section',
  'issue',
  'dateWritten',
  'source',
  'tags',
  'slug',
  'excerpt',
  'footer',
] as const;
export type DiffedField = (typeof DIFFED_FIELDS)[number];

export interface FieldChange {
  field: DiffedField;
  parts: Part[];
}

export interface ArticleDiff {
  fields: FieldChange[];
  body: ParagraphChange[];
  // False when nothing a reader could see differs.
  changed: boolean;
}

type DiffedFields = Pick<ArticleFields, DiffedField>;

function fieldText(article: DiffedFields, field: DiffedField): string {
  const value = article[field];
  return Array.isArray(value) ? value.join(', ') : value;
}

// Text only: a change of formatting alone (bold, a link target) does not show here.
export function diffArticles(before: ArticleFields, after: ArticleFields): ArticleDiff {
  return diffTexts({ fields: before, paragraphs: bodyParagraphs(before.body) }, { fields: after, paragraphs: bodyParagraphs(after.body) });
}

// The same from the fields and the body's paragraphs, as main sends a post's text (SiteVersion).
export function diffTexts(before: { fields: DiffedFields; paragraphs: string[] }, after: { fields: DiffedFields; paragraphs: string[] }): ArticleDiff {
  const fields: FieldChange[] = [];
  for (const field of DIFFED_FIELDS) {
    const old = fieldText(before.fields, field);
    const now = fieldText(after.fields, field);
    if (old !== now) fields.push({ field, parts: diffWords(old, now) });
  }
  const body = diffParagraphs(before.paragraphs, after.paragraphs);
  return { fields, body, changed: fields.length > 0 || body.some((change) => change.kind !== 'equal') };
}
