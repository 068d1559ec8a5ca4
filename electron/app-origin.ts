// The app's own origin. Pages and assets are served from it by a custom protocol, never from
// file://, so the Content-Security-Policy and the IPC sender check have one origin to trust.
export const APP_SCHEME = 'app';
export const APP_HOST = 'pressroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
