import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './model/preferences.ts';

export interface MainWindowOptions {
  preloadPath: string;
  bounds: WindowBounds | undefined;
  title: string;
}

export function mainWindowOptions({ preloadPath, bounds, title }: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
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
      spellcheck: true,
      devTools: true,
    },
  };
}

export function windowBounds(window: BrowserWindow): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}
