// The test host's transport, off the page's main thread. The page hands each request over with
// postMessage, a structured clone, which is what Electron's ipcRenderer.invoke does with its
// arguments; the JSON and HTTP work that only the test host needs happens here, so the page
// pays what it would pay in the app.
interface Request {
  id: number;
  channel: string;
  input: unknown;
}

// JSON has no bytes: a Uint8Array (a dropped photo, an imported draft file) goes as base64 and
// the host turns it back (server.ts, revive).
function encodeBytes(_key: string, value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  const native = (value as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return { $bytes: native.call(value) };
  let binary = '';
  for (let at = 0; at < value.length; at += 0x8000) binary += String.fromCharCode(...value.subarray(at, at + 0x8000));
  return { $bytes: btoa(binary) };
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event) => {
  const { id, channel, input } = event.data;
  void (async () => {
    const response = await fetch('/__host/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }, encodeBytes),
    });
    scope.postMessage({ id, envelope: await response.json() });
  })().catch((error: unknown) => {
    scope.postMessage({ id, envelope: { ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: { detail: String(error) } } } });
  });
};
