import { z } from 'zod';
import type { ArticleFields } from '../../model/article.ts';
import { AppError } from '../../model/errors.ts';
import type { JobAction, PublishAction, RemotePost } from '../../model/publishing.ts';
import { type BlockLabels, encodeArticleDocument, serializeArticle } from './blocks/index.ts';
import type { SyncedMedia } from './media-sync.ts';
import type { OutboxStore } from './outbox-store.ts';
import { termIds } from './terms.ts';
import type { WordPressClient } from './wordpress/client.ts';

export const PostAnswer = z.looseObject({
  id: z.number().int().positive(),
  status: z.string(),
  link: z.string(),
  modified_gmt: z.string(),
});
type PostAnswer = z.infer<typeof PostAnswer>;

export interface PostSyncInput {
  client: WordPressClient;
  outbox: OutboxStore;
  job: { id: string; draftId: string; siteId: string; action: JobAction; scheduleAt: string | null; revision: number; token: string; createSent: boolean; forceBase: string | null; createdAt: string };
  article: ArticleFields;
  media: SyncedMedia;
  publication: { name: string; captionPrefix: string } | null;
  labels: BlockLabels;
  hasPlugin: boolean;
}

const STATUS: Record<PublishAction, string> = { draft: 'draft', pending: 'pending', schedule: 'future', publish: 'publish', unpublish: 'draft' };

// Review jobs never come here: they write only the post's review meta (services/review).
function statusOf(action: JobAction): string {
  if (action === 'review') throw new AppError('internal', 'errors.internal');
  return STATUS[action];
}

// Creates or updates the post. An update never replaces a post someone changed on the site
// since the app last saw it: that is a conflict for the writer to settle. A create whose answer
// was lost is found again by the job's token before anything is sent a second time.
export async function syncPost(input: PostSyncInput): Promise<RemotePost> {
  const { client, outbox, job } = input;
  let known = outbox.remotePost(job.draftId, job.siteId);
  if (!known && job.createSent) {
    const found = await findCreated(input);
    if (found) known = remember(input, found);
  }
  if (!known && job.action === 'unpublish') throw new AppError('not_found', 'publish.notOnSite');

  const body = await postBody(input);
  if (known) {
    const current = await currentPost(client, known.postId);
    if (current) {
      const base = job.forceBase ?? known.modifiedGmt;
      if (current.modified_gmt !== base) throw new AppError('conflict', 'remote.changedOnSite', { host: client.host });
      const answer = await client.post(`/wp/v2/posts/${known.postId}`, body, { 'X-Pressroom-Base-Modified': base });
      return remember(input, await restampDocument(input, body, answer.body));
    }
    // Deleted on the site: it is published again as a new post.
    outbox.forgetPost(job.draftId, job.siteId);
    if (job.action === 'unpublish') throw new AppError('not_found', 'publish.notOnSite');
  }
  outbox.update(job.id, { createSent: true });
  const answer = await client.post('/wp/v2/posts', body);
  return remember(input, await restampDocument(input, body, answer.body));
}

// WordPress filters the content of accounts without the unfiltered_html right (authors,
// contributors). The stored document is tied to the content it was published with, so when
// the site changed the content, the document is stamped again against what the site kept;
// otherwise opening the post later would not be lossless.
async function restampDocument(input: PostSyncInput, sent: Record<string, unknown>, answerBody: unknown): Promise<PostAnswer> {
  const answer = PostAnswer.extend({ content: z.looseObject({ raw: z.string().optional() }).optional() }).parse(answerBody);
  const kept = answer.content?.raw;
  if (!input.hasPlugin || kept === undefined || kept === sent['content']) return answer;
  const meta = { pressroom_document: encodeArticleDocument(input.article, kept) };
  const again = await input.client.post(`/wp/v2/posts/${answer.id}`, { meta }, { 'X-Pressroom-Base-Modified': answer.modified_gmt });
  return PostAnswer.parse(again.body);
}

async function postBody(input: PostSyncInput): Promise<Record<string, unknown>> {
  const { article, job, client } = input;
  const serialized = serializeArticle(article, {
    media: input.media.images,
    files: input.media.files,
    publication: input.publication,
    labels: input.labels,
  });
  const body: Record<string, unknown> = {
    status: statusOf(job.action),
  };
  if (job.action !== 'unpublish') {
    const tags = await termIds(client, 'tags', serialized.terms.tags);
    const categories = await termIds(client, 'categories', serialized.terms.categories);
    Object.assign(body, {
      title: serialized.title,
      content: serialized.content,
      excerpt: serialized.excerpt,
      tags: tags.ids,
      ...(categories.ids.length ? { categories: categories.ids } : {}),
      ...(serialized.slug ? { slug: serialized.slug } : {}),
    });
    if (input.hasPlugin) body['meta'] = { ...serialized.meta, pressroom_token: job.token };
  }
  if (job.action === 'schedule' && job.scheduleAt) body['date_gmt'] = new Date(job.scheduleAt).toISOString().slice(0, 19);
  return body;
}

async function currentPost(client: WordPressClient, postId: number): Promise<PostAnswer | null> {
  try {
    const answer = PostAnswer.parse((await client.get(`/wp/v2/posts/${postId}`, { context: 'edit', _fields: 'id,status,link,modified_gmt' })).body);
    return answer.status === 'trash' ? null : answer;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

// With the companion plugin the token is post meta it can search; without it, a post by this
// account with the same title, made after the job was queued, is the one.
async function findCreated(input: PostSyncInput): Promise<PostAnswer | null> {
  const { client, job } = input;
  if (input.hasPlugin) {
    const found = z.array(PostAnswer.extend({ type: z.string() })).safeParse((await client.get('/pressroom/v1/find', { token: job.token })).body);
    return (found.success ? found.data.find((item) => item.type === 'post' && item.status !== 'trash') : undefined) ?? null;
  }
  const me = z.looseObject({ id: z.number() }).parse((await client.get('/wp/v2/users/me')).body);
  const candidates = z
    .array(PostAnswer.extend({ title: z.looseObject({ raw: z.string().optional() }) }))
    .parse(
      (
        await client.get('/wp/v2/posts', {
          author: me.id,
          search: input.article.headline.slice(0, 100),
          status: 'draft,pending,future,publish,private',
          context: 'edit',
          after: new Date(Date.parse(job.createdAt) - 60_000).toISOString(),
          per_page: 20,
        })
      ).body,
    );
  return candidates.find((post) => post.title.raw === input.article.headline) ?? null;
}

function remember(input: PostSyncInput, answer: PostAnswer): RemotePost {
  const post: RemotePost = {
    siteId: input.job.siteId,
    postId: answer.id,
    status: answer.status,
    link: answer.link,
    modifiedGmt: answer.modified_gmt,
    revision: input.job.revision,
  };
  input.outbox.rememberPost(input.job.draftId, post);
  return post;
}
