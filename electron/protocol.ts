import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST } from './app-origin.ts';
import { CONTENT_SECURITY_POLICY } from './security.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

// Maps an app:// URL to a file inside the renderer's folder, or null. Percent-encoded dots and
// separators are decoded before the containment check, so ../ in any spelling stays inside.
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

export interface AppFile {
  body: Buffer;
  headers: Record<string, string>;
}

// One file of the renderer with the headers every app page carries. The test host serves the
// same files through this, so the browser under test sees the same policy as the app.
export async function readAppFile(rendererDir: string, url: string): Promise<AppFile | null> {
  const file = resolveAppFile(rendererDir, url);
  if (!file) return null;
  try {
    return {
      body: await readFile(file),
      headers: {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    };
  } catch {
    return null;
  }
}

// What serves a photo's thumbnail: the asset store (services.assets).
export interface ThumbnailSource {
  thumbnail(id: string): Promise<Buffer | null>;
}

// The one path that reaches the asset store: /assets/<sha256>/thumb, matched exactly on the
// URL's path as sent (no decoding, so no spelling of ../ or of another file can match).
const THUMBNAIL_PATH = /^\/assets\/([0-9a-f]{64})\/thumb$/;

// The asset id a request for a thumbnail names, or null when the URL is anything else.
export function thumbnailIdOf(pathname: string): string | null {
  return THUMBNAIL_PATH.exec(pathname)?.[1] ?? null;
}

// Any URL under /assets/<sha256> is the store's: a thumbnail, or a 404, never a file of the
// renderer's folder and never an original (the editor shows only thumbnails). The rest of
// /assets/ is the renderer's own build output (Vite puts scripts and styles there).
const STORE_PATH = /^\/assets\/[0-9a-f]{64}(?:\/|$)/;

export function isAssetPath(pathname: string): boolean {
  return STORE_PATH.test(pathname);
}

// A thumbnail with the headers of every app file. Its content never changes (the id is the
// original's hash), so the page may keep it.
export async function readThumbnail(source: ThumbnailSource, pathname: string): Promise<AppFile | null> {
  const id = thumbnailIdOf(pathname);
  if (!id) return null;
  const body = await source.thumbnail(id);
  if (!body) return null;
  return {
    body,
    headers: {
      'content-type': 'image/webp',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=31536000, immutable',
    },
  };
}

export async function serveAppRequest(rendererDir: string, request: Request, thumbnails?: ThumbnailSource): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  if (url.host === APP_HOST && isAssetPath(url.pathname)) {
    const thumbnail = thumbnails && (request.method === 'GET' || request.method === 'HEAD') ? await readThumbnail(thumbnails, url.pathname) : null;
    if (!thumbnail) return new Response('Not found', { status: 404 });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(thumbnail.body), { headers: thumbnail.headers });
  }
  const file = await readAppFile(rendererDir, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), { headers: file.headers });
}
