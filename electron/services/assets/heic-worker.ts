import { parentPort } from 'node:worker_threads';
import decode from 'heic-decode';

// Decodes HEIC photos off the main thread (see heic-decoder.ts): libheif in WebAssembly takes
// about a second for a phone's 12-megapixel photo, during which main would answer nothing, not
// even an autosave. One photo at a time; the pixels go back transferred, not copied.

export interface HeicRequest {
  id: number;
  bytes: Uint8Array;
}

export type HeicAnswer = { id: number; width: number; height: number; data: Uint8ClampedArray } | { id: number; failed: true };

const port = parentPort;
if (port) {
  port.on('message', (request: HeicRequest) => {
    void decode({ buffer: request.bytes }).then(
      (image) => port.postMessage({ id: request.id, width: image.width, height: image.height, data: image.data } satisfies HeicAnswer, [image.data.buffer as ArrayBuffer]),
      () => port.postMessage({ id: request.id, failed: true } satisfies HeicAnswer),
    );
  });
}
