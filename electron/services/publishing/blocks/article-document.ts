import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ArticleFields } from '../../../model/article.ts';

// The article as the app stores it, kept on the post (meta pressroom_document, registered by
// resources/wordpress/pressroom-companion.php) so opening the post again loses nothing the block
// markup cannot carry: alignment choices, empty lines, the local asset ids.
//
// It is stamped with a hash of the content it was published with. A post edited on the web has
// other content, and then the markup is what the writer must continue from: the stale document
// is ignored rather than silently undoing the web edit.

export const ArticleDocument = z.object({
  format: z.literal('pressroom-article'),
  version: z.literal(1),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  article: ArticleFields,
});
export type ArticleDocument = z.infer<typeof ArticleDocument>;

// WordPress may store line endings differently and trims nothing else for an account with
// unfiltered_html; for others kses may rewrite tags, and then the document is (rightly) stale
// unless the publisher stamps it again with the content WordPress kept.
function contentHash(content: string): string {
  return createHash('sha256').update(content.replace(/\r\n?/g, '\n').trim(), 'utf8').digest('hex');
}

export function encodeArticleDocument(article: ArticleFields, content: string): string {
  const document: ArticleDocument = { format: 'pressroom-article', version: 1, contentSha256: contentHash(content), article };
  return JSON.stringify(document);
}

// The stored article, or null when there is none, it does not parse, or the content changed since.
export function decodeArticleDocument(value: unknown, content: string): ArticleFields | null {
  if (typeof value !== 'string' || value === '' || value.length > 64 * 1024 * 1024) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const document = ArticleDocument.safeParse(json);
  if (!document.success || document.data.contentSha256 !== contentHash(content)) return null;
  return document.data.article;
}
