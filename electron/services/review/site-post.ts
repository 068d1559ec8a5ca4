import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../model/errors.ts';
import type { ReviewData } from '../../model/review.ts';
import type { WordPressClient } from '../publishing/wordpress/client.ts';
import { canonicalJson } from './merge.ts';

// A draft's post on the site as the review sync reads and writes it: the whole post in the edit
// context (the companion plugin shows its meta only there, and only to those who may edit the
// post), and writes that touch nothing but the review meta.

export const REVIEW_META = 'pressroom_review';

export const SitePost = z.looseObject({
  id: z.number().int().positive(),
  status: z.string(),
  link: z.string(),
  modified_gmt: z.string(),
  meta: z.record(z.string(), z.unknown()).optional().catch(undefined),
  content: z.looseObject({ raw: z.string() }).optional(),
});
export type SitePost = z.infer<typeof SitePost>;

// The post, or null when it is gone (deleted, or in the trash).
export async function readPost(client: WordPressClient, postId: number): Promise<SitePost | null> {
  try {
    const post = SitePost.parse((await client.get(`/wp/v2/posts/${postId}`, { context: 'edit' })).body);
    return post.status === 'trash' ? null : post;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

// Writes the review data, and nothing else, over the post as it was at `baseModified`. A post
// changed since is answered 412 by the companion plugin, which the client reports as
// conflict / remote.changedOnSite: the caller reads it again and merges.
export async function writeReview(client: WordPressClient, postId: number, data: ReviewData, baseModified: string): Promise<SitePost> {
  const answer = await client.post(`/wp/v2/posts/${postId}`, { meta: { [REVIEW_META]: JSON.stringify(data) } }, { 'X-Pressroom-Base-Modified': baseModified });
  return SitePost.parse(answer.body);
}

export function isStale(error: unknown): boolean {
  return error instanceof AppError && error.code === 'conflict' && error.messageKey === 'remote.changedOnSite';
}

// Everything about the post that publishing cares for, review data left out: when two readings
// have the same fingerprint, whatever changed between them (its modified time moved) was only
// review data, which is not an edit the writer must be asked about.
// Dates are left out except a scheduled post's: WordPress moves a pending post's floating date
// to "now" on every update, a review-only one too.
export function fingerprint(post: SitePost): string {
  const raw = post as Record<string, unknown>;
  const text = (key: string) => (raw[key] as { raw?: unknown } | undefined)?.raw ?? null;
  const meta = Object.fromEntries(Object.entries(post.meta ?? {}).filter(([key]) => key !== REVIEW_META));
  const facts = {
    title: text('title'),
    content: text('content'),
    excerpt: text('excerpt'),
    status: post.status,
    slug: raw['slug'] ?? null,
    author: raw['author'] ?? null,
    featured_media: raw['featured_media'] ?? null,
    sticky: raw['sticky'] ?? null,
    format: raw['format'] ?? null,
    password: raw['password'] ?? null,
    template: raw['template'] ?? null,
    categories: raw['categories'] ?? null,
    tags: raw['tags'] ?? null,
    date_gmt: post.status === 'future' ? (raw['date_gmt'] ?? null) : null,
    meta,
  };
  return createHash('sha256').update(canonicalJson(facts), 'utf8').digest('hex');
}

// The article as a hash, to tell whether the local one changed since it was last exchanged.
export function articleSha(article: unknown): string {
  return createHash('sha256').update(canonicalJson(article), 'utf8').digest('hex');
}
