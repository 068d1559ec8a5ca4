import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from '../support/browser.ts';
import { type Host, startHost } from '../support/host/server.ts';
import { servicesIn } from '../support/services.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// A writer starts the app on a drafts.db that has turned to garbage: instead of an empty
// library they see what happened, the kept file's name and the backups, and get their drafts
// back by restoring one, with the keyboard alone.

const GARBAGE = Buffer.from('\u0000\u00ff garbled sectors, not SQLite \u00ff\u0000'.repeat(400), 'latin1');
const HEADLINES = ['뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야', '부산시의회 연구모임 출범'];

let launched: LaunchedBrowser;
let data: TempDir | undefined;
let host: Host | undefined;

beforeAll(async () => {
  launched = await launchBrowser();
});
afterAll(async () => {
  await launched?.close();
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  data?.remove();
  data = undefined;
});

// Drafts written and the app closed cleanly (which leaves a backup), then drafts.db damaged.
async function damagedDataDir(systemLocale: string): Promise<{ page: Page; problems: string[] }> {
  data = tempDir();
  const { services } = servicesIn(data.path);
  for (const headline of HEADLINES) {
    const draft = services.drafts.create();
    services.drafts.save(draft.id, draft.revision, { ...draft.article, headline });
  }
  services.close();
  expect(readdirSync(join(data.path, 'backups')).filter((name) => name.endsWith('.db'))).toHaveLength(1);
  writeFileSync(join(data.path, 'drafts.db'), GARBAGE);

  host = await startHost({ dataDir: data.path, systemLocale });
  const page = await launched.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(host.url);
  return { page, problems };
}

function damagedName(): string {
  return readdirSync(data!.path).find((name) => name.startsWith('drafts.db.damaged-'))!;
}

describe('starting on a damaged drafts database', () => {
  test('shows the recovery screen, and restoring the backup brings the drafts back', async () => {
    const { page, problems } = await damagedDataDir('ko-KR');
    const heading = page.getByRole('heading', { level: 1, name: '원고 저장소를 복구해야 합니다' });
    await heading.waitFor();
    // Focus starts on what happened; the library is not there to mislead.
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: '새 원고' }).count()).toBe(0);
    const kept = damagedName();
    expect(await page.getByRole('main').innerText()).toContain(`“${kept}”`);
    expect(await page.getByRole('list', { name: '백업 목록, 최근 순' }).innerText()).toContain('원고 2편');

    // Keyboard only: Tab to the backup's Restore button, Enter, Enter again on the confirmation.
    const restore = page.getByRole('button', { name: /백업 복원$/ });
    for (let n = 0; n < 10 && !(await restore.evaluate((element) => element === document.activeElement)); n++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: '이 백업으로 복원' });
    await expect.poll(() => confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    for (const headline of HEADLINES) await page.locator('[data-draft-id]', { hasText: headline }).waitFor();
    expect(await heading.count()).toBe(0);
    // The damaged file is still there, exactly as it was found.
    expect(readFileSync(join(data!.path, kept)).equals(GARBAGE)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('starting empty is a separate, confirmed choice; Escape backs out of it', async () => {
    const { page, problems } = await damagedDataDir('en-US');
    await page.getByRole('heading', { name: 'Your drafts need recovering' }).waitFor();
    const startEmpty = page.getByRole('button', { name: 'Start with no drafts' });
    await startEmpty.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Start with an empty drafts list?').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByText('Start with an empty drafts list?').count()).toBe(0);
    expect(await startEmpty.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await page.getByRole('group').getByRole('button', { name: 'Start with no drafts' }).click();
    await page.getByRole('button', { name: 'New draft' }).waitFor();
    await page.getByText('No drafts yet.', { exact: false }).waitFor();
    expect(await page.locator('[data-draft-id]').count()).toBe(0);
    expect(readFileSync(join(data!.path, damagedName())).equals(GARBAGE)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
