import { z } from 'zod';
import type { ArticleFields, ArticleStatus, Draft } from '../../model/article.ts';
import type { Attachment } from '../../model/asset.ts';
import { AppError } from '../../model/errors.ts';
import { photosIn } from '../../model/figure.ts';
import { type RemotePostSummary, SiteVersion } from '../../model/publishing.ts';
import { bodyParagraphs } from '../../model/plain-text.ts';
import type { Publication } from '../../model/preferences.ts';
import type { AssetStore } from '../assets/asset-store.ts';
import type { ImportedDraftInput } from '../drafts/store.ts';
import { fillRemoteMedia, parsePost } from './blocks/index.ts';
import type { OutboxStore } from './outbox-store.ts';
import { PostAnswer } from './post-sync.ts';
import type { WordPressClient } from './wordpress/client.ts';
import { networkError } from './wordpress/remote-error.ts';

// Posts already on a site, opened in the editor so work done on the web can be continued here.
// The draft remembers the post, so publishing it again updates that post.

export type { RemotePostSummary } from '../../model/publishing.ts';

const EditPost = PostAnswer.extend({
  title: z.looseObject({ raw: z.string() }),
  content: z.looseObject({ raw: z.string() }),
  excerpt: z.looseObject({ raw: z.string() }).optional(),
  slug: z.string().optional(),
  meta: z.record(z.string(), z.unknown()).optional().catch(undefined),
  tags: z.array(z.number()).optional(),
  categories: z.array(z.number()).optional(),
});

export async function listRemotePosts(client: WordPressClient, search: string): Promise<RemotePostSummary[]> {
  const answer = await client.get<unknown>('/wp/v2/posts', {
    context: 'edit',
    per_page: 50,
    status: 'publish,future,draft,pending,private',
    orderby: 'modified',
    ...(search.trim() ? { search: search.trim() } : {}),
    _fields: 'id,title,status,modified_gmt,link',
  });
  const posts = z.array(PostAnswer.extend({ title: z.looseObject({ raw: z.string() }) })).parse(answer.body);
  return posts.map((post) => ({ postId: post.id, title: post.title.raw, status: post.status, modifiedGmt: post.modified_gmt, link: post.link }));
}

export interface OpenRemoteDeps {
  client: WordPressClient;
  siteId: string;
  store: AssetStore;
  outbox: OutboxStore;
  publications: readonly Publication[];
  importDraft(input: ImportedDraftInput): Draft;
  maxFileBytes: number;
  fetch?: typeof fetch;
}

const STATUS: Record<string, ArticleStatus> = { publish: 'published', future: 'scheduled', pending: 'in_review' };

// The post as the site has it, read back into an article (photos and files still named by
// placeholders: nothing is downloaded here).
async function readPost(client: WordPressClient, postId: number) {
  const post = EditPost.parse((await client.get(`/wp/v2/posts/${postId}`, { context: 'edit' })).body);
  const parsed = parsePost({
    title: post.title.raw,
    content: post.content.raw,
    ...(post.excerpt ? { excerpt: post.excerpt.raw } : {}),
    ...(post.slug ? { slug: post.slug } : {}),
    ...(post.meta ? { meta: post.meta } : {}),
    tags: await termNames(client, 'tags', post.tags ?? []),
    categories: await termNames(client, 'categories', post.categories ?? []),
  });
  return { post, parsed };
}

// What the site has now, to compare with the writer's version (see SiteVersion).
export async function readSiteVersion(client: WordPressClient, postId: number): Promise<SiteVersion> {
  const { post, parsed } = await readPost(client, postId);
  const fields = SiteVersion.shape.fields.parse(parsed.article);
  return { fields, paragraphs: bodyParagraphs(parsed.article.body), link: post.link, modifiedGmt: post.modified_gmt };
}

