import type { ArticleFields } from '../../../model/article.ts';
import { encodeArticleDocument } from './article-document.ts';
import { bodyMarkup } from './body-markup.ts';
import { headFieldsMarkup, tailFieldsMarkup } from './field-markup.ts';
import { escapeText, joinBlocks, stripControl } from './markup-escape.ts';
import { classPrefixOf, type SerializeContext } from './publish-context.ts';

// An article as the fields of a WordPress post. `content` is post_content in native block
// markup, in the order of the sample article's page (shared/fixtures): kicker and deck under
// the title, the body, then byline and date, source, publication and issue, attachments and the
// copyright footer. Everything else rides along as post meta for the companion plugin.

export interface PostMeta {
  pressroom_kicker: string;
  pressroom_deck: string;
  pressroom_byline: string;
  pressroom_date_written: string;
  pressroom_source: string;
  pressroom_footer: string;
  pressroom_issue: string;
  pressroom_publication: string;
  pressroom_document: string;
}

export interface SerializedPost {
  // HTML, as WordPress keeps titles (the_title prints it as is; the block editor writes it
  // through RichText): the headline's & and < escaped.
  title: string;
  content: string;
  // Plain text with < escaped: WordPress prints excerpts as HTML too, but its excerpt field is a
  // plain text box, where an escaped & would show as "&amp;".
  excerpt: string;
  slug: string;
  meta: PostMeta;
  // Term names; the publisher looks up (or creates) their ids on the site.
  terms: { tags: string[]; categories: string[] };
}

export function serializeArticle(article: ArticleFields, context: SerializeContext): SerializedPost {
  const prefix = classPrefixOf(context.classPrefix);
  const content = joinBlocks([
    ...headFieldsMarkup(article, prefix),
    ...bodyMarkup(article.body, context, prefix),
    ...tailFieldsMarkup(article, context, prefix),
  ]);
  return {
    title: escapeText(article.headline),
    content,
    excerpt: stripControl(article.excerpt).replace(/</g, '&lt;'),
    slug: article.slug,
    meta: {
      pressroom_kicker: article.kicker,
      pressroom_deck: article.deck,
      pressroom_byline: article.byline,
      pressroom_date_written: article.dateWritten,
      pressroom_source: article.source,
      pressroom_footer: article.footer,
      pressroom_issue: article.issue,
      pressroom_publication: context.publication?.name ?? '',
      pressroom_document: encodeArticleDocument(article, content),
    },
    terms: { tags: [...article.tags], categories: article.section.trim() ? [article.section.trim()] : [] },
  };
}
