import { z } from 'zod';
import type { QueueItem } from '../../model/review.ts';
import type { WordPressClient } from '../publishing/wordpress/client.ts';

// The pending posts of one site, as the editor's review queue lists them. WordPress's own
// "pending review" status is the queue: writers submit with it, whatever app they use.

const PendingPost = z.looseObject({
  id: z.number().int().positive(),
  title: z.looseObject({ raw: z.string().optional(), rendered: z.string().optional() }),
  author: z.number().int().nonnegative(),
  modified_gmt: z.string(),
  link: z.string(),
  meta: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

const User = z.looseObject({ id: z.number().int(), name: z.string() });

// A hundred is more than any newsroom's queue; the oldest beyond it wait for the next page of
// work rather than slow every refresh.
const PER_PAGE = 100;

export async function pendingPosts(client: WordPressClient): Promise<Array<Omit<QueueItem, 'siteId'>>> {
  const answer = await client.get<unknown>('/wp/v2/posts', {
    status: 'pending',
    context: 'edit',
    per_page: PER_PAGE,
    orderby: 'modified',
    order: 'desc',
    // Only the byline of the meta: the stored document may be large.
    _fields: 'id,title,author,modified_gmt,link,meta.pressroom_byline',
  });
  const posts = z.array(PendingPost).parse(answer.body);
  const names = await authorNames(client, [...new Set(posts.map((post) => post.author))]);
  return posts.map((post) => {
    const byline = typeof post.meta?.['pressroom_byline'] === 'string' ? post.meta['pressroom_byline'] : '';
    return {
      postId: post.id,
      title: post.title.raw ?? post.title.rendered ?? '',
      author: names.get(post.author) ?? byline,
      modifiedGmt: post.modified_gmt,
      link: post.link,
      draftId: null,
    };
  });
}

// Display names of the posts' authors. An editor may not list users (only administrators may),
// and WordPress then shows only users with published posts: a new writer's name may be
// missing, and the post's byline stands in for it.
async function authorNames(client: WordPressClient, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  try {
    const answer = await client.get<unknown>('/wp/v2/users', { include: ids.join(','), per_page: PER_PAGE, _fields: 'id,name' });
    return new Map(z.array(User).parse(answer.body).map((user) => [user.id, user.name]));
  } catch {
    return new Map();
  }
}
