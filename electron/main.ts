import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { APP_ENTRY, APP_SCHEME } from './app-origin.ts';
import { createHandlers } from './handlers.ts';
import { createDispatcher, registerIpc } from './ipc.ts';
import { openPreferencesFile } from './preferences-file.ts';
import { serveAppRequest } from './protocol.ts';
import { denyAllPermissions, isSafeExternalUrl, isTrustedFrame, lockDownContents } from './security.ts';
import { createSafeStorageBox } from './secret-box.ts';
import { createServices, type Services } from './services/index.ts';
import { createMainWindow, windowBounds } from './window.ts';

// Lifecycle, window, menu and protocol. Everything that does work lives in services/.

// Paths from the app's root (the asar archive once packaged), where the build put them.
const rendererDir = () => join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = () => join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

let services: Services | undefined;

export async function start(): Promise<void> {
  await app.whenReady();
  const preferencesFile = openPreferencesFile();
  services = createServices({
    dataDir: join(app.getPath('userData'), 'data'),
    preferencesFile,
    events: {
      emit(event, payload) {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
      },
    },
    // A copy of a stored attachment, opened in the OS's app for its type (services/assets
    // names the copy with the extension of the type its bytes are, never one the name chose).
    openPath: (path) => shell.openPath(path),
    chooseSavePath: chooseDraftFilePath,
    // Application passwords are sealed by the OS keychain (safeStorage is ready once the app is).
    secrets: createSafeStorageBox(),
  });
  const handlers = createHandlers(services, {
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    systemLocale: app.getLocale(),
  });
  registerIpc(ipcMain, createDispatcher(handlers), isTrustedFrame);

  denyAllPermissions(session.defaultSession);
  const assets = services.assets;
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir(), request, assets));
  Menu.setApplicationMenu(buildMenu());
  openMainWindow(services);
}

function openMainWindow(current: Services): BrowserWindow {
  const window = createMainWindow({ preloadPath: preloadPath(), bounds: current.preferences.get().window, title: app.getName() });
  lockDownContents(window.webContents, openInBrowser);
  if (current.preferences.get().window?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => current.preferences.setWindowBounds(windowBounds(window)));
  void window.loadURL(APP_ENTRY);
  return window;
}

// Where an exported draft goes: the save dialog, over the window that asked, starting in the
// writer's documents folder with the draft's headline as the name.
async function chooseDraftFilePath(suggestedName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'Pressroom draft', extensions: ['pressroom'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

// The only place the app hands a URL to the OS: http and https links, checked here again
// whoever the caller is.
function openInBrowser(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

function buildMenu(): Menu {
  const mac = process.platform === 'darwin';
  return Menu.buildFromTemplate([
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]);
}

// One instance owns the drafts database; a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) openMainWindow(services);
  });
  app.on('will-quit', () => services?.close());
  void start();
}
