import { ArticleFields, Slug } from '../../../model/article.ts';
import { decodeArticleDocument } from './article-document.ts';
import { type RemoteFileRef, type RemoteMediaRef, readMarkup } from './block-parse.ts';
import { decodeEntities, parseHtml, textContent } from './html-tree.ts';
import { classPrefixOf } from './publish-context.ts';

// A post read back from the site, to continue it in the app.
//
// When the post carries the article document this app published (meta pressroom_document) and
// its content is still the content published with it, that document is the article: nothing
// lost. Otherwise (no companion plugin, or the post was edited on the web since) the article is
// read from the block markup: the fields from their classed blocks (falling back to the meta),
// the body from the core blocks. Photos and files then live only on the site: the answer lists
// them for the caller to download into the asset store.

export interface RemotePost {
  title: string; // title.raw (context=edit)
  content: string; // content.raw: the block markup; content.rendered has no block comments
  excerpt?: string; // excerpt.raw
  slug?: string;
  meta?: Readonly<Record<string, unknown>>;
  // Term names, resolved from the post's term ids by the caller. The first category is the
  // section; leave out the site's default category if it is not one.
  tags?: readonly string[];
  categories?: readonly string[];
}

export interface ParseOptions {
  classPrefix?: string;
  // The publication's caption mark, taken off the front of captions.
  captionPrefix?: string;
  // The local publication profile the post belongs to, when the caller knows it.
  publicationId?: string;
}

export interface ParsedPost {
  // Valid ArticleFields. Its body's photos use the placeholders of `remoteMedia` as asset ids
  // until the caller imports them and calls fillRemoteMedia; until then it must not be saved
  // as a draft (SerializedFigure rejects the placeholders).
  article: ArticleFields;
  // Photos to download, in body order; empty when the article came from the stored document.
  remoteMedia: RemoteMediaRef[];
  // Files to download and add to article.attachments (which is then empty), in order.
  remoteFiles: RemoteFileRef[];
  // The publication named on the post, for the caller to match to a local profile.
  publicationName: string;
  // True when the article is the stored document, exactly as published.
  lossless: boolean;
}

const metaString = (meta: RemotePost['meta'], key: string): string => {
  const value = meta && Object.hasOwn(meta, key) ? meta[key] : undefined;
  return typeof value === 'string' ? value : '';
};

// WordPress keeps a non-ASCII slug percent-encoded.
function slugOf(raw: string | undefined): string {
  let slug = raw ?? '';
  try {
    slug = decodeURIComponent(slug);
  } catch {
    return '';
  }
  slug = slug.toLowerCase();
  return Slug.safeParse(slug).success ? slug : '';
}

// Titles and excerpts are HTML-ish text in WordPress: entities (kses escapes a lone "<"), and
// now and then a tag, whose text is kept.
function plain(raw: string | undefined, max: number): string {
  const text = raw ?? '';
  const decoded = /<[A-Za-z/!?]/.test(text) ? textContent(parseHtml(text)) : decodeEntities(text);
  return decoded.replace(/\s+/g, ' ').trim().slice(0, max);
}

function terms(names: readonly string[] | undefined, max: number): string[] {
  const seen = new Set<string>();
  for (const name of names ?? []) {
    const trimmed = name.trim().slice(0, 100);
    if (trimmed) seen.add(trimmed);
  }
  return [...seen].slice(0, max);
}

export function parsePost(post: RemotePost, options: ParseOptions = {}): ParsedPost {
  const publicationName = metaString(post.meta, 'pressroom_publication');
  const stored = decodeArticleDocument(metaString(post.meta, 'pressroom_document'), post.content);
  if (stored) {
    // The document is what Pressroom sent, and the content is unchanged since; what WordPress
    // keeps beside the content (the title, the excerpt, the tags) may have been edited on the
    // web meanwhile, and the post's own copy of those is the current one.
    const live = {
      headline: plain(post.title, 500) || stored.headline,
      ...(post.excerpt !== undefined ? { excerpt: plain(post.excerpt, 2000) } : {}),
      ...(post.tags ? { tags: terms(post.tags, 50) } : {}),
    };
    return { article: { ...stored, ...live }, remoteMedia: [], remoteFiles: [], publicationName, lossless: true };
  }

  const reading = readMarkup(post.content, { classPrefix: classPrefixOf(options.classPrefix), captionPrefix: options.captionPrefix ?? '' });
  const field = (fromMarkup: string | undefined, metaKey: string, max: number) => (fromMarkup ?? metaString(post.meta, metaKey)).trim().slice(0, max);
  const date = field(reading.fields.dateWritten, 'pressroom_date_written', 32).slice(0, 10);
  const article = ArticleFields.parse({
    publicationId: (options.publicationId ?? '').slice(0, 64),
    issue: field(reading.fields.issue, 'pressroom_issue', 32),
    section: terms(post.categories, 1)[0] ?? '',
    kicker: field(reading.fields.kicker, 'pressroom_kicker', 100),
    headline: plain(post.title, 500),
    deck: field(reading.fields.deck, 'pressroom_deck', 2000),
    body: reading.body,
    byline: field(reading.fields.byline, 'pressroom_byline', 200),
    dateWritten: /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) ? date : '',
    source: field(reading.fields.source, 'pressroom_source', 200),
    tags: terms(post.tags, 50),
    slug: slugOf(post.slug),
    excerpt: plain(post.excerpt, 2000),
    footer: field(reading.fields.footer, 'pressroom_footer', 2000),
    attachments: [],
  });
  return {
    article,
    remoteMedia: reading.remoteMedia,
    remoteFiles: reading.remoteFiles,
    publicationName: reading.fields.publicationName ?? publicationName,
    lossless: false,
  };
}

// Puts the imported photos' asset ids in place of their placeholders (`assetIds`: placeholder →
// asset id). Photos left unmapped keep their placeholder and show as missing.
export function fillRemoteMedia(article: ArticleFields, assetIds: ReadonlyMap<string, string>): ArticleFields {
  const swap = (image: unknown) => {
    const record = image as { assetId?: unknown };
    const id = typeof record.assetId === 'string' ? assetIds.get(record.assetId) : undefined;
    return id ? { ...record, assetId: id } : image;
  };
  const children = article.body.root.children.map((block) => {
    if (block.type === 'figure') return { ...block, image: swap(block.image) };
    if (block.type === 'gallery' && Array.isArray(block.images)) return { ...block, images: block.images.map(swap) };
    return block;
  });
  return { ...article, body: { ...article.body, root: { ...article.body.root, children } } };
}
