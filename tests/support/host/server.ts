import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Conf from 'conf';
import { build } from 'esbuild';
import { APP_ORIGIN } from '../../../electron/app-origin.ts';
import { BRIDGE_KEY, type EventName, type EventPayload } from '../../../electron/contract.ts';
import { createHandlers } from '../../../electron/handlers.ts';
import { createDispatcher } from '../../../electron/ipc.ts';
import { readAppFile } from '../../../electron/protocol.ts';
import { createServices, type Services } from '../../../electron/services/index.ts';

export interface HostOptions {
  dataDir: string;
  rendererDir?: string;
  systemLocale?: string;
  port?: number;
}

export interface Host {
  url: string;
  services: Services;
  // Every request the page made, in order: lets a test see when the app saved.
  calls: Array<{ channel: string; at: number }>;
  close(): Promise<void>;
}

const here = import.meta.dirname;
export const DEFAULT_RENDERER_DIR = join(here, '..', '..', '..', 'dist', 'renderer');
const MAX_BODY_BYTES = 64 * 1024 * 1024;

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
  const services = createServices({
    dataDir: options.dataDir,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: options.dataDir, configName: 'preferences', projectName: 'pressroom' }),
    events: {
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
        for (const stream of streams) stream.write(frame);
      },
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
      const { channel, input } = JSON.parse(await readBody(request)) as { channel: unknown; input: unknown };
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
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.close();
    },
  };
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
