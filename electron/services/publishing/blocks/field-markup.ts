import type { ArticleFields } from '../../../model/article.ts';
import { plainTextHtml } from './inline-markup.ts';
import { blockMarkup, escapeAttribute, escapeText, joinBlocks } from './markup-escape.ts';
import { fileMarkup } from './media-markup.ts';
import type { SerializeContext } from './publish-context.ts';

// The article's fields as blocks a theme can find and style by class name: ordinary core
// paragraphs (and one group for the attachments) with a custom class, so the post still opens
// as plain editable blocks in WordPress. The class names are the contract with themes, and the
// way parse-post.ts finds the fields again:
//   <prefix>-kicker, -deck                      above the body
//   <prefix>-byline (-author, <time>), -source,
//   -issue (-publication, -issue-number),
//   -attachments (-attachments-title), -footer  below it, in the order of the sample article
//   <prefix>-label                              the words before a value (작성자, 자료출처…)
//   <prefix>-credit                             a photo's credit inside its caption

function fieldParagraph(className: string, html: string): string {
  return blockMarkup('paragraph', { className }, `<p class="${className}">${html}</p>`);
}

// A value with the word the page shows before it (작성자 조현경); no word, no empty span.
function labelled(prefix: string, word: string, valueHtml: string): string {
  return word.trim() ? `<span class="${prefix}-label">${escapeText(word)}</span> ${valueHtml}` : valueHtml;
}

export function headFieldsMarkup(article: ArticleFields, prefix: string): string[] {
  const blocks: string[] = [];
  if (article.kicker.trim()) blocks.push(fieldParagraph(`${prefix}-kicker`, plainTextHtml(article.kicker)));
  if (article.deck.trim()) blocks.push(fieldParagraph(`${prefix}-deck`, plainTextHtml(article.deck)));
  return blocks;
}

function bylineMarkup(article: ArticleFields, context: SerializeContext, prefix: string): string | null {
  const parts: string[] = [];
  if (article.byline.trim()) {
    parts.push(labelled(prefix, context.labels.byline, `<span class="${prefix}-author">${escapeText(article.byline)}</span>`));
  }
  if (article.dateWritten) {
    const date = escapeAttribute(article.dateWritten);
    parts.push(labelled(prefix, context.labels.dateWritten, `<time datetime="${date}">${date}</time>`));
  }
  return parts.length > 0 ? fieldParagraph(`${prefix}-byline`, parts.join(' ')) : null;
}

// 제호: the publication and the issue number, as the sample page repeats them under the article.
// Only for an article in an issue: the publication's name alone is no issue line.
function issueMarkup(article: ArticleFields, context: SerializeContext, prefix: string): string | null {
  if (!article.issue.trim()) return null;
  const name = context.publication?.name.trim() ?? '';
  const parts = [
    name ? `<span class="${prefix}-publication">${escapeText(name)}</span>` : '',
    `<span class="${prefix}-issue-number">${escapeText(article.issue)}</span>`,
  ].filter(Boolean);
  return fieldParagraph(`${prefix}-issue`, labelled(prefix, context.labels.issue, parts.join(' ')));
}

// 첨부파일: a core/group holding a heading and one core/file block per file, in the writer's
// order. Group attributes follow the editor's order (className, then layout).
function attachmentsMarkup(article: ArticleFields, context: SerializeContext, prefix: string): string | null {
  if (article.attachments.length === 0) return null;
  const titleClass = `${prefix}-attachments-title`;
  const heading = blockMarkup('heading', { className: titleClass }, `<h2 class="wp-block-heading ${titleClass}">${escapeText(context.labels.attachments)}</h2>`);
  const files = article.attachments.map((attachment) => fileMarkup(attachment, context));
  const groupClass = `${prefix}-attachments`;
  return blockMarkup(
    'group',
    { className: groupClass, layout: { type: 'constrained' } },
    `<div class="wp-block-group ${groupClass}">${joinBlocks([heading, ...files])}</div>`,
  );
}

export function tailFieldsMarkup(article: ArticleFields, context: SerializeContext, prefix: string): string[] {
  const blocks = [
    bylineMarkup(article, context, prefix),
    article.source.trim() ? fieldParagraph(`${prefix}-source`, labelled(prefix, context.labels.source, escapeText(article.source))) : null,
    issueMarkup(article, context, prefix),
    attachmentsMarkup(article, context, prefix),
    article.footer.trim() ? fieldParagraph(`${prefix}-footer`, plainTextHtml(article.footer)) : null,
  ];
  return blocks.filter((block): block is string => block !== null);
}
