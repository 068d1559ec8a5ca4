import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';

// An article's fields, its counts, and the preferences behind them, as a writer uses them.

const app = useAppUnderTest('ko-KR');
let page: Page;

beforeAll(async () => {
  page = await app.launched.browser.newPage();
  await page.goto(app.host.url);
  await page.getByRole('navigation').waitFor();
});

const main = () => page.getByRole('main');
const saved = () => expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 5000 }).toBe('saved');

describe('an article and its fields', () => {
  test('a publication profile sets up new drafts, and a wrong issue number is flagged', async () => {
    await page.getByRole('button', { name: '설정' }).click();
    const dialog = page.getByRole('dialog', { name: '설정' });
    await dialog.getByRole('button', { name: '매체 추가' }).click();
    await dialog.getByLabel('이름', { exact: true }).fill('부산이라좋다');
    await dialog.getByLabel('기본 자료 출처').fill('부산이라좋다');
    await dialog.getByRole('button', { name: '완료' }).click();
    await expect.poll(() => app.host.services.preferences.get().publications.map((p) => p.name)).toEqual(['부산이라좋다']);

    await page.getByRole('button', { name: '새 원고' }).click();
    const now = new Date();
    const expectedIssue = `제${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}호`;
    await expect.poll(() => main().getByLabel('호수', { exact: true }).inputValue()).toBe(expectedIssue);
    expect(await main().getByLabel('자료 출처', { exact: true }).inputValue()).toBe('부산이라좋다');

    await main().getByLabel('호수', { exact: true }).fill('2025-03');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('제YYYYMM호');
    await main().getByLabel('호수', { exact: true }).fill('제202503호');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  test('a setting typed digit by digit, or cleared to be retyped, is kept as typed and stored once it is acceptable', async () => {
    await page.getByRole('button', { name: '설정' }).click();
    const dialog = page.getByRole('dialog', { name: '설정' });
    const fontSize = dialog.getByLabel('편집기 글자 크기');
    await fontSize.selectText();
    await page.keyboard.type('2');
    expect(await fontSize.inputValue()).toBe('2');
    expect(await dialog.getByRole('alert').innerText()).toBe('12에서 28 사이의 숫자를 입력하세요.');
    await page.keyboard.type('0');
    await expect.poll(() => app.host.services.preferences.get().editor.fontSize).toBe(20);
    expect(await dialog.getByRole('alert').count()).toBe(0);

    const name = dialog.getByLabel('이름', { exact: true });
    await name.fill('');
    expect(await dialog.getByRole('alert').innerText()).toBe('매체 이름을 입력하세요.');
    await name.pressSequentially('부산이라 좋다');
    await expect.poll(() => app.host.services.preferences.get().publications.map((p) => p.name)).toEqual(['부산이라 좋다']);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: '완료' }).click();
  });

  test('every field survives a reload', async () => {
    await main().getByLabel('머리말', { exact: true }).fill('인터뷰');
    await main().getByLabel('제목', { exact: true }).fill('뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야');
    await main().getByLabel('부제', { exact: true }).fill('뿌리산업 진흥을 위한 연구모임 조상진 대표 의원');
    await main().getByLabel('작성자', { exact: true }).fill('조현경');
    await main().getByLabel('태그', { exact: true }).fill('뿌리산업, 부산시의회');
    await main().getByLabel('분류', { exact: true }).click();
    await saved();

    await page.reload();
    await page.getByRole('option', { name: /뿌리산업에 첨단기술/ }).click();
    expect(await main().getByLabel('머리말', { exact: true }).inputValue()).toBe('인터뷰');
    expect(await main().getByLabel('부제', { exact: true }).inputValue()).toBe('뿌리산업 진흥을 위한 연구모임 조상진 대표 의원');
    expect(await main().getByLabel('작성자', { exact: true }).inputValue()).toBe('조현경');
    expect(await main().getByLabel('태그', { exact: true }).inputValue()).toBe('뿌리산업, 부산시의회');
    expect(await main().getByLabel('호수', { exact: true }).inputValue()).toBe('제202503호');
  });

  test('going from draft to draft shows each one its own details, and an edit goes to the draft on screen', async () => {
    const seed = (headline: string, section: string, tags: string[]) => {
      const draft = app.host.services.drafts.create();
      app.host.services.drafts.save(draft.id, draft.revision, { ...draft.article, headline, section, tags });
      return draft;
    };
    const first = seed('첫째 원고', '경제', ['항만']);
    const second = seed('둘째 원고', '문화', ['공연']);
    const open = async (headline: string) => {
      await page.getByRole('option', { name: new RegExp(headline) }).click();
      await expect.poll(() => main().getByLabel('제목', { exact: true }).inputValue()).toBe(headline);
    };

    for (const headline of ['첫째 원고', '둘째 원고', '첫째 원고', '둘째 원고']) await open(headline);
    expect(await page.locator('.article-details').count()).toBe(1);
    expect(await main().getByLabel('분류', { exact: true }).inputValue()).toBe('문화');
    expect(await main().getByLabel('태그', { exact: true }).inputValue()).toBe('공연');

    await main().getByLabel('태그', { exact: true }).fill('공연, 부산');
    await main().getByLabel('제목', { exact: true }).click();
    await saved();
    expect(app.host.services.drafts.get(second.id).article.tags).toEqual(['공연', '부산']);
    expect(app.host.services.drafts.get(first.id).article.tags).toEqual(['항만']);
  });

  test('a slug is made one the site takes as it is typed, and the draft keeps saving', async () => {
    await main().getByLabel('슬러그', { exact: true }).fill('Busan Port_2025!');
    expect(await main().getByLabel('슬러그', { exact: true }).inputValue()).toBe('busan-port-2025');
    await saved();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  test('the status bar counts what was typed, in characters, words and manuscript sheets', async () => {
    await page.getByRole('button', { name: '새 원고' }).click();
    const count = (name: string) => page.locator(`[data-count="${name}"]`).innerText();
    await expect.poll(() => count('reading')).toBe('0분');
    await page.getByRole('textbox', { name: '기사 본문' }).click();
    await page.keyboard.insertText('부산 시의회');
    await expect.poll(() => count('chars')).toBe('6');
    expect(await count('chars-no-spaces')).toBe('5');
    expect(await count('words')).toBe('2');
    // One indent cell and six characters: one row of a ten-row sheet.
    expect(await count('manuscript-200')).toBe('0.1매');
    expect(await count('reading')).toBe('1분');
  });

  test('the interface switches to English and stays so after a reload', async () => {
    await page.getByRole('button', { name: '설정' }).click();
    await page.getByRole('dialog').getByLabel('언어').selectOption('en');
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'New draft' }).count()).toBe(1);
    // The save indicator writes its own text (it changes with every autosave): it follows too.
    const indicator = page.locator('[data-save-state]');
    await expect.poll(() => indicator.innerText()).toBe('Saved');
    await main().getByRole('textbox', { name: 'Article body' }).click();
    await page.keyboard.type(' more');
    await expect.poll(() => indicator.innerText()).toBe('Unsaved changes');
    await saved();
    expect(await indicator.innerText()).toBe('Saved');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'New draft' }).count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});
