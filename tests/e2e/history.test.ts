import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';

// Revision history in the real renderer against the real services: a writer saves a version,
// rewrites a sentence, sees what changed, and goes back to the saved wording.

const app = useAppUnderTest('ko-KR');

const openApp = () => app.openPage();

const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
const editorText = (page: Page) => page.getByRole('textbox', { name: '기사 본문' }).innerText();
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('revision history', () => {
  test('save a version, change the text, see the diff, restore, and it survives a reload', async () => {
    const { page, problems } = await openApp();
    await page.getByRole('button', { name: '새 원고' }).click();
    await page.getByLabel('제목', { exact: true }).fill('부산시의회 연구모임 발족');
    await page.getByRole('textbox', { name: '기사 본문' }).click();
    await page.keyboard.insertText('부산시의회 연구모임이 첫 회의를 열었다.');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');

    // Save version from the History panel; Escape closes it and focus returns to the button.
    const historyButton = page.getByRole('button', { name: '버전 기록', exact: true });
    await historyButton.click();
    const dialog = page.getByRole('dialog', { name: '버전 기록' });
    await dialog.getByRole('button', { name: '버전 저장' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toBe('버전을 저장했습니다.');
    await expect.poll(() => dialog.getByRole('option').count()).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedText(page)).toBe('버전 기록');

    // Rewrite the sentence.
    await page.getByRole('textbox', { name: '기사 본문' }).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('부산시의회 연구모임이 두 번째 회의를 열었다.');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');

    // The newest version is shown first, with what was removed and what was added since.
    await historyButton.click();
    const options = dialog.getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    expect(await options.nth(0).innerText()).toContain('직접 저장한 버전');
    expect(await options.nth(1).innerText()).toContain('원고 작성 시작');
    await expect.poll(() => dialog.locator('del').allInnerTexts()).toEqual([expect.stringContaining('첫')]);
    expect(await dialog.locator('ins').allInnerTexts()).toEqual([expect.stringContaining('두 번째')]);
    expect(await dialog.innerText()).toContain('취소선: 이 버전 이후 지운 부분');

    // Arrow keys move through the list and the diff follows: against the empty first version,
    // the whole sentence and the headline were added.
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => dialog.locator('.diff-body ins').allInnerTexts()).toEqual([
      expect.stringContaining('부산시의회 연구모임이 두 번째 회의를 열었다.'),
    ]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => options.nth(0).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => dialog.locator('del').allInnerTexts()).toEqual([expect.stringContaining('첫')]);

    // Restore asks first; Escape backs out of the question without closing the panel.
    await dialog.getByRole('button', { name: '이 버전으로 되돌리기' }).click();
    await dialog.getByRole('button', { name: '되돌리기', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.getByRole('button', { name: '되돌리기', exact: true }).count()).toBe(0);
    expect(await dialog.count()).toBe(1);
    await dialog.getByRole('button', { name: '이 버전으로 되돌리기' }).click();
    await dialog.getByRole('button', { name: '되돌리기', exact: true }).click();

    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => editorText(page)).toContain('부산시의회 연구모임이 첫 회의를 열었다.');
    expect(await editorText(page)).not.toContain('두 번째');
    expect(await focusedText(page)).toBe('버전 기록');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');

    // After a reload the restored text is what the draft holds, and the text it replaced is
    // in the history, so the restore itself can be undone.
    await page.reload();
    await page.getByRole('option', { name: /부산시의회 연구모임 발족/ }).click();
    await expect.poll(() => editorText(page)).toContain('부산시의회 연구모임이 첫 회의를 열었다.');
    expect(await editorText(page)).not.toContain('두 번째');
    await page.getByRole('button', { name: '버전 기록', exact: true }).click();
    await expect.poll(() => dialog.getByRole('option').count()).toBe(3);
    expect(await dialog.getByRole('option').nth(0).innerText()).toContain('되돌리기 전 원고');
    expect(problems).toEqual([]);
    await page.close();
  });
});
