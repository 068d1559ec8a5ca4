import type { ArticleFields } from '../../model/article.ts';
import type { AssetStatus } from '../../model/asset.ts';
import { captionText, photosIn } from '../../model/figure.ts';
import type { PreflightItem } from '../../model/publishing.ts';
import type { SiteCapabilities } from '../../model/site.ts';
import type { PublishAction } from '../../model/publishing.ts';

export interface PreflightInput {
  article: ArticleFields;
  action: PublishAction;
  capabilities: SiteCapabilities;
  // The state of every asset the article uses (photos and attachments).
  assets: ReadonlyMap<string, AssetStatus['state']>;
  // Whether the publication wants a caption under every photo (it has a caption mark).
  captionsRequired: boolean;
}

// What must be right before an article goes to the site, checked before anything is sent:
// errors stop the publish, warnings are shown.
export function preflight(input: PreflightInput): PreflightItem[] {
  const { article, capabilities } = input;
  const items: PreflightItem[] = [];
  const error = (messageKey: string, extra: Partial<PreflightItem> = {}) => items.push({ severity: 'error', messageKey, ...extra });
  const warning = (messageKey: string, extra: Partial<PreflightItem> = {}) => items.push({ severity: 'warning', messageKey, ...extra });

  if (!article.headline.trim()) error('preflight.noHeadline');
  if (!article.byline.trim()) error('preflight.noByline');

  const publishing = input.action === 'publish' || input.action === 'schedule';
  if (publishing && !capabilities.publish) error('preflight.cannotPublish');

  const photos = photosIn(article.body);
  if ((photos.length > 0 || article.attachments.length > 0) && !capabilities.upload) error('preflight.cannotUpload');
  photos.forEach((photo, index) => {
    const at = { blockIndex: photo.blockIndex, params: { photo: index + 1 } };
    if (!photo.image) {
      error('preflight.invalidPhoto', at);
      return;
    }
    if (!photo.image.alt.trim()) error('preflight.noAltText', at);
    if (input.captionsRequired && !captionText(photo.caption)) error('preflight.noCaption', at);
    if (!photo.image.credit.trim()) warning('preflight.noCredit', at);
    assetProblem(input.assets.get(photo.image.assetId), at);
  });

  article.attachments.forEach((attachment) => assetProblem(input.assets.get(attachment.assetId), { params: { name: attachment.name } }));

  for (const url of linksIn(article.body)) {
    if (!isWellFormedLink(url)) error('preflight.badLink', { params: { url: url.slice(0, 200) } });
  }
  return items;

  function assetProblem(state: AssetStatus['state'] | undefined, at: Partial<PreflightItem>): void {
    if (state === 'missing' || state === undefined) error('preflight.assetMissing', at);
    else if (state === 'damaged') error('preflight.assetDamaged', at);
  }
}

function linksIn(body: ArticleFields['body']): string[] {
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const { type, url, children, caption } = node as { type?: unknown; url?: unknown; children?: unknown; caption?: { root?: unknown } };
    if ((type === 'link' || type === 'autolink') && typeof url === 'string') urls.push(url);
    if (Array.isArray(children)) children.forEach(walk);
    if (caption?.root) walk(caption.root);
  };
  walk(body.root);
  return urls;
}

function isWellFormedLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(parsed.pathname));
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.');
  } catch {
    return false;
  }
}
