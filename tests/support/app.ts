import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from './browser.ts';
import { type Host, type HostOptions, startHost } from './host/server.ts';
import { type TempDir, tempDir } from './temp.ts';

export interface AppUnderTest {
  readonly host: Host;
  readonly launched: LaunchedBrowser;
  readonly data: TempDir;
  // A new tab on the app, shown and ready, with every console error and uncaught exception the
  // page raises collected in `problems`.
  openPage(): Promise<{ page: Page; problems: string[] }>;
}

// The app as an end-to-end test file uses it: the real services over a fresh data folder, the
// built renderer served to one Chromium, all started once for the file and stopped after it.
// `options` reach the host as they are (e.g. `services` for a keychain stand-in).
export function useAppUnderTest(systemLocale: string, options: Omit<HostOptions, 'dataDir' | 'systemLocale'> = {}): AppUnderTest {
  let state: Pick<AppUnderTest, 'host' | 'launched' | 'data'> | undefined;
  beforeAll(async () => {
    const data = tempDir();
    const host = await startHost({ ...options, dataDir: data.path, systemLocale });
    state = { data, host, launched: await launchBrowser() };
  });
  afterAll(async () => {
    await state?.launched.close();
    await state?.host.close();
    state?.data.remove();
  });
  const current = () => {
    if (!state) throw new Error('the app under test starts in beforeAll');
    return state;
  };
  return {
    get host() {
      return current().host;
    },
    get launched() {
      return current().launched;
    },
    get data() {
      return current().data;
    },
    async openPage() {
      const page = await current().launched.browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(current().host.url);
      await page.getByRole('navigation').waitFor();
      return { page, problems };
    },
  };
}
