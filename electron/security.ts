import type { Session, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './app-origin.ts';

// Nothing but the app's own bundled scripts runs; nothing remote is fetched. Styles from the
// bundle only: React and Lexical set inline styles through the CSSOM, which CSP allows.
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

// As an HTTP header (the app:// protocol and the test host send it).
export const CONTENT_SECURITY_POLICY = [...POLICY, "frame-ancestors 'none'"].join('; ');
// As a <meta> element, the copy that still holds if a page is ever loaded without the header.
// Browsers ignore frame-ancestors there, so it is left out rather than logged as an error.
export const META_CONTENT_SECURITY_POLICY = POLICY.join('; ');

export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

// Only the top frame of one of our windows, showing one of our pages, may talk to main. An
// iframe or a page that navigated elsewhere is refused even if it got hold of the bridge.
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

// The window never leaves the app: links open in the user's browser (http and https only),
// new windows, navigation elsewhere and <webview> are refused.
export function lockDownContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
