import type { Bridge, Envelope } from '../../../electron/contract.ts';

// The test host's stand-in for preload: the same Bridge, carried over HTTP to the real
// services running in Node instead of over Electron's IPC.
declare const __BRIDGE_KEY__: string;

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const stream = new EventSource('/__host/events');
stream.onmessage = (message: MessageEvent<string>) => {
  const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

// Requests go through a worker (see bridge-worker.ts), so the page's cost per request is a
// structured clone, as with Electron's IPC, not the test host's JSON and HTTP.
const worker = new Worker('/__host/bridge-worker.js');
const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
let nextId = 0;
worker.onmessage = (message: MessageEvent<{ id: number; envelope: Envelope<unknown> }>) => {
  pending.get(message.data.id)?.(message.data.envelope);
  pending.delete(message.data.id);
};

const bridge: Bridge = {
  invoke(channel, input) {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, channel, input });
    });
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
};

Object.defineProperty(window, __BRIDGE_KEY__, { value: Object.freeze(bridge), writable: false });
