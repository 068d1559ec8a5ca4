import Conf from 'conf';
import { createHandlers } from '../../electron/handlers.ts';
import { createDispatcher, type Dispatch } from '../../electron/ipc.ts';
import { createServices, type Services } from '../../electron/services/index.ts';

// The app's real services over a data folder, with the contract's dispatcher in front: what a
// window's request goes through, minus Electron.
export function servicesIn(dataDir: string, now?: () => Date): { services: Services; dispatch: Dispatch } {
  const services = createServices({
    dataDir,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'preferences', projectName: 'pressroom' }),
    events: { emit() {} },
    ...(now ? { now } : {}),
  });
  const dispatch = createDispatcher(
    createHandlers(services, { name: 'Pressroom', version: '0.0.0-test', platform: process.platform, systemLocale: 'en-US' }),
    () => {},
  );
  return { services, dispatch };
}
