import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('packaging', () => {
  test('flips the fuses that keep the shipped binary from running arbitrary code', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  test('builds AppImage and deb, nsis and dmg, with an icon that exists', () => {
    const targets = (platform: string) => (config[platform] as { target: string[] }).target;
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    for (const platform of ['linux', 'win', 'mac']) {
      expect(existsSync(join(root, (config[platform] as { icon: string }).icon))).toBe(true);
    }
  });

  test('ships the HEIC decoder as a worker outside the archive, and the built worker decodes a phone photo', async () => {
    expect(config.asarUnpack).toContain('dist/electron/heic-worker.mjs');
    const main = readFileSync(join(root, 'dist', 'electron', 'main.mjs'), 'utf8');
    expect(main).toContain('"./heic-worker.mjs"');
    const worker = new Worker(join(root, 'dist', 'electron', 'heic-worker.mjs'));
    try {
      const photo = new Uint8Array(readFileSync(join(root, 'tests', 'fixtures', 'assets', 'photo.heic')));
      const answer = new Promise<{ width: number; height: number; data: Uint8ClampedArray }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ id: 1, bytes: photo });
      const decoded = await answer;
      expect([decoded.width, decoded.height, decoded.data.length]).toEqual([96, 64, 96 * 64 * 4]);
    } finally {
      await worker.terminate();
    }
  });

  test('ships the built app, whose entry point is the bundled main', () => {
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(existsSync(join(root, pkg.main as string))).toBe(true);
    expect(config.files).toContain('dist/**/*');
  });
});
