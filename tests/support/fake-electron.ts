import { EventEmitter } from 'node:events';
import { join } from 'node:path';

const appRoot = join(import.meta.dirname, '..', '..');

// A stand-in for the `electron` module, for testing the glue in main.ts without the binary.
// It records what main asks of Electron so tests can check it; it does nothing else.

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  sent: Array<{ channel: string; payload: unknown }> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows() {
    return FakeBrowserWindow.all;
  }
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
}

export function createFakeElectron(userDataDir: string) {
  const handlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privilegedSchemes: unknown[] = [];
  const permission = { request: undefined as Listener | undefined, check: undefined as Listener | undefined };
  const opened: string[] = [];
  const appEvents = new EventEmitter();
  const electron = {
    app: Object.assign(appEvents, {
      whenReady: () => Promise.resolve(),
      getPath: () => userDataDir,
      getAppPath: () => appRoot,
      getName: () => 'Pressroom',
      getVersion: () => '0.0.0-test',
      getLocale: () => 'ko-KR',
      enableSandbox: () => {},
      requestSingleInstanceLock: () => true,
      quit: () => {},
    }),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        handlers.set(channel, listener);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          permission.request = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          permission.check = handler;
        },
      },
    },
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
  };
  return { electron, handlers, protocolHandlers, privilegedSchemes, permission, opened };
}
