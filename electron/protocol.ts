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

export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const file = await readAppFile(rendererDir, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), { headers: file.headers });
}
