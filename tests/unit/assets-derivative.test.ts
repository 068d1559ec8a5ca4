import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MediaPreferences } from '../../electron/model/asset.ts';
import { AssetStore } from '../../electron/services/assets/asset-store.ts';
import { readPhotoCredit } from '../../electron/services/assets/photo-credit.ts';
import { cameraJpeg, imageIn, isReddish, pixelAt } from '../support/photos.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// The copy of a photo that is published: scaled, upright, private metadata off, credit on.

let dir: TempDir;
let media: MediaPreferences;
let store: AssetStore;

beforeEach(() => {
  dir = tempDir();
  media = MediaPreferences.parse({});
  store = new AssetStore({ root: join(dir.path, 'assets'), media: () => media });
});
afterEach(() => dir.remove());

// The EXIF block as text, for looking for what must (not) be in it.
const exifText = (exif: Buffer | undefined) => (exif ? exif.toString('latin1') : '');

describe('publishing derivatives', () => {
  test('a 4000×3000 camera photo becomes a 2400 px JPEG, upright, GPS and owner gone, credit kept', async () => {
    const photo = await cameraJpeg({ orientation: 6, gps: true, owner: true, copyright: 'Busan Monthly 2025', artist: 'Kim Photographer', icc: 'p3' });
    const before = await sharp(photo).metadata();
    expect(exifText(before.exif)).toContain('Owner Kim');
    expect(before.exif!.toString('latin1')).toMatch(/N\0/);

    const { id } = await store.import('IMG_0042.JPG', photo, 'image');
    const derivative = await store.derivative(id);
    expect(derivative).toMatchObject({ mime: 'image/jpeg', width: 1800, height: 2400 });
    const output = readFileSync(derivative.path);
    expect(derivative.size).toBe(output.byteLength);
    const meta = await sharp(output).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1800, height: 2400 });
    // Upright: no orientation left to apply, red (stored left) now on top.
    expect(meta.orientation ?? 1).toBe(1);
    expect(isReddish(await pixelAt(output, 900, 300))).toBe(true);
    // Credit kept (EXIF and XMP), position and owner gone, colour profile kept.
    expect(readPhotoCredit(meta.exif)).toEqual({ artist: 'Kim Photographer', copyright: 'Busan Monthly 2025' });
    const exif = exifText(meta.exif);
    expect(exif).not.toContain('Owner Kim');
    expect(exif).not.toContain('SN-0042');
    expect(exif).not.toContain('Canon');
    expect(exif).not.toMatch(/GPS|N\0\0\0/);
    expect(meta.xmp?.toString('utf8')).toContain('Busan Monthly 2025');
    expect(meta.icc).toBeDefined();
    expect((await sharp(output).metadata()).icc!.length).toBe(before.icc!.length);

    // The original is untouched.
    expect(readFileSync(store.layout.original(id)).equals(photo)).toBe(true);
  });

  test('GPS stays when the writer turned stripping off', async () => {
    media = { ...media, stripPrivateMetadata: false };
    const photo = await cameraJpeg({ width: 3000, height: 2000, gps: true, owner: true, copyright: 'Busan Monthly' });
    const { id } = await store.import('photo.jpg', photo, 'image');
    const derivative = await store.derivative(id);
    const meta = await sharp(derivative.path).metadata();
    expect(exifText(meta.exif)).toContain('Owner Kim');
    expect(derivative.path).toContain('as-shot');
  });

  test('a Korean credit survives in XMP (EXIF text is ASCII by its standard)', async () => {
    // Photo desks write UTF-8 into EXIF's Artist: made here by hand, as sharp writes only ASCII.
    const plain = await sharp({ create: { width: 100, height: 80, channels: 3, background: 'white' } }).jpeg().toBuffer();
    const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiffWithArtist('조현경')]);
    const segment = Buffer.alloc(4);
    segment.writeUInt16BE(0xffe1, 0);
    segment.writeUInt16BE(exif.length + 2, 2);
    const photo = Buffer.concat([plain.subarray(0, 2), segment, exif, plain.subarray(2)]);
    expect(readPhotoCredit((await sharp(photo).metadata()).exif).artist).toBe('조현경');

    const { id } = await store.import('photo.jpg', photo, 'image');
    const meta = await sharp((await store.derivative(id)).path).metadata();
    expect(meta.xmp?.toString('utf8')).toContain('<rdf:li>조현경</rdf:li>');
    expect(readPhotoCredit(meta.exif).artist).toBeDefined();
  });

  test('never enlarged; a long edge set in the preferences is used', async () => {
    const { id } = await store.import('small.jpg', await imageIn('jpeg', 1000, 500), 'image');
    expect(await store.derivative(id)).toMatchObject({ width: 1000, height: 500 });
    media = { ...media, publishLongEdge: 800 };
    expect(await store.derivative(id)).toMatchObject({ width: 800, height: 400 });
  });

  test('PNG and GIF stay as they are when they fit; other formats become JPEG', async () => {
    const png = await imageIn('png', 500, 400);
    const pngId = (await store.import('chart.png', png, 'image')).id;
    const pngDerivative = await store.derivative(pngId);
    expect(pngDerivative.mime).toBe('image/png');
    expect(readFileSync(pngDerivative.path).equals(png)).toBe(true);

    const gifId = (await store.import('anim.gif', await imageIn('gif', 300, 200), 'image')).id;
    expect((await store.derivative(gifId)).mime).toBe('image/gif');

    const bigPng = (await store.import('big.png', await imageIn('png', 3000, 1000), 'image')).id;
    expect(await store.derivative(bigPng)).toMatchObject({ mime: 'image/png', width: 2400, height: 800 });

    for (const format of ['webp', 'tiff', 'avif'] as const) {
      const id = (await store.import(`photo.${format}`, await imageIn(format, 400, 300), 'image')).id;
      expect(await store.derivative(id)).toMatchObject({ mime: 'image/jpeg', width: 400, height: 300 });
    }

    const heic = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'assets', 'photo.heic'));
    const heicId = (await store.import('IMG_1001.HEIC', heic, 'image')).id;
    expect(await store.derivative(heicId)).toMatchObject({ mime: 'image/jpeg', width: 96, height: 64 });
  });

  test('derivatives are cached on disk by (photo, long edge, metadata choice)', async () => {
    const { id } = await store.import('photo.jpg', await cameraJpeg({ width: 3000, height: 2000, gps: true }), 'image');
    const first = await store.derivative(id);
    const again = await store.derivative(id);
    expect(again).toEqual(first);
    const other = await store.derivative(id, { longEdge: 1200 });
    expect(other.path).not.toBe(first.path);
    expect(other).toMatchObject({ width: 1200, height: 800 });
    const keep = await store.derivative(id, { stripPrivateMetadata: false });
    expect(keep.path).not.toBe(first.path);
    // Two requests at once make one file.
    const [a, b] = await Promise.all([store.derivative(id, { longEdge: 640 }), store.derivative(id, { longEdge: 640 })]);
    expect(a).toEqual(b);
  });
});

// A minimal little-endian TIFF header with IFD0 holding Artist as UTF-8 bytes.
function tiffWithArtist(artist: string): Buffer {
  const text = Buffer.from(`${artist}\0`, 'utf8');
  const header = Buffer.alloc(8 + 2 + 12 + 4);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  header.writeUInt16LE(1, 8);
  header.writeUInt16LE(0x013b, 10);
  header.writeUInt16LE(2, 12);
  header.writeUInt32LE(text.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, text]);
}
