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

const bridge: Bridge = {
  async invoke(channel, input) {
    const response = await fetch('/__host/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
    return (await response.json()) as Envelope<unknown>;
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
