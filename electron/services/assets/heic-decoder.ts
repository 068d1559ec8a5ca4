import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeicAnswer, HeicRequest } from './heic-worker.ts';

// The HEIC decoder's worker thread, started on the first HEIC photo and stopped once it has been
// idle a while (libheif's WebAssembly memory is hundreds of megabytes after a large photo).

// The bundle names its own copy of the worker (scripts/build-electron.mjs); from source it is
// the TypeScript file beside this one, which Node 24 runs as it is.
declare const __HEIC_WORKER__: string | undefined;
const WORKER_FILE = typeof __HEIC_WORKER__ === 'string' ? __HEIC_WORKER__ : './heic-worker.ts';

const IDLE_MS = 30_000;

export interface DecodedHeic {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

let worker: Worker | null = null;
let nextId = 1;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, { resolve(image: DecodedHeic): void; reject(error: Error): void }>();

// In the packaged app main runs from inside app.asar; the worker is shipped unpacked beside it
// (electron-builder.yml), since a worker cannot be started from inside the archive.
function workerPath(): string {
  return fileURLToPath(new URL(WORKER_FILE, import.meta.url)).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

function start(): Worker {
  const started = new Worker(workerPath());
  started.on('message', (answer: HeicAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if ('failed' in answer) waiting.reject(new Error('heic: not decodable'));
    else waiting.resolve(answer);
    if (pending.size === 0) idle();
  });
  // A crash (out of memory on a hostile file) fails what was waiting; the next photo starts a
  // fresh worker.
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`heic: worker exited (${code})`)));
  return started;
}

// An idle worker does not keep the process alive; one decoding does.
function idle(): void {
  worker?.unref();
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (pending.size > 0 || !worker) return;
    const stopping = worker;
    worker = null;
    void stopping.terminate();
  }, IDLE_MS);
  idleTimer.unref?.();
}

export function decodeHeicOffThread(bytes: Uint8Array): Promise<DecodedHeic> {
  clearTimeout(idleTimer);
  worker ??= start();
  worker.ref();
  const id = nextId++;
  // A copy of its own to hand over: a Buffer's slice() is a view, often into a shared pool.
  const copy = new Uint8Array(bytes);
  return new Promise<DecodedHeic>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, bytes: copy } satisfies HeicRequest, [copy.buffer]);
  });
}
