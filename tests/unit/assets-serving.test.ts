import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';
import { serveAppRequest } from '../../electron/protocol.ts';
import { createServices, type Services } from '../../electron/services/index.ts';
import { type Host, startHost } from '../support/host/server.ts';
import { imageIn } from '../support/photos.ts';
import { type TempDir, tempDir } from '../support/temp.ts';
import Conf from 'conf';

// Thumbnails reach the renderer only through the app's own protocol (and the test host's copy
// of it); attachments open as copies in the OS's app.

let dir: TempDir;
let services: Services;
let opened: string[];
let openAnswer: string;

beforeEach(() => {
  dir = tempDir();
  opened = [];
  openAnswer = '';
  services = createServices({
    dataDir: join(dir.path, 'data'),
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: dir.path, configName: 'preferences', projectName: 'pressroom' }),
    events: { emit() {} },
    openPath: async (path) => {
      opened.push(path);
      return openAnswer;
    },
  });
});
afterEach(() => {
  services.close();
  dir.remove();
  // The copies went to the system's temporary folder, as in the app.
  for (const path of opened) rmSync(dirname(path), { recursive: true, force: true });
});

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return (error as { toPayload(): unknown }).toPayload();
  }
  throw new Error('expected a refusal');
}

describe('the app:// protocol', () => {
  function rendererDir() {
    const root = join(dir.path, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
    return root;
  }
  const get = (path: string, method = 'GET') => serveAppRequest(rendererDir(), new Request(`app://pressroom${path}`, { method }), services.assets);

  test('serves a thumbnail as WebP with the app files’ policy headers', async () => {
    const { id } = await services.assets.import('photo.png', await imageIn('png', 2000, 1000), 'image');
    const response = await get(`/assets/${id}/thumb`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 1280, height: 640 });
  });

  test('nothing else of the store: no originals, no other names, no other methods', async () => {
    const { id } = await services.assets.import('photo.png', await imageIn('png', 200, 100), 'image');
    const text = await services.assets.import('notes.txt', Buffer.from('secret notes'), 'attachment');
    for (const path of [`/assets/${id}`, `/assets/${id}/`, `/assets/${id}/original`, `/assets/${id}/thumb/`, `/assets/${id}/thumb.webp`, `/assets/${text.id}/thumb`, `/assets/${'0'.repeat(64)}/thumb`, `/assets/${id.slice(0, 2)}/${id}`]) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get(`/assets/${id}/thumb`, 'POST')).status).toBe(404);
    expect((await get(`/assets/${id.toUpperCase()}/thumb`)).status).toBe(404);
    expect((await get(`/assets/%2e%2e/%2e%2e/data/assets/${id.slice(0, 2)}/${id}`)).status).toBe(404);
  });

  test('the renderer’s own build output under /assets/ is still served', async () => {
    const response = await get('/assets/index-abc.css');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('body{}');
  });
});

describe('opening an attachment in the OS’s app', () => {
  test('a verified copy under the shown name, with the extension its bytes call for', async () => {
    const { id } = await services.assets.import('notes.txt', Buffer.from('기사 메모'), 'attachment');
    await services.assets.open(id, '취재 메모.txt');
    await services.assets.open(id, '../../invoice.bat');
    await services.assets.open(id, 'CON');
    expect(opened.map((path) => path.split(/[/\\]/).at(-1))).toEqual(['취재 메모.txt', 'invoice.bat.txt', '_CON.txt']);
    for (const path of opened) expect(readFileSync(path, 'utf8')).toBe('기사 메모');
    // Each in a folder of its own, never the store's file.
    expect(new Set(opened.map((path) => path.slice(0, path.lastIndexOf('/')))).size).toBe(3);
    expect(opened.some((path) => path.startsWith(join(dir.path, 'data')))).toBe(false);
  });

  test('missing and damaged files are not opened; the OS’s refusal is reported', async () => {
    const { id } = await services.assets.import('notes.txt', Buffer.from('original'), 'attachment');
    writeFileSync(services.assets.store.layout.original(id), 'tampered');
    expect(await refusal(services.assets.open(id, 'notes.txt'))).toEqual({ code: 'storage_corrupt', messageKey: 'assets.damaged' });
    expect(await refusal(services.assets.open('a'.repeat(64), 'x.txt'))).toEqual({ code: 'not_found', messageKey: 'assets.notFound' });
    expect(opened).toEqual([]);
    const other = await services.assets.import('other.txt', Buffer.from('other'), 'attachment');
    openAnswer = 'No application is associated with the specified file';
    expect(await refusal(services.assets.open(other.id, 'other.txt'))).toMatchObject({ messageKey: 'assets.openFailed', params: { detail: openAnswer } });
  });
});

describe('the test host', () => {
  let hostDir: TempDir;
  let host: Host;
  beforeAll(async () => {
    hostDir = tempDir();
    host = await startHost({ dataDir: hostDir.path, rendererDir: hostDir.path });
  });
  afterAll(async () => {
    await host.close();
    hostDir.remove();
    for (const path of [...host.opened, ...host.saved]) rmSync(dirname(path), { recursive: true, force: true });
  });

  const invoke = async (channel: string, input: unknown) => {
    const response = await fetch(new URL('/__host/invoke', host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) });
    return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
  };

  test('carries bytes as base64, serves thumbnails, records what was opened and exported', async () => {
    const png = await imageIn('png', 300, 200);
    const imported = await invoke('assets.import', { name: 'chart.png', bytes: { $bytes: png.toString('base64') }, purpose: 'image' });
    expect(imported).toMatchObject({ ok: true, value: { name: 'chart.png', width: 300, height: 200, size: png.byteLength } });
    const id = imported.value!.id as string;

    const thumb = await fetch(new URL(`/assets/${id}/thumb`, host.url));
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await fetch(new URL(`/assets/${id}/original`, host.url))).status).toBe(404);

    expect(await invoke('assets.open', { id, name: '도표.png' })).toEqual({ ok: true, value: { ok: true } });
    expect(host.opened.at(-1)!.endsWith('도표.png')).toBe(true);

    const draft = host.services.drafts.create();
    expect(await invoke('drafts.export', { id: draft.id })).toEqual({ ok: true, value: { saved: true } });
    expect(existsSync(host.saved.at(-1)!)).toBe(true);
    const back = await invoke('drafts.import', { bytes: { $bytes: readFileSync(host.saved.at(-1)!).toString('base64') } });
    expect(back).toMatchObject({ ok: true, value: { status: 'draft' } });
  });
});
