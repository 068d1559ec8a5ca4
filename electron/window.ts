import { BrowserWindow } from 'electron';
import type { WindowBounds } from './model/preferences.ts';

export interface MainWindowOptions {
  preloadPath: string;
  bounds: WindowBounds | undefined;
  title: string;
}

// The window's security settings are written out here in full, as a literal, so a reader (and
// the static audit) sees every one of them at the place the window is made.
export function createMainWindow({ preloadPath, bounds, title }: MainWindowOptions): BrowserWindow {
  return new BrowserWindow({
    title,
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 860,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 720,
    minHeight: 480,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links in a new window past the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
}

export function windowBounds(window: BrowserWindow): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}
