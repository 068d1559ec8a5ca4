import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PreferencesService } from '../../electron/services/settings/preferences.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const open = () => new Conf<Record<string, unknown>>({ cwd: dir.path, configName: 'preferences', projectName: 'pressroom' });

describe('preferences (electron-store\'s base class conf on a temp folder)', () => {
  test('start from sensible defaults', () => {
    const prefs = new PreferencesService(open()).get();
    expect(prefs).toMatchObject({ theme: 'system', locale: 'system', publications: [] });
    expect(prefs.editor.autosaveDelayMs).toBeGreaterThan(0);
  });

  test('changes survive reopening the file', () => {
    new PreferencesService(open()).update({
      locale: 'ko',
      theme: 'dark',
      publications: [{ id: 'busan', name: '부산이라좋다', issuePattern: '제YYYYMM호', captionPrefix: '△', footerTemplate: '', defaultSection: '', defaultSource: '부산이라좋다' }],
    });
    const reopened = new PreferencesService(open()).get();
    expect(reopened.locale).toBe('ko');
    expect(reopened.theme).toBe('dark');
    expect(reopened.publications[0]?.name).toBe('부산이라좋다');
  });

  test('a hand-edited file with bad values keeps the good ones and defaults the rest', () => {
    writeFileSync(join(dir.path, 'preferences.json'), JSON.stringify({ theme: 'purple', locale: 'ko', editor: { fontSize: 'huge' } }));
    const prefs = new PreferencesService(open()).get();
    expect(prefs.locale).toBe('ko');
    expect(prefs.theme).toBe('system');
    expect(prefs.editor.fontSize).toBe(17);
  });
});