export async function openRemotePost(deps: OpenRemoteDeps, postId: number): Promise<Draft> {
  const { client } = deps;
  const { post, parsed } = await readPost(client, postId);
  let article = parsed.article;
  const publication = deps.publications.find((candidate) => candidate.name === parsed.publicationName);
  if (publication && !article.publicationId) article = { ...article, publicationId: publication.id };

  // Photos and files that live only on the site come into the asset store, checked like any
  // file the writer drops in.
  const ids = new Map<string, string>();
  for (const media of parsed.remoteMedia) {
    const info = await deps.store.import(fileName(media.url), await download(deps, media.url), 'image');
    ids.set(media.placeholder, info.id);
  }
  if (ids.size > 0) article = fillRemoteMedia(article, ids);
  const attachments: Attachment[] = [...article.attachments];
  for (const file of parsed.remoteFiles) {
    const info = await deps.store.import(file.name || fileName(file.url), await download(deps, file.url), 'attachment');
    attachments.push({ assetId: info.id, name: file.name || info.name, size: info.size, mime: info.mime });
  }
  article = { ...article, attachments };
  if (parsed.lossless) article = await fetchMissingAssets(deps, article, post.title.raw, post.content.raw);

  const draft = deps.importDraft({ status: STATUS[post.status] ?? 'draft', article, createdAt: new Date().toISOString(), revisions: [] });
  deps.outbox.rememberPost(draft.id, { siteId: deps.siteId, postId: post.id, status: post.status, link: post.link, modifiedGmt: post.modified_gmt, revision: draft.revision });
  return draft;
}

// A post opened from its stored document names photos and files by the ids they had on the
// machine that published it. Those this machine lacks (an editor opening a writer's article)
// are fetched from the site: the post's markup lists them in the same order as the document.
// A photo arrives as the site has it (the published size), so it gets a new id here.
async function fetchMissingAssets(deps: OpenRemoteDeps, article: ArticleFields, title: string, content: string): Promise<ArticleFields> {
  const photos = photosIn(article.body);
  const ids = [...photos.flatMap((photo) => (photo.image ? [photo.image.assetId] : [])), ...article.attachments.map((attachment) => attachment.assetId)];
  const missing = new Set((await deps.store.check(ids)).filter((status) => status.state !== 'ok').map((status) => status.id));
  if (missing.size === 0) return article;
  const fromMarkup = parsePost({ title, content });
  const swaps = new Map<string, string>();
  for (const [index, photo] of photos.entries()) {
    const remote = fromMarkup.remoteMedia[index];
    if (!photo.image || !missing.has(photo.image.assetId) || !remote || swaps.has(photo.image.assetId)) continue;
    const info = await deps.store.import(fileName(remote.url), await download(deps, remote.url), 'image');
    swaps.set(photo.image.assetId, info.id);
  }
  const attachments: Attachment[] = [];
  for (const [index, attachment] of article.attachments.entries()) {
    const remote = fromMarkup.remoteFiles[index];
    if (!missing.has(attachment.assetId) || !remote) {
      attachments.push(attachment);
      continue;
    }
    const info = await deps.store.import(attachment.name, await download(deps, remote.url), 'attachment');
    attachments.push({ ...attachment, assetId: info.id, size: info.size, mime: info.mime });
  }
  return { ...fillRemoteMedia(article, swaps), attachments };
}

async function termNames(client: WordPressClient, taxonomy: 'tags' | 'categories', ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const answer = await client.get<unknown>(`/wp/v2/${taxonomy}`, { include: ids.join(','), per_page: 100, _fields: 'id,name,slug' });
  const terms = z.array(z.looseObject({ name: z.string(), slug: z.string() })).parse(answer.body);
  // WordPress's default category says nothing about the article's section.
  return terms.filter((term) => !(taxonomy === 'categories' && term.slug === 'uncategorized')).map((term) => term.name);
}

async function download(deps: OpenRemoteDeps, url: string): Promise<Uint8Array> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new AppError('invalid_input', 'remote.unsafeMediaUrl');
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(parsed, { signal: AbortSignal.timeout(120_000), redirect: 'follow' });
  } catch (error) {
    throw networkError(error, parsed.host);
  }
  if (!response.ok) throw new AppError('remote', 'remote.mediaDownloadFailed', { host: parsed.host, status: response.status, retry: 'no' });
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > deps.maxFileBytes) throw new AppError('invalid_input', 'assets.tooLarge', { limitMb: Math.round(deps.maxFileBytes / 1024 / 1024) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > deps.maxFileBytes) throw new AppError('invalid_input', 'assets.tooLarge', { limitMb: Math.round(deps.maxFileBytes / 1024 / 1024) });
  return bytes;
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'file';
  } catch {
    return 'file';
  }
}
