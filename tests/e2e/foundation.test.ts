import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';

// The real renderer in Chromium against the real services: a writer starts a draft, types,
// reloads, and finds it again.

const app = useAppUnderTest('ko-KR');

const openApp = () => app.openPage();

describe('a writer drafting in the app', () => {
  test('the interface follows the Korean system locale', async () => {
    const { page, problems } = await openApp();
    await expect.poll(() => page.getByRole('button', { name: '새 원고' }).count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a new draft typed into the editor is there after a reload', async () => {
    const { page, problems } = await openApp();
    await page.getByRole('button', { name: '새 원고' }).click();
    await page.getByRole('main').getByLabel('제목', { exact: true }).fill('뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야');
    const body = page.getByRole('textbox', { name: '기사 본문' });
    await body.click();
    await page.keyboard.type('Busan root industries ');
    await page.keyboard.insertText('부산시의회 연구모임');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 5000 }).toBe('saved');

    await page.reload();
    const saves = () => app.host.calls.filter((call) => call.channel === 'drafts.save').length;
    const savesBeforeOpening = saves();
    const item = page.getByRole('option', { name: /뿌리산업에 첨단기술/ });
    await item.click();
    await expect.poll(() => page.getByRole('textbox', { name: '기사 본문' }).innerText()).toContain('Busan root industries 부산시의회 연구모임');
    expect(await page.getByRole('main').getByLabel('제목', { exact: true }).inputValue()).toBe('뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야');
    // Opening a draft is not an edit: nothing is saved and its revision stays as it was.
    await page.waitForTimeout(1500);
    expect(saves()).toBe(savesBeforeOpening);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the page runs under the app\'s Content-Security-Policy, so inline scripts are refused', async () => {
    const { page } = await openApp();
    await page.getByRole('button', { name: '새 원고' }).waitFor();
    const ranInline = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ranInline).toBe(false);
    await page.close();
  });
});
