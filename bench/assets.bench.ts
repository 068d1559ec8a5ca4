import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import sharp from 'sharp';
import { createServices } from '../electron/services/index.ts';
import { tempDir } from '../tests/support/temp.ts';
import { type BenchRow, round } from './harness.ts';

// The asset store in main, on 4000×3000 JPEGs like a camera's (12 MP, a few MB each):
//  - importing thirty at once, as a writer dropping a shoot into the editor: hash, atomic
//    store and thumbnail for each, the time until the last one is answered;
//  - publishing derivatives (2400 px, private metadata removed), in photos per second.
// The issue names no figure for either; the budgets are ours: 1 s a photo for the import (so
// 30 s for thirty), and at least 1 photo/s for derivatives.
const PHOTOS = 30;

export async function run(): Promise<BenchRow[]> {
  const dir = tempDir('pressroom-bench-');
  const services = createServices({
    dataDir: dir.path,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: join(dir.path, 'prefs'), projectName: 'pressroom' }),
    events: { emit() {} },
  });
  try {
    const photos = await cameraPhotos(PHOTOS);

    const importStart = performance.now();
    const infos = await Promise.all(photos.map((photo, index) => services.assets.import(`IMG_${1000 + index}.JPG`, photo, 'image')));
    const importMs = performance.now() - importStart;
    if (infos.some((info) => info.width !== 3000 || info.height !== 4000)) throw new Error('orientation not applied');

    const deriveStart = performance.now();
    await Promise.all(infos.map((info) => services.assets.derivative(info.id)));
    const perSecond = infos.length / ((performance.now() - deriveStart) / 1000);

    return [
      { name: 'assets: import of thirty 4000×3000 JPEGs (hash + store + thumbnail), total', value: round(importMs, 0), unit: 'ms', budget: 30_000, better: 'lower' },
      { name: 'assets: publishing derivative generation (2400 px, metadata stripped)', value: round(perSecond), unit: 'photos/s', budget: 1, better: 'higher' },
    ];
  } finally {
    services.close();
    dir.remove();
  }
}

// One photo's worth of pixels (soft noise, so it compresses like a photograph rather than a
// flat colour), encoded once as a camera JPEG held sideways with GPS; the others differ by a
// comment segment, so each has its own hash and is stored and processed on its own.
export async function cameraPhotos(count: number): Promise<Buffer[]> {
  const base = await sharp({ create: { width: 1000, height: 750, channels: 3, background: 'grey', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .resize(4000, 3000, { kernel: 'cubic' })
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: 'Canon', Model: 'EOS R5', Copyright: 'Busan Monthly' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 10/1 48/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  return Array.from({ length: count }, (_, index) => {
    const comment = Buffer.from(`photo ${index}`);
    const segment = Buffer.alloc(4);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(comment.length + 2, 2);
    return Buffer.concat([base.subarray(0, 2), segment, comment, base.subarray(2)]);
  });
}
