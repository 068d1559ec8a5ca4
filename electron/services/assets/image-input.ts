import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { AppError } from '../../model/errors.ts';
import { assetErrors } from './asset-errors.ts';
import type { FileKind } from './file-types.ts';
import { decodeHeicOffThread } from './heic-decoder.ts';

// The largest image decoded, in pixels. A PNG a few kilobytes long can declare 100,000 ×
// 100,000 pixels and ask for 40 GB once decoded; a 100-megapixel medium-format camera is the
// largest photo a magazine receives, and wide phone panoramas stay well below this.
export const MAX_INPUT_PIXELS = 120_000_000;

export interface OpenedImage {
  // Decodes on use; orientation from EXIF already applied.
  image: Sharp;
  // The size as displayed, after the camera's orientation.
  width: number;
  height: number;
  hasAlpha: boolean;
  // The input's EXIF block, raw, when it has one (credit and copyright are read from it).
  exif: Buffer | undefined;
  hasXmp: boolean;
}

const BASE_OPTIONS: SharpOptions = {
  limitInputPixels: MAX_INPUT_PIXELS,
  // Truncated and invalid data is refused rather than shown half grey; mere warnings (common in
  // JPEGs from some cameras and editors that every viewer shows fine) are not.
  failOn: 'error',
};

// Opens a photo for processing. The header is read first and its pixel count checked before
// anything is decoded, which is what stops a decompression bomb.
export async function openImage(bytes: Uint8Array, kind: FileKind, options: { animated?: boolean } = {}): Promise<OpenedImage> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const meta = await mapImageErrors(sharp(input, { ...BASE_OPTIONS, limitInputPixels: false }).metadata());
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0) throw assetErrors.damagedImage();
  if (width * height > MAX_INPUT_PIXELS) throw assetErrors.imageTooLarge(MAX_INPUT_PIXELS / 1_000_000);
  const common = { exif: meta.exif, hasXmp: meta.xmp !== undefined };
  // Phones save HEIC with HEVC, which the libvips inside sharp cannot decode (the codec is
  // patent-encumbered and left out of its prebuilt binaries). libheif in WebAssembly decodes it
  // (in a worker thread) to pixels that sharp then takes as raw input. It applies the file's own
  // rotation as it goes.
  if (kind === 'heic' && meta.compression === 'hevc') {
    const decoded = await decodeHeic(input);
    const image = sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
      ...BASE_OPTIONS,
      raw: { width: decoded.width, height: decoded.height, channels: 4 },
    });
    // Always four channels from the decoder; a phone's HEIC has no transparency to keep.
    return { image, width: decoded.width, height: decoded.height, hasAlpha: false, ...common };
  }
  const image = sharp(input, { ...BASE_OPTIONS, ...(options.animated ? { animated: true } : {}) }).autoOrient();
  const oriented = meta.autoOrient ?? { width, height };
  return { image, width: oriented.width, height: oriented.height, hasAlpha: meta.hasAlpha === true, ...common };
}

// In a worker thread: decoding takes about a second a photo, and main must keep answering.
async function decodeHeic(input: Buffer) {
  try {
    return await decodeHeicOffThread(input);
  } catch {
    throw assetErrors.damagedImage();
  }
}

// What sharp throws becomes what the writer can understand: too many pixels, or a file that is
// not the image it claims to be.
export async function mapImageErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw assetErrors.imageTooLarge(MAX_INPUT_PIXELS / 1_000_000);
    throw assetErrors.damagedImage();
  }
}
