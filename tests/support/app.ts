import { afterAll, beforeAll } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from './browser.ts';
import { type Host, startHost } from './host/server.ts';
import { type TempDir, tempDir } from './temp.ts';

export interface AppUnderTest {
  readonly host: Host;
  readonly launched: LaunchedBrowser;
  readonly data: TempDir;
}

// The app as an end-to-end test file uses it: the real services over a fresh data folder, the
// built renderer served to one Chromium, all started once for the file and stopped after it.
export function useAppUnderTest(systemLocale: string): AppUnderTest {
  let state: AppUnderTest | undefined;
  beforeAll(async () => {
    const data = tempDir();
    const host = await startHost({ dataDir: data.path, systemLocale });
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
  };
}
