import { z } from 'zod';
import { AssetId } from './asset.ts';

// The serialized shapes of the body's photo blocks. The renderer's Lexical nodes write them;
// main reads them to collect unused assets, to check a draft before publishing and to build
// the site's markup, so both sides share this one definition.

export const FigureSize = z.enum(['inline', 'wide', 'full']);
export const FigureAlign = z.enum(['left', 'center', 'right']);

// A caption is a small Lexical document of its own (inline bold, italic, links).
export const SerializedCaption = z.looseObject({
  root: z.looseObject({ type: z.literal('root'), children: z.array(z.looseObject({ type: z.string() })).max(50) }),
});
export type SerializedCaption = z.infer<typeof SerializedCaption>;

export const FigureImage = z.object({
  assetId: AssetId,
  alt: z.string().max(1000).default(''),
  credit: z.string().max(300).default(''),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
});
export type FigureImage = z.infer<typeof FigureImage>;

export const SerializedFigure = z.looseObject({
  type: z.literal('figure'),
  version: z.literal(1),
  image: FigureImage,
  caption: SerializedCaption,
  size: FigureSize.default('inline'),
  align: FigureAlign.default('center'),
});
export type SerializedFigure = z.infer<typeof SerializedFigure>;

export const SerializedGallery = z.looseObject({
  type: z.literal('gallery'),
  version: z.literal(1),
  images: z.array(FigureImage).min(2).max(6),
  caption: SerializedCaption,
});
export type SerializedGallery = z.infer<typeof SerializedGallery>;

// Every photo in a body, in reading order, with the block it sits in: what publishing uploads
// and what the pre-flight check looks at. A block that claims to be a photo but does not have
// the shape is reported as invalid rather than skipped.
export interface PhotoInBody {
  blockIndex: number;
  image: FigureImage | null;
  caption: SerializedCaption | null;
}

export function photosIn(body: { root: { children: ReadonlyArray<{ type: string }> } }): PhotoInBody[] {
  const photos: PhotoInBody[] = [];
  body.root.children.forEach((block, blockIndex) => {
    if (block.type === 'figure') {
      const figure = SerializedFigure.safeParse(block);
      photos.push(figure.success ? { blockIndex, image: figure.data.image, caption: figure.data.caption } : { blockIndex, image: null, caption: null });
    } else if (block.type === 'gallery') {
      const gallery = SerializedGallery.safeParse(block);
      if (!gallery.success) photos.push({ blockIndex, image: null, caption: null });
      else for (const image of gallery.data.images) photos.push({ blockIndex, image, caption: gallery.data.caption });
    }
  });
  return photos;
}

// A caption's words (line breaks as spaces), for checks, search, and a caption that cannot be
// loaded as it is; the markup keeps the formatting. Takes anything: stored data may be damaged.
export function captionText(caption: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; text?: unknown; children?: unknown };
    if (typeof record.text === 'string') parts.push(record.text);
    else if (record.type === 'linebreak') parts.push(' ');
    if (Array.isArray(record.children)) record.children.forEach(walk);
  };
  walk((caption as { root?: unknown } | null)?.root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
