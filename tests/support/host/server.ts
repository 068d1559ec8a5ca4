import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { build } from 'esbuild';
import { APP_ORIGIN } from '../../../electron/app-origin.ts';
import { BRIDGE_KEY, type EventName, type EventPayload } from '../../../electron/contract.ts';
import { createHandlers } from '../../../electron/handlers.ts';
import { createDispatcher } from '../../../electron/ipc.ts';
import { isAssetPath, readAppFile, readThumbnail } from '../../../electron/protocol.ts';
import { createServices, type Services, type ServicesConfig } from '../../../electron/services/index.ts';

export interface HostOptions {
  dataDir: string;
  rendererDir?: string;
  systemLocale?: string;
  port?: number;
  // Stand-ins for the OS: opening a file in its app (default: recorded in `opened`, answered as
  // opened) and the save dialog of an export (default: a file in a fresh temporary folder,
  // recorded in `saved`).
  openPath?: (path: string) => Promise<string>;
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  // Anything else the services take (a keychain stand-in, short publishing backoffs, a fetch);
  // the host's own data folder, preferences, events and OS stand-ins above take precedence.
  services?: Partial<ServicesConfig>;
}

export interface Host {
  url: string;
  services: Services;
  // Every request the page made, in order: lets a test see when the app saved.
  calls: Array<{ channel: string; at: number }>;
  // Files the app asked the OS to open (copies of attachments), in order.
  opened: string[];
  // Files exported drafts were written to, in order.
  saved: string[];
  close(): Promise<void>;
}

const here = import.meta.dirname;
export const DEFAULT_RENDERER_DIR = join(here, '..', '..', '..', 'dist', 'renderer');
// A 100 MB file (the store's default limit) as base64 in JSON, with room to spare.
const MAX_BODY_BYTES = 160 * 1024 * 1024;

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    define: { __BRIDGE_KEY__: JSON.stringify(BRIDGE_KEY) },
  });
  return result.outputFiles[0]!.text;
}

// Runs the real services over a data folder and serves the built renderer with a bridge in
// place of preload: what the app does, minus Electron. Listens on loopback only.
export async function startHost(options: HostOptions): Promise<Host> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const streams = new Set<ServerResponse>();
  const calls: Host['calls'] = [];
  const opened: string[] = [];
  const saved: string[] = [];
  const services = createServices({
    ...options.services,
    dataDir: options.dataDir,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: options.dataDir, configName: 'preferences', projectName: 'pressroom' }),
    events: {
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
        for (const stream of streams) stream.write(frame);
      },
    },
    async openPath(path) {
      opened.push(path);
      return options.openPath ? options.openPath(path) : '';
    },
    async chooseSavePath(suggestedName) {
      const path = options.chooseSavePath
        ? await options.chooseSavePath(suggestedName)
        : join(mkdtempSync(join(tmpdir(), 'pressroom-export-')), suggestedName);
      if (path !== null) saved.push(path);
      return path;
    },
  });
  const dispatch = createDispatcher(
    createHandlers(services, { name: 'Pressroom', version: '0.0.0-host', platform: process.platform, systemLocale: options.systemLocale ?? 'en-US' }),
  );
  const [bridgeScript, workerScript] = await Promise.all([bundle('bridge.ts'), bundle('bridge-worker.ts')]);

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (request.method === 'POST' && path === '/__host/invoke') {
      const text = await readBody(request);
      // The reviver only when bytes came: it visits every value, and an autosave has thousands.
      const { channel, input } = (text.includes('"$bytes"') ? JSON.parse(text, revive) : JSON.parse(text)) as { channel: unknown; input: unknown };
      calls.push({ channel: String(channel), at: Date.now() });
      const envelope = await dispatch(channel, input);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(envelope));
      return;
    }
    if (path === '/__host/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (path === '/__host/bridge.js' || path === '/__host/bridge-worker.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(path === '/__host/bridge.js' ? bridgeScript : workerScript);
      return;
    }
    // Thumbnails from the asset store, as the app:// protocol serves them.
    if (isAssetPath(path)) {
      const thumbnail = request.method === 'GET' || request.method === 'HEAD' ? await readThumbnail(services.assets, path) : null;
      if (!thumbnail) {
        response.writeHead(404);
        response.end();
        return;
      }
      response.writeHead(200, thumbnail.headers);
      response.end(request.method === 'HEAD' ? undefined : thumbnail.body);
      return;
    }
    const file = await readAppFile(rendererDir, `${APP_ORIGIN}${path}`);
    if (!file) {
      response.writeHead(404);
      response.end();
      return;
    }
    const isPage = file.headers['content-type']?.startsWith('text/html');
    // The bridge is a classic script, so it runs before the app's module script looks for it.
    const body = isPage
      ? Buffer.from(file.body.toString('utf8').replace('<head>', '<head><script src="/__host/bridge.js"></script>'))
      : file.body;
    response.writeHead(200, { ...file.headers, 'cache-control': 'no-store' });
    response.end(body);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    services,
    calls,
    opened,
    saved,
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.close();
    },
  };
}

// Bytes travel as {"$bytes": "<base64>"} (see bridge-worker.ts) and become Uint8Array again
// here, as Electron's structured clone would hand them to main.
function revive(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const encoded = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof encoded === 'string') {
      const buffer = Buffer.from(encoded, 'base64');
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
  }
  return value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
