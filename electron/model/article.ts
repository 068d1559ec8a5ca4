import { z } from 'zod';
import { Attachment } from './asset.ts';

// The article model. Every field a published article has lives here as data, not as body text,
// so publishing can place each one where the site expects it (see shared/fixtures/README.md).

export const ArticleStatus = z.enum([
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
]);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

// Lexical's serialized editor state. Only the envelope is checked here; node shapes are the
// editor's business, and the main process never renders them.
// Checked in place rather than parsed into copies: a long article has thousands of blocks and
// this runs on every autosave.
const SerializedBlock = z.custom<{ type: string; [key: string]: unknown }>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && (value as { type: string }).type.length <= 64,
  { message: 'body.invalidBlock' },
);

export const LexicalDocument = z.looseObject({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(SerializedBlock).max(100_000),
  }),
});
export type LexicalDocument = z.infer<typeof LexicalDocument>;

const line = (max: number) => z.string().max(max).default('');

export const IsoDate = z.union([z.literal(''), z.iso.date()]);

export const Slug = z
  .string()
  .max(200)
  .regex(/^[\p{Ll}\p{Lo}\p{Nd}-]*$/u, 'slug.invalid')
  .default('');

export const ArticleFields = z.object({
  publicationId: line(64),
  issue: line(32),
  section: line(100),
  kicker: line(100),
  headline: line(500),
  deck: line(2000),
  body: LexicalDocument,
  byline: line(200),
  dateWritten: IsoDate.default(''),
  source: line(200),
  tags: z.array(z.string().min(1).max(100)).max(50).default([]),
  slug: Slug,
  excerpt: line(2000),
  footer: line(2000),
  // 첨부파일: files readers download, in the order the writer set.
  attachments: z.array(Attachment).max(100).default([]),
});
export type ArticleFields = z.infer<typeof ArticleFields>;

// The body as an autosave sends it: JSON text rather than an object tree. The editor keeps each
// block's JSON from the last save and joins them, so a save of a long article costs the page one
// string hand-over instead of cloning thousands of objects, and main stores the text it checked
// instead of serializing the tree again. Parsed here so nothing malformed reaches the store.
export const BodyText = z
  .string()
  .max(64 * 1024 * 1024)
  .transform((text, context) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'body.notJson' });
      return z.NEVER;
    }
    const document = LexicalDocument.safeParse(value);
    if (!document.success) {
      for (const issue of document.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { text, document: document.data };
  });

// What drafts.save receives: every field, with the body still in its JSON text beside the
// parsed copy the search index reads.
export const SavedArticle = ArticleFields.extend({ body: BodyText });
export type SavedArticle = z.output<typeof SavedArticle>;

export const DraftId = z.uuid();

export const Draft = z.object({
  id: DraftId,
  revision: z.number().int().nonnegative(),
  status: ArticleStatus,
  article: ArticleFields,
  createdAt: z.string(),
  updatedAt: z.string(),
  trashedAt: z.string().nullable(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftSummary = z.object({
  id: DraftId,
  headline: z.string(),
  status: ArticleStatus,
  section: z.string(),
  issue: z.string(),
  byline: z.string(),
  updatedAt: z.string(),
  trashedAt: z.string().nullable(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export function emptyBody(): LexicalDocument {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [], textFormat: 0, textStyle: '' },
      ],
    },
  };
}
