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
export function isSerializedBlock(value: unknown): value is { type: string; [key: string]: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && (value as { type: string }).type.length <= 64;
}
const SerializedBlock = z.custom<{ type: string; [key: string]: unknown }>(isSerializedBlock, { message: 'body.invalidBlock' });
export const MAX_BLOCKS = 100_000;
export const MAX_BODY_CHARS = 64 * 1024 * 1024;

export const LexicalDocument = z.looseObject({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(SerializedBlock).max(MAX_BLOCKS),
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

// A slug as the writer types it, made into one Slug accepts: capitals lowered, spaces and
// underscores as hyphens, anything else a web address would have to escape left out. The field
// then never holds a value that would stop the draft's saves.
export function toSlug(typed: string): string {
  return typed
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_]+/gu, '-')
    .replace(/[^\p{Ll}\p{Lo}\p{Nd}-]/gu, '')
    .slice(0, 200);
}

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

// The fields typed as one line or one box of text.
export type TextField = 'publicationId' | 'issue' | 'section' | 'kicker' | 'headline' | 'deck' | 'byline' | 'source' | 'slug' | 'excerpt' | 'footer';

// The longest text the contract takes in a field, read from the schema, so an input stops where
// a save would be refused rather than letting the writer type on into a draft that no longer saves.
export function maxLengthOf(field: TextField): number {
  return ArticleFields.shape[field].unwrap().maxLength ?? Number.MAX_SAFE_INTEGER;
}
export const MAX_TAG_LENGTH = ArticleFields.shape.tags.unwrap().element.maxLength ?? Number.MAX_SAFE_INTEGER;

// The body as an autosave sends it: JSON text rather than an object tree. The editor keeps each
// block's JSON from the last save and joins them, so a save of a long article costs the page one
// string hand-over instead of cloning thousands of objects, and main stores the text it checked
// instead of serializing the tree again. Parsed here so nothing malformed reaches the store.
export const BodyText = z
  .string()
  .max(MAX_BODY_CHARS)
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

// The body as the editor sends it: only the top-level blocks that changed since main last
// confirmed a save from this editor session, and the order of all of them by the editor's node
// keys. Main keeps the rest from that save (see services/drafts/body-patches.ts), so a keystroke
// in a long article hands the bridge one paragraph instead of the whole text. A patch main
// cannot complete (it restarted, another save came between) is refused as body.resync, and the
// editor sends every block.
const BlockKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const BodyPatch = z
  .object({
    session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    // The root node's own JSON, without its children.
    head: z.string().max(64 * 1024),
    order: z.array(BlockKey).max(MAX_BLOCKS),
    blocks: z.record(BlockKey, z.string().max(MAX_BODY_CHARS)),
  })
  .strict();
export type BodyPatch = z.infer<typeof BodyPatch>;

// The body's JSON text from the root's own JSON and its blocks' JSON texts: the same text as
// JSON.stringify(editorState.toJSON()). The editor and main join it the same way, here.
// Built by concatenation rather than Array.join: V8 keeps the result as a rope and copies it
// once, when it is written (SQLite binds it), instead of once here and again there; for a long
// article each copy is milliseconds of an autosave.
export function joinBody(head: string, blocks: readonly string[]): string {
  const own = head.slice(1, -1);
  let text = `{"root":{${own}${own === '' ? '' : ','}"children":[`;
  for (let i = 0; i < blocks.length; i++) text += i === 0 ? blocks[i] : `,${blocks[i]}`;
  return `${text}]}}`;
}

// What drafts.save receives: every field, with the body as JSON text (parsed beside it for the
// search index) or as a patch of it.
export const SavedArticle = ArticleFields.extend({ body: z.union([BodyText, BodyPatch]) });
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
