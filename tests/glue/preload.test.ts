import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test, vi } from 'vitest';
import { BRIDGE_KEY, type Bridge, channels, eventNames } from '../../electron/contract.ts';

// The built preload bundle, exactly as Electron loads it, with `electron` replaced. It must
// expose one bridge and pass on only the contract's channels and events.

const bundle = readFileSync(join(import.meta.dirname, '..', '..', 'dist', 'electron', 'preload.cjs'), 'utf8');

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = {
    invoke: vi.fn(async () => ({ ok: true, value: 'answered' })),
    on: vi.fn(),
    removeListener: vi.fn(),
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer,
  };
  const require = (name: string) => {
    if (name !== 'electron') throw new Error(`preload must not require ${name}`);
    return electron;
  };
  runInNewContext(bundle, { require, module: { exports: {} }, exports: {} });
  return { exposed, ipcRenderer };
}

describe('preload', () => {
  test('exposes a single bridge and requires nothing but electron', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual([BRIDGE_KEY]);
  });

  test('passes contract channels to main and refuses any other channel itself', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const bridge = exposed.get(BRIDGE_KEY) as Bridge;
    for (const channel of channels) {
      await expect(bridge.invoke(channel, {})).resolves.toEqual({ ok: true, value: 'answered' });
    }
    const refused = await bridge.invoke('fs.readFile', { path: '/etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(channels.length);
  });

  test('subscribes only to contract events, and hands listeners the payload alone', () => {
    const { exposed, ipcRenderer } = loadPreload();
    const bridge = exposed.get(BRIDGE_KEY) as Bridge;
    const listener = vi.fn();
    const off = bridge.on(eventNames[0]!, listener);
    const forward = ipcRenderer.on.mock.calls[0]![1] as (event: unknown, payload: unknown) => void;
    forward({ sender: 'ipc internals' }, { ids: [] });
    expect(listener).toHaveBeenCalledWith({ ids: [] });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalled();
    expect(() => bridge.on('anything.else', listener)).toThrow();
  });
});
