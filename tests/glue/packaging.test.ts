import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  test('ships the built app, whose entry point is the bundled main', () => {
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(existsSync(join(root, pkg.main as string))).toBe(true);
    expect(config.files).toContain('dist/**/*');
  });
});
