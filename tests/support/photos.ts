import sharp from 'sharp';
import { crc32 } from './raw-zip.ts';

// Test photos made with sharp as the tests run: what cameras and phones send, in every format
// the store takes.

export const RED = { r: 220, g: 30, b: 30 };
export const BLUE = { r: 30, g: 40, b: 220 };

export interface CameraOptions {
  width?: number;
  height?: number;
  // EXIF orientation: 6 is a phone held upright (stored sideways, shown rotated 90° clockwise).
  orientation?: number;
  gps?: boolean;
  copyright?: string;
  artist?: string;
  owner?: boolean;
  icc?: 'p3';
}

// A camera JPEG: the left half red, the right half blue as stored, so a test can tell which
// way it was turned. With GPS, owner and serial number when asked.
export async function cameraJpeg(options: CameraOptions = {}): Promise<Buffer> {
  const width = options.width ?? 4000;
  const height = options.height ?? 3000;
  let image = twoHalves(width, height).jpeg({ quality: 80 });
  const ifd0: Record<string, string> = { Make: 'Canon', Model: 'EOS R5' };
  if (options.copyright) ifd0.Copyright = options.copyright;
  if (options.artist) ifd0.Artist = options.artist;
  const exif: Record<string, Record<string, string>> = { IFD0: ifd0 };
  if (options.owner) exif.IFD2 = { CameraOwnerName: 'Owner Kim', BodySerialNumber: 'SN-0042-7731' };
  if (options.gps) exif.IFD3 = { GPSLatitudeRef: 'N', GPSLatitude: '35/1 10/1 48/1', GPSLongitudeRef: 'E', GPSLongitude: '129/1 4/1 32/1' };
  image = image.withExif(exif);
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  if (options.icc) image = image.withIccProfile(options.icc);
  return image.toBuffer();
}

// Made from raw pixels (three channels, no alpha: a camera's photo has none).
export function twoHalves(width: number, height: number) {
  const half = Math.max(1, Math.floor(width / 2));
  const row = Buffer.alloc(width * 3);
  for (let x = 0; x < width; x++) {
    const { r, g, b } = x < half ? RED : BLUE;
    row[x * 3] = r;
    row[x * 3 + 1] = g;
    row[x * 3 + 2] = b;
  }
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) row.copy(pixels, y * row.length);
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

export async function imageIn(format: 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'jpeg', width = 640, height = 480): Promise<Buffer> {
  const image = twoHalves(width, height);
  return image.toFormat(format).toBuffer();
}

// A PNG whose header declares 100,000 × 100,000 pixels (40 GB decoded) with almost no data:
// a decompression bomb's shape, refused from its header.
export function pngBomb(): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// The pixel at (x, y) of an image, as [r, g, b].
export async function pixelAt(image: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

export function isReddish([r, g, b]: number[]): boolean {
  return r! > 150 && g! < 100 && b! < 100;
}

export function isBluish([r, g, b]: number[]): boolean {
  return b! > 150 && r! < 100 && g! < 100;
}
