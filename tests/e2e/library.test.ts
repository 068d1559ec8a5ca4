import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { paragraphsToBody, sampleArticle } from '../support/articles.ts';
import { type LaunchedBrowser, launchBrowser } from '../support/browser.ts';
import { type Host, startHost } from '../support/host/server.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// The drafts library as an editor uses it: find a draft by a word or by its initial consonants,
// narrow the list, throw a draft away and get it back.

let data: TempDir;
let host: Host;
let launched: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  data = tempDir();
  host = await startHost({ dataDir: data.path, systemLocale: 'ko-KR' });
  const { drafts } = host.services;
  const sample = drafts.create();
  drafts.save(sample.id, sample.revision, { ...sample.article, ...sampleArticle(), section: '인터뷰' });
  const english = drafts.create();
  drafts.save(english.id, english.revision, {
    ...english.article,
    headline: 'Harbour industries look to robotics',
    byline: 'Kim Minji',
    section: 'Economy',
    body: paragraphsToBody(['Shipbuilders in Busan are automating welding lines.']),
  });
  const other = drafts.create();
  drafts.save(other.id, other.revision, { ...other.article, headline: '해운대 해수욕장 개장', byline: '박서연', section: '관광', body: paragraphsToBody(['여름 손님맞이 준비가 한창이다.']) });
  drafts.setStatus(other.id, 'in_review');
  launched = await launchBrowser();
  page = await launched.browser.newPage();
  await page.goto(host.url);
  await page.getByRole('navigation').waitFor();
});

afterAll(async () => {
  await launched?.close();
  await host?.close();
  data?.remove();
});

const list = () => page.getByRole('listbox', { name: /원고 목록/ });
const headlines = () => page.getByRole('navigation').locator('.draft-headline').allInnerTexts();
const search = (query: string) => page.getByRole('searchbox', { name: '원고 검색' }).fill(query);

describe('the drafts library', () => {
  test('lists every draft with its status, section and byline', async () => {
    await expect.poll(headlines).toHaveLength(3);
    const row = list().getByRole('option', { name: /해운대/ });
    await expect.poll(() => row.innerText()).toMatch(/검토 중[\s\S]*관광[\s\S]*박서연/);
  });

  test('a two-syllable query finds the word inside longer words and marks it', async () => {
    await search('산업');
    await expect.poll(headlines).toEqual(['뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야']);
    expect(await list().locator('mark').first().innerText()).toBe('산업');
  });

  test('initial consonants find the Korean word they spell', async () => {
    await search('ㅎㅅㅇㅈ');
    await expect.poll(headlines).toEqual(['해운대 해수욕장 개장']);
    expect(await list().locator('mark').first().innerText()).toBe('해수욕장');
  });

  test('English matches inside words, case-insensitive, in the body too', async () => {
    await search('WELD');
    await expect.poll(headlines).toEqual(['Harbour industries look to robotics']);
    expect(await list().locator('.draft-snippet mark').first().innerText()).toBe('weld');
  });

  test('filters by status and sorts by headline', async () => {
    await search('');
    await expect.poll(headlines).toHaveLength(3);
    await page.getByText('정렬과 필터').click();
    await page.getByLabel('상태', { exact: true }).selectOption({ label: '검토 중' });
    await expect.poll(headlines).toEqual(['해운대 해수욕장 개장']);
    await page.getByLabel('상태', { exact: true }).selectOption({ label: '전체' });
    await page.getByLabel('정렬 기준').selectOption({ label: '제목' });
    await page.getByRole('button', { name: '내림차순' }).click();
    // Korean collation: Hangul in 가나다 order, then Latin.
    await expect.poll(headlines).toEqual(['뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야', '해운대 해수욕장 개장', 'Harbour industries look to robotics']);
    // A screen reader hears the order the list is in, and the toggle keeps its name.
    expect(await page.getByRole('listbox', { name: '원고 목록, 제목 오름차순' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '내림차순' }).getAttribute('aria-pressed')).toBe('false');
    // Statuses are offered in the order a draft goes through them.
    expect(await page.getByLabel('상태', { exact: true }).locator('option').allInnerTexts()).toEqual(['전체', '작성 중', '검토 중']);
  });

  test('a filter narrows a search, and the matches stay marked', async () => {
    await search('산업');
    await expect.poll(headlines).toEqual(['뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야']);
    await page.getByLabel('상태', { exact: true }).selectOption({ label: '검토 중' });
    await expect.poll(() => page.getByRole('navigation').getByText('일치하는 원고가 없습니다.').count()).toBe(1);
    await page.getByLabel('상태', { exact: true }).selectOption({ label: '작성 중' });
    await expect.poll(headlines).toEqual(['뿌리산업에 첨단기술 더해 글로벌 경쟁력 높여야']);
    expect(await list().locator('mark').first().innerText()).toBe('산업');
    await page.getByLabel('상태', { exact: true }).selectOption({ label: '전체' });
    await search('');
    await expect.poll(headlines).toHaveLength(3);
  });

  test('arrow keys move through the list and Enter opens a draft', async () => {
    await list().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('제목', { exact: true }).inputValue()).toBe('해운대 해수욕장 개장');
  });

  test('a trashed draft leaves the list, can be restored, and is deleted for good only from the trash', async () => {
    await list().getByRole('option', { name: /해운대/ }).click();
    await page.getByRole('button', { name: '휴지통으로' }).click();
    await expect.poll(headlines).toHaveLength(2);

    await page.getByRole('button', { name: '휴지통', exact: true }).click();
    await expect.poll(headlines).toEqual(['해운대 해수욕장 개장']);
    await page.getByRole('button', { name: '“해운대 해수욕장 개장” 복원' }).click();
    await expect.poll(headlines).toEqual([]);
    await page.getByRole('button', { name: '원고', exact: true }).click();
    await expect.poll(headlines).toHaveLength(3);

    await list().getByRole('option', { name: /해운대/ }).click();
    await page.getByRole('button', { name: '휴지통으로' }).click();
    await page.getByRole('button', { name: '휴지통', exact: true }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '“해운대 해수욕장 개장” 영구 삭제' }).click();
    await expect.poll(() => page.getByText('휴지통이 비어 있습니다.').count()).toBe(1);
    expect(host.services.drafts.list('trash')).toEqual([]);
    await page.getByRole('button', { name: '원고', exact: true }).click();
  });

  test('newest first, the draft being written rises to the top as it saves', async () => {
    await page.getByLabel('정렬 기준').selectOption({ label: '수정 시각' });
    const descending = page.getByRole('button', { name: '내림차순' });
    if ((await descending.getAttribute('aria-pressed')) === 'false') await descending.click();
    const newestFirst = () => host.services.drafts.list('active').map((draft) => draft.headline);
    await expect.poll(headlines).toEqual(newestFirst());
    const [newer, older] = newestFirst();
    if (!newer || !older) throw new Error('the library should hold two drafts here');

    await list().getByRole('option', { name: older }).click();
    const headline = page.getByLabel('제목', { exact: true });
    await headline.press('End');
    await headline.pressSequentially(' 2');
    await expect.poll(headlines).toEqual([`${older} 2`, newer]);
    expect(newestFirst()).toEqual([`${older} 2`, newer]);
  });

  test('duplicate makes an independent copy', async () => {
    await list().getByRole('option', { name: /Harbour/ }).click();
    await page.getByRole('button', { name: '복제' }).click();
    await expect.poll(headlines).toHaveLength(3);
    expect((await headlines()).filter((h) => h === 'Harbour industries look to robotics')).toHaveLength(2);
  });
});
