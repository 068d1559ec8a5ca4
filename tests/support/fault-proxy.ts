import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A proxy in front of the real WordPress that breaks chosen requests the way networks do: a
// 500 instead of the answer, a connection dropped before the request reaches the site, or
// dropped after the site did the work (the answer is lost). Listens on loopback only.

export type Fault = 'pass' | 'error500' | 'dropBefore' | 'dropAfter';

export interface SeenRequest {
  method: string;
  route: string;
  fault: Fault;
  bytes: number;
}

export interface FaultProxy {
  url: string;
  seen: SeenRequest[];
  // Decides each request's fate; the default passes everything.
  rule: (request: { method: string; route: string; index: number }) => Fault;
  close(): Promise<void>;
}

export interface LinkOptions {
  // Added before each request is passed on: the round trip of a real network.
  latencyMs?: number;
  // The writer's uplink, shared by every connection (a laptop on office Wi-Fi or a phone).
  uplinkBytesPerSecond?: number;
}

export async function startFaultProxy(upstream: string, link: LinkOptions = {}): Promise<FaultProxy> {
  const target = new URL(upstream);
  const uplink = link.uplinkBytesPerSecond ? sharedLink(link.uplinkBytesPerSecond) : null;
  const proxy: FaultProxy = { url: '', seen: [], rule: () => 'pass', close: () => Promise.resolve() };

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const url = new URL(incoming.url ?? '/', 'http://proxy');
    const route = url.searchParams.get('rest_route') ?? url.pathname;
    const method = incoming.method ?? 'GET';
    const fault = proxy.rule({ method, route, index: proxy.seen.length });
    const seen: SeenRequest = { method, route, fault, bytes: 0 };
    proxy.seen.push(seen);
    if (fault === 'dropBefore') {
      incoming.socket.destroy();
      return;
    }
    if (fault === 'error500') {
      incoming.on('data', (chunk: Buffer) => (seen.bytes += chunk.length));
      incoming.on('end', () => {
        outgoing.writeHead(500, { 'content-type': 'text/html' });
        outgoing.end('<h1>Internal Server Error</h1>');
      });
      return;
    }
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        if (fault === 'dropAfter') {
          // The site did it; the writer's machine never hears so.
          answer.resume();
          answer.on('end', () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => incoming.socket.destroy());
    // The body is read only once it may go on (after the latency), each chunk waiting for its
    // turn on the shared uplink.
    const send = () => {
      incoming.on('data', (chunk: Buffer) => {
        seen.bytes += chunk.length;
        if (!uplink) {
          forwarded.write(chunk);
          return;
        }
        incoming.pause();
        void uplink(chunk.length).then(() => {
          forwarded.write(chunk);
          incoming.resume();
        });
      });
      incoming.on('end', () => void (uplink ? uplink(0) : Promise.resolve()).then(() => forwarded.end()));
    };
    if (link.latencyMs) setTimeout(send, link.latencyMs);
    else send();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}

// A link of fixed capacity shared in order of arrival: a chunk is released once the link has
// carried everything queued before it.
function sharedLink(bytesPerSecond: number): (bytes: number) => Promise<void> {
  let freeAt = 0;
  return (bytes) => {
    const now = performance.now();
    freeAt = Math.max(freeAt, now) + (bytes / bytesPerSecond) * 1000;
    return new Promise((resolve) => setTimeout(resolve, freeAt - now));
  };
}
