import type { Attachment } from '../../../model/asset.ts';
import type { FigureImage, SerializedCaption, SerializedFigure, SerializedGallery } from '../../../model/figure.ts';
import { inlineHtml } from './inline-markup.ts';
import { blockMarkup, escapeAttribute, escapeText, joinBlocks } from './markup-escape.ts';
import { lookup, publishBlockErrors, type RemoteFile, type RemoteImage, type SerializeContext } from './publish-context.ts';
import { safeMediaUrl } from './safe-url.ts';

// Photos, galleries and attachments as core/image, core/gallery and core/file blocks, as their
// save functions write them (packages/block-library/src/{image,gallery,file}/save.js).

type ImageAlign = 'left' | 'center' | 'right' | 'wide' | 'full';

export function figureAlign(figure: Pick<SerializedFigure, 'size' | 'align'>): ImageAlign {
  if (figure.size === 'wide' || figure.size === 'full') return figure.size;
  return figure.align;
}

function remoteImage(image: FigureImage, context: SerializeContext): { id: number; url: string; sizeSlug: string } {
  const remote: RemoteImage | undefined = lookup(context.media, image.assetId);
  if (!remote) throw publishBlockErrors.mediaMissing(image.assetId);
  const url = safeMediaUrl(remote.url);
  if (!url) throw publishBlockErrors.unsafeMediaUrl(image.assetId);
  const sizeSlug = remote.sizeSlug && /^[a-z0-9_-]{1,40}$/i.test(remote.sizeSlug) ? remote.sizeSlug : 'large';
  return { id: remote.id, url, sizeSlug };
}

function captionPlainText(caption: SerializedCaption): string {
  const walk = (node: { text?: unknown; children?: unknown }): string =>
    typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? node.children.map(walk).join('') : '';
  return walk(caption.root);
}

// The caption as the page shows it: the publication's mark, the writer's words (paragraphs
// joined by line breaks), then the credit in a span themes can set apart. The mark is the
// publication's style, not the writer's text, so it is added here and never stored.
export function captionHtml(caption: SerializedCaption | null, credit: string, context: SerializeContext, prefix: string): string {
  let html = '';
  if (caption && captionPlainText(caption).trim() !== '') {
    const paragraphs = caption.root.children.map((paragraph) => inlineHtml(paragraph.children)).filter((part) => part !== '');
    html = escapeText(context.publication?.captionPrefix ?? '') + paragraphs.join('<br>');
  }
  if (credit.trim() !== '') {
    html += `${html ? ' ' : ''}<span class="${prefix}-credit">${escapeText(credit.trim())}</span>`;
  }
  return html;
}

function imageMarkup(image: FigureImage, align: ImageAlign | null, figcaption: string, context: SerializeContext): string {
  const remote = remoteImage(image, context);
  // Attribute order follows the block's attribute list: align first, then id, sizeSlug, linkDestination.
  const attributes: Record<string, unknown> = {};
  if (align) attributes.align = align;
  attributes.id = remote.id;
  attributes.sizeSlug = remote.sizeSlug;
  attributes.linkDestination = 'none';
  const classes = ['wp-block-image', align ? `align${align}` : '', `size-${remote.sizeSlug}`].filter(Boolean).join(' ');
  const img = `<img src="${escapeAttribute(remote.url)}" alt="${escapeAttribute(image.alt)}" class="wp-image-${remote.id}"/>`;
  const caption = figcaption ? `<figcaption class="wp-element-caption">${figcaption}</figcaption>` : '';
  return blockMarkup('image', attributes, `<figure class="${classes}">${img}${caption}</figure>`);
}

export function figureMarkup(figure: SerializedFigure, context: SerializeContext, prefix: string): string {
  return imageMarkup(figure.image, figureAlign(figure), captionHtml(figure.caption, figure.image.credit, context, prefix), context);
}

// A gallery's images are core/image blocks inside it; each keeps its own credit, the gallery
// caption goes under them all.
export function galleryMarkup(gallery: SerializedGallery, context: SerializeContext, prefix: string): string {
  const images = gallery.images.map((image) => imageMarkup(image, null, captionHtml(null, image.credit, context, prefix), context));
  const caption = captionHtml(gallery.caption, '', context, prefix);
  const figcaption = caption ? `<figcaption class="blocks-gallery-caption wp-element-caption">${caption}</figcaption>` : '';
  return blockMarkup(
    'gallery',
    { linkTo: 'none' },
    `<figure class="wp-block-gallery has-nested-images columns-default is-cropped">${joinBlocks(images)}${figcaption}</figure>`,
  );
}

// The editor names the link's id after the block's client id, a fresh random UUID each time;
// one made from the file's hash keeps the markup the same from one publish to the next.
function fileElementId(assetId: string): string {
  const hex = assetId.slice(0, 32).padEnd(32, '0');
  return `wp-block-file--media-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function fileMarkup(attachment: Attachment, context: SerializeContext): string {
  const remote: RemoteFile | undefined = lookup(context.files, attachment.assetId);
  if (!remote) throw publishBlockErrors.mediaMissing(attachment.assetId);
  const url = safeMediaUrl(remote.url);
  if (!url) throw publishBlockErrors.unsafeMediaUrl(attachment.assetId);
  const id = fileElementId(attachment.assetId);
  const href = escapeAttribute(url);
  return blockMarkup(
    'file',
    { id: remote.id, href: url },
    `<div class="wp-block-file"><a id="${id}" href="${href}">${escapeText(attachment.name)}</a>` +
      `<a href="${href}" class="wp-block-file__button wp-element-button" download aria-describedby="${id}">${escapeText(context.labels.download)}</a></div>`,
  );
}
