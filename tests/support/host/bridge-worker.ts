// The test host's transport, off the page's main thread. The page hands each request over with
// postMessage, a structured clone, which is what Electron's ipcRenderer.invoke does with its
// arguments; the JSON and HTTP work that only the test host needs happens here, so the page
// pays what it would pay in the app.
interface Request {
  id: number;
  channel: string;
  input: unknown;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (event) => {
  const { id, channel, input } = event.data;
  void (async () => {
    const response = await fetch('/__host/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
    scope.postMessage({ id, envelope: await response.json() });
  })().catch((error: unknown) => {
    scope.postMessage({ id, envelope: { ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: { detail: String(error) } } } });
  });
};
