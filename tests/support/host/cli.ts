import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './server.ts';

// `npm run host`: the real renderer and services in a browser, for looking at the UI on
// machines where Electron cannot run. Data goes to a fresh temporary folder unless given.
const dataDir = process.env.PRESSROOM_DATA ?? mkdtempSync(join(tmpdir(), 'pressroom-host-'));
const host = await startHost({
  dataDir,
  port: Number(process.env.PORT ?? 5757),
  systemLocale: process.env.PRESSROOM_LOCALE ?? Intl.DateTimeFormat().resolvedOptions().locale,
});
console.log(`Pressroom test host: ${host.url}  (data: ${dataDir})`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
