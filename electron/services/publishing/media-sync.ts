import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import type { ArticleFields } from '../../model/article.ts';
import { captionText, photosIn } from '../../model/figure.ts';
import type { MediaPreferences } from '../../model/asset.ts';
import type { AssetStore } from '../assets/asset-store.ts';
import { limitConcurrency } from '../assets/concurrency.ts';
import { safeName } from '../assets/safe-name.ts';
import type { RemoteFile, RemoteImage } from './blocks/publish-context.ts';
import type { OutboxStore, RemoteMedia } from './outbox-store.ts';
import type { WordPressClient } from './wordpress/client.ts';

// Uploads what the article needs and the site does not have yet. The site's media id for each
// photo is remembered per site, by content hash and derivative settings, as soon as an upload
// is answered, so a photo goes up once however often the article is published or retried.

// Three at once: enough to keep a connection busy while the site stores and thumbnails the
// previous photo, few enough not to swamp a small shared host.
export const PARALLEL_UPLOADS = 3;

const MediaItem = z.looseObject({
  id: z.number().int().positive(),
  source_url: z.string(),
  media_details: z.looseObject({ width: z.number().optional(), height: z.number().optional() }).optional(),
});
type MediaItem = z.infer<typeof MediaItem>;

interface Needed {
  assetId: string;
  variant: string;
  kind: 'photo' | 'file';
  name: string;
  alt: string;
  caption: string;
}

export interface MediaSyncInput {
  client: WordPressClient;
  siteId: string;
  article: ArticleFields;
  store: AssetStore;
  outbox: OutboxStore;
  media: MediaPreferences;
  // Earlier attempts of this job may have uploaded without hearing the answer.
  mayHaveUploaded: boolean;
  hasPlugin: boolean;
  parallelUploads?: number;
  signal: AbortSignal;
  onProgress(sent: number, total: number): void;
}

export interface SyncedMedia {
  images: Record<string, RemoteImage>;
  files: Record<string, RemoteFile>;
}

export async function syncMedia(input: MediaSyncInput): Promise<SyncedMedia> {
  const { client, siteId, outbox, store } = input;
  const needed = neededMedia(input.article, input.media);
  await forgetDeletedMedia(input, needed);

  const missing = needed.filter((item) => !outbox.mediaFor(siteId, item.assetId, item.variant));
  // The files to send, made (photos scaled, private metadata removed) before the first byte
  // goes out, so the progress bar knows the total.
  const files = await Promise.all(
    missing.map(async (item) => {
      if (item.kind === 'photo') {
        const derivative = await store.derivative(item.assetId, { longEdge: input.media.publishLongEdge, stripPrivateMetadata: input.media.stripPrivateMetadata });
        return { item, path: derivative.path, mime: derivative.mime, size: derivative.size, extension: extname(derivative.path) };
      }
      const record = await store.record(item.assetId);
      const original = store.layout.original(item.assetId);
      const bytes = await readFile(original);
      return { item, path: original, mime: record?.mime ?? 'application/octet-stream', size: bytes.length, extension: extname(item.name) };
    }),
  );
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const sentBy = new Map<string, number>();
  const report = () => input.onProgress([...sentBy.values()].reduce((a, b) => a + b, 0), total);
  report();

  const limited = limitConcurrency(input.parallelUploads ?? PARALLEL_UPLOADS);
  // After one upload fails no other starts, and the step ends only once those under way have
  // settled: an upload still running when the job's next attempt began would not yet be
  // recorded, and that attempt would send the same photo again.
  const failed = new AbortController();
  const outcomes = await Promise.allSettled(
    files.map((file) =>
      limited(async () => {
        if (failed.signal.aborted) throw failed.signal.reason;
        input.signal.throwIfAborted();
        const token = mediaToken(file.item.assetId);
        const found = input.mayHaveUploaded ? await findUploaded(client, token) : null;
        let media = found;
        if (!media) {
          const bytes = await readFile(file.path);
          const uploaded = await client.upload<unknown>('/wp/v2/media', {
            bytes,
            mime: file.mime,
            fileName: uploadName(file.item.name, file.extension, token),
            onProgress: (sent) => {
              sentBy.set(file.item.assetId + file.item.variant, sent);
              report();
            },
          });
          media = MediaItem.parse(uploaded.body);
        }
        sentBy.set(file.item.assetId + file.item.variant, file.size);
        report();
        outbox.rememberMedia(siteId, file.item.assetId, file.item.variant, toRemote(media));
        await describeMedia(client, media.id, file.item, input.hasPlugin ? token : null);
      }).catch((error: unknown) => {
        if (!failed.signal.aborted) failed.abort(error);
        throw error;
      }),
    ),
  );
  if (outcomes.some((outcome) => outcome.status === 'rejected')) throw failed.signal.reason;

  const images: Record<string, RemoteImage> = {};
  const filesOut: Record<string, RemoteFile> = {};
  for (const item of needed) {
    const remote = outbox.mediaFor(siteId, item.assetId, item.variant)!;
    if (item.kind === 'photo') images[item.assetId] = { id: remote.mediaId, url: remote.url, width: remote.width, height: remote.height, sizeSlug: 'full' };
    else filesOut[item.assetId] = { id: remote.mediaId, url: remote.url };
  }
  return { images, files: filesOut };
}

