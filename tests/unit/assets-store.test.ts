import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MediaPreferences } from '../../electron/model/asset.ts';
import { AppError } from '../../electron/model/errors.ts';
import { AssetStore } from '../../electron/services/assets/asset-store.ts';
import { cameraJpeg, imageIn, isBluish, isReddish, pixelAt, pngBomb } from '../support/photos.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// The asset store on a real folder, with real sharp: what a photo dropped into the editor
// goes through.

let dir: TempDir;
let media: MediaPreferences;
let store: AssetStore;

beforeEach(() => {
  dir = tempDir();
  media = MediaPreferences.parse({});
  store = new AssetStore({ root: join(dir.path, 'assets'), media: () => media });
});
afterEach(() => dir.remove());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function refusal(work: Promise<unknown>): Promise<{ code: string; messageKey: string; params?: Record<string, unknown> }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.toPayload();
    throw error;
  }
  throw new Error('expected a refusal');
}

// Every file under the folder, relative to it.
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe('importing', () => {
  test('a camera photo is kept by its hash, upright, with its size after orientation and a thumbnail', async () => {
    const photo = await cameraJpeg({ orientation: 6, gps: true, copyright: 'Busan Monthly' });
    const info = await store.import('IMG_0042.JPG', photo, 'image');
    expect(info).toEqual({ id: sha256(photo), mime: 'image/jpeg', size: photo.byteLength, name: 'IMG_0042.JPG', width: 3000, height: 4000 });

    // The original is byte for byte what came in, under its hash.
    const original = store.layout.original(info.id);
    expect(original).toBe(join(dir.path, 'assets', info.id.slice(0, 2), info.id));
    expect(readFileSync(original).equals(photo)).toBe(true);

    // The thumbnail: WebP, 1280 on the long edge, turned the way the camera was held (stored
    // left-red, shown rotated clockwise: red on top).
    const thumbnail = (await store.thumbnail(info.id))!;
    const meta = await sharp(thumbnail).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 960, height: 1280 });
    expect(isReddish(await pixelAt(thumbnail, 480, 200))).toBe(true);
    expect(isBluish(await pixelAt(thumbnail, 480, 1100))).toBe(true);
  });

  test('the same bytes twice are one file and one id; each import answers with its own name', async () => {
    const photo = await imageIn('jpeg', 800, 600);
    const first = await store.import('first.jpg', photo, 'image');
    const second = await store.import('다른 이름.jpg', photo, 'image');
    expect(second.id).toBe(first.id);
    expect(second.name).toBe('다른 이름.jpg');
    expect(filesUnder(store.layout.root)).toEqual([`${first.id.slice(0, 2)}/${first.id}`, `${first.id.slice(0, 2)}/${first.id}.json`, `${first.id.slice(0, 2)}/${first.id}.thumb.webp`]);
  });

  test('writes leave no temporary files behind, and a re-import repairs a damaged original', async () => {
    const photo = await imageIn('png', 300, 200);
    const info = await store.import('graphic.png', photo, 'image');
    expect(filesUnder(store.layout.root).some((name) => name.includes('.tmp-'))).toBe(false);

    writeFileSync(store.layout.original(info.id), Buffer.concat([photo.subarray(0, 100), Buffer.alloc(photo.byteLength - 100)]));
    expect(await store.state(info.id)).toBe('damaged');
    await store.import('graphic.png', photo, 'image');
    expect(await store.state(info.id)).toBe('ok');
    expect(filesUnder(store.layout.root).some((name) => name.includes('.tmp-'))).toBe(false);
  });

  test('every image format comes in with its pixel size and a thumbnail', async () => {
    for (const format of ['png', 'webp', 'gif', 'tiff', 'avif'] as const) {
      const info = await store.import(`picture.${format === 'tiff' ? 'tif' : format}`, await imageIn(format, 640, 480), 'image');
      expect(info).toMatchObject({ width: 640, height: 480 });
      expect(await sharp((await store.thumbnail(info.id))!).metadata()).toMatchObject({ format: 'webp', width: 640, height: 480 });
    }
  });

  test('HEIC from a phone (HEVC, which sharp alone cannot decode) comes in through libheif', async () => {
    const heic = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'assets', 'photo.heic'));
    const info = await store.import('IMG_1001.HEIC', heic, 'image');
    expect(info).toMatchObject({ mime: 'image/heic', width: 96, height: 64 });
    const thumbnail = (await store.thumbnail(info.id))!;
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'webp', width: 96, height: 64 });
    expect(isReddish(await pixelAt(thumbnail, 10, 32))).toBe(true);
    expect(isBluish(await pixelAt(thumbnail, 86, 32))).toBe(true);
  });

  test('a decompression bomb is refused from its header, and nothing is written', async () => {
    const bomb = pngBomb();
    expect(bomb.byteLength).toBeLessThan(100);
    expect(await refusal(store.import('bomb.png', bomb, 'image'))).toEqual({ code: 'invalid_input', messageKey: 'assets.imageTooLarge', params: { limitMegapixels: 120 } });
    expect(filesUnder(store.layout.root)).toEqual([]);
  });

  test('a damaged photo is refused as a photo, and nothing is written', async () => {
    const photo = await cameraJpeg({ width: 800, height: 600 });
    const truncated = photo.subarray(0, Math.floor(photo.byteLength / 2));
    expect(await refusal(store.import('cut.jpg', truncated, 'image'))).toEqual({ code: 'invalid_input', messageKey: 'assets.damagedImage' });
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x42)]);
    expect((await refusal(store.import('garbage.jpg', garbage, 'image'))).messageKey).toBe('assets.damagedImage');
    expect(filesUnder(store.layout.root)).toEqual([]);
  });

  test('a text file named .jpg, or a file over the limit, is refused and nothing is written', async () => {
    expect((await refusal(store.import('photo.jpg', Buffer.from('hello'), 'image'))).messageKey).toBe('assets.typeMismatch');
    media = { ...media, maxFileMb: 1 };
    const big = await cameraJpeg({ width: 2000, height: 2000, gps: true });
    const padded = Buffer.concat([big, Buffer.alloc(1024 * 1024)]);
    expect(await refusal(store.import('big.jpg', padded, 'image'))).toEqual({ code: 'invalid_input', messageKey: 'assets.tooLarge', params: { limitMb: 1 } });
    expect(filesUnder(store.layout.root)).toEqual([]);
  });

  test('names with paths stay names: nothing is written outside the store', async () => {
    const info = await store.import('../../../../outside.txt', Buffer.from('text'), 'attachment');
    expect(info.name).toBe('outside.txt');
    expect(filesUnder(dir.path).every((name) => name.startsWith('assets/'))).toBe(true);
  });

  test('an attachment that is a photo keeps its thumbnail; one that does not decode is still attached', async () => {
    const photo = await imageIn('jpeg', 200, 100);
    expect(await store.import('photo.jpg', photo, 'attachment')).toMatchObject({ width: 200, height: 100 });
    const truncated = (await cameraJpeg({ width: 800, height: 600 })).subarray(0, 3000);
    const info = await store.import('scan.jpg', truncated, 'attachment');
    expect(info).toMatchObject({ width: null, height: null, mime: 'image/jpeg' });
    expect(await store.thumbnail(info.id)).toBeNull();
    // The same bytes as a photo for the body are still refused.
    expect((await refusal(store.import('scan.jpg', truncated, 'image'))).messageKey).toBe('assets.damagedImage');
  });

  test('a lost thumbnail is made again from the original', async () => {
    const info = await store.import('photo.webp', await imageIn('webp', 300, 300), 'image');
    rmSync(store.layout.thumbnail(info.id));
    expect(await sharp((await store.thumbnail(info.id))!).metadata()).toMatchObject({ format: 'webp', width: 300 });
    expect(existsSync(store.layout.thumbnail(info.id))).toBe(true);
  });
});

describe('checking', () => {
  test('ok, missing (deleted) and damaged (bytes changed) are told apart', async () => {
    const a = await store.import('a.txt', Buffer.from('first file'), 'attachment');
    const b = await store.import('b.txt', Buffer.from('second file'), 'attachment');
    const c = await store.import('c.txt', Buffer.from('third file'), 'attachment');
    expect(await store.check([a.id, b.id, c.id])).toEqual([
      { id: a.id, state: 'ok' },
      { id: b.id, state: 'ok' },
      { id: c.id, state: 'ok' },
    ]);
    rmSync(store.layout.original(b.id));
    // Same size, different bytes, and an older time: a rehash is what finds it.
    const path = store.layout.original(c.id);
    const before = statSync(path);
    writeFileSync(path, 'THIRD FILE');
    utimesSync(path, before.atime, new Date(before.mtimeMs - 5000));
    const unknown = 'f'.repeat(64);
    expect(await store.check([a.id, b.id, c.id, unknown])).toEqual([
      { id: a.id, state: 'ok' },
      { id: b.id, state: 'missing' },
      { id: c.id, state: 'damaged' },
      { id: unknown, state: 'missing' },
    ]);
  });
});
