import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from './contract.ts';

// The one bridge between the page and main: invoke a contract channel, listen to a contract
// event. Nothing else of Electron or Node reaches the page. The channel lists are written in
// by the build from contract.ts, so the preload stays a few lines without shipping zod.
declare const __CONTRACT_CHANNELS__: readonly string[];
declare const __CONTRACT_EVENTS__: readonly string[];
declare const __BRIDGE_KEY__: string;

const channels = new Set(__CONTRACT_CHANNELS__);
const events = new Set(__CONTRACT_EVENTS__);

const bridge: Bridge = {
  invoke(channel, input) {
    if (!channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', messageKey: 'errors.unknownChannel' } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!events.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld(__BRIDGE_KEY__, bridge);
