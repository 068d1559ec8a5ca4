import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { APP_ENTRY } from '../../electron/app-origin.ts';
import { channels } from '../../electron/contract.ts';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../electron/security.ts';
import type { Envelope } from '../../electron/contract.ts';
import { createFakeElectron, FakeBrowserWindow } from '../support/fake-electron.ts';
import { tempDir } from '../support/temp.ts';

// main.ts with the `electron` module replaced: what the window allows, what IPC accepts.

const data = tempDir();
const fake = createFakeElectron(data.path);

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
// electron-store reads Electron's paths at construction; its base class `conf` on a temp folder
// is the same store without Electron.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class TestStore extends Conf<Record<string, unknown>> {
    constructor(options: Record<string, unknown>) {
      super({ ...options, cwd: data.path, projectName: 'pressroom' });
    }
  }
  return { default: TestStore };
});

let window: FakeBrowserWindow;

beforeAll(async () => {
  await import('../../electron/main.ts');
  await vi.waitFor(() => expect(FakeBrowserWindow.all.length).toBe(1));
  window = FakeBrowserWindow.all[0]!;
});

afterAll(() => {
  fake.electron.app.emit('will-quit');
  data.remove();
});

const appFrame = { url: APP_ENTRY, parent: null };
const invoke = (channel: string, senderFrame: unknown, input: unknown) =>
  fake.handlers.get(channel)!({ senderFrame }, input) as Promise<Envelope<unknown>>;

describe('the main window', () => {
  test('is isolated, sandboxed and without Node', () => {
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  test('loads the app from its own protocol, not file://', () => {
    expect(window.loadedUrl).toBe(APP_ENTRY);
    expect(fake.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
  });

  test('refuses navigation away from the app and opens no windows', () => {
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      window.webContents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${APP_ENTRY}#drafts`)).toBe(false);

    const webview = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  test('sends links to the browser only when they are http or https', () => {
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://wordpress.org/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://wordpress.org/']);
  });

  test('denies every permission request', () => {
    const granted = vi.fn();
    fake.permission.request!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.permission.check!(null, 'notifications')).toBe(false);
  });
});

describe('IPC', () => {
  test('registers exactly the contract\'s channels', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  test('answers the app\'s own top frame', async () => {
    const result = await invoke('drafts.list', appFrame, { scope: 'active' });
    expect(result).toEqual({ ok: true, value: [] });
  });

  test('refuses a foreign page, an iframe and a missing frame before any service runs', async () => {
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: APP_ENTRY, parent: appFrame }, null]) {
      const result = await invoke('drafts.create', frame, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    const list = await invoke('drafts.list', appFrame, { scope: 'active' });
    expect(list).toEqual({ ok: true, value: [] });
  });

  test('refuses input that fails its schema with a clear error', async () => {
    const result = await invoke('drafts.get', appFrame, { id: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalidInput' } });
  });

  test('forwards service events to the window', async () => {
    await invoke('drafts.create', appFrame, {});
    expect(window.webContents.sent.map((message) => message.channel)).toContain('drafts.changed');
  });
});

describe('the app:// protocol', () => {
  test('serves pages with the Content-Security-Policy header and nothing outside the bundle', async () => {
    const serve = fake.protocolHandlers.get('app')!;
    const traversal = await serve(new Request('app://pressroom/..%2f..%2fpackage.json'));
    expect(traversal.status).toBe(404);
    const foreignHost = await serve(new Request('app://elsewhere/index.html'));
    expect(foreignHost.status).toBe(404);

    const page = await serve(new Request(APP_ENTRY));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
  });
});
