import type { FileKind } from './file-types.ts';
import { mapImageErrors, openImage } from './image-input.ts';

// The editor shows thumbnails, never originals: thirty 12-megapixel photos would hold over a
// gigabyte of decoded pixels in the renderer, their thumbnails a few tens of megabytes. 1280 px
// on the long edge stays sharp in the editor's widest column on a high-density screen.
export const THUMBNAIL_LONG_EDGE = 1280;

export interface Processed {
  width: number;
  height: number;
  thumbnail: Buffer;
}

// Decodes the photo once: its size after orientation, and the thumbnail. A photo that fails
// here is refused before anything of it is stored.
export async function processImage(bytes: Uint8Array, kind: FileKind): Promise<Processed> {
  const opened = await openImage(bytes, kind);
  const thumbnail = await mapImageErrors(
    opened.image
      .resize(THUMBNAIL_LONG_EDGE, THUMBNAIL_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80, effort: 2 })
      .toBuffer(),
  );
  return { width: opened.width, height: opened.height, thumbnail };
}