function neededMedia(article: ArticleFields, media: MediaPreferences): Needed[] {
  const variant = `w${media.publishLongEdge}${media.stripPrivateMetadata ? '-private-removed' : ''}`;
  const seen = new Set<string>();
  const needed: Needed[] = [];
  for (const photo of photosIn(article.body)) {
    if (!photo.image || seen.has(`p${photo.image.assetId}`)) continue;
    seen.add(`p${photo.image.assetId}`);
    const caption = [captionText(photo.caption), photo.image.credit.trim()].filter(Boolean).join(' ');
    needed.push({ assetId: photo.image.assetId, variant, kind: 'photo', name: 'photo', alt: photo.image.alt, caption });
  }
  for (const attachment of article.attachments) {
    if (seen.has(`f${attachment.assetId}`)) continue;
    seen.add(`f${attachment.assetId}`);
    needed.push({ assetId: attachment.assetId, variant: 'original', kind: 'file', name: attachment.name, alt: '', caption: '' });
  }
  return needed;
}

// Media someone deleted on the site is uploaded again rather than left as a broken image.
async function forgetDeletedMedia(input: MediaSyncInput, needed: Needed[]): Promise<void> {
  const known = needed.map((item) => input.outbox.mediaFor(input.siteId, item.assetId, item.variant)).filter((media): media is RemoteMedia => media !== null);
  for (let start = 0; start < known.length; start += 100) {
    const batch = known.slice(start, start + 100);
    const answer = await input.client.get<unknown[]>('/wp/v2/media', { include: batch.map((media) => media.mediaId).join(','), per_page: 100, _fields: 'id' });
    const present = new Set(z.array(z.looseObject({ id: z.number() })).parse(answer.body).map((item) => item.id));
    for (const media of batch) if (!present.has(media.mediaId)) input.outbox.forgetMedia(input.siteId, media.mediaId);
  }
}

// A name the site will keep in the file's name (and so in the media title it searches),
// unique to the photo: how an upload whose answer was lost is found again.
function mediaToken(assetId: string): string {
  return `pr${assetId.slice(0, 16)}`;
}

function uploadName(name: string, extension: string, token: string): string {
  const stem = safeName(name).replace(/\.[^.]*$/, '').slice(0, 80) || 'file';
  return `${stem}-${token}${extension || ''}`;
}

async function findUploaded(client: WordPressClient, token: string): Promise<MediaItem | null> {
  const answer = await client.get<unknown[]>('/wp/v2/media', { search: token, per_page: 10, context: 'edit' });
  const items = z.array(MediaItem).safeParse(answer.body);
  if (!items.success) return null;
  return items.data.find((item) => item.source_url.includes(token)) ?? null;
}

async function describeMedia(client: WordPressClient, id: number, item: Needed, token: string | null): Promise<void> {
  const fields: Record<string, unknown> = { title: item.kind === 'file' ? item.name : item.alt || item.name };
  if (item.kind === 'photo') {
    fields['alt_text'] = item.alt;
    fields['caption'] = item.caption;
  }
  if (token) fields['meta'] = { pressroom_token: token };
  await client.post(`/wp/v2/media/${id}`, fields);
}

function toRemote(media: MediaItem): RemoteMedia {
  return {
    mediaId: media.id,
    url: media.source_url,
    width: media.media_details?.width ?? null,
    height: media.media_details?.height ?? null,
  };
}
