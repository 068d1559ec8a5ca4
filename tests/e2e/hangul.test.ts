import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';

// Hangul typed through a real input method, as Chromium receives it: composition updates for
// each jamo, then a commit. Nothing may be doubled or dropped, and nothing may save or re-render
// the paragraph while a syllable is still being composed.

const app = useAppUnderTest('ko-KR');
let page: Page;
let cdp: CDPSession;

beforeAll(async () => {
  page = await app.launched.browser.newPage();
  cdp = await page.context().newCDPSession(page);
  await page.goto(app.host.url);
});

const body = () => page.getByRole('textbox', { name: '기사 본문' });
const bodyText = () => body().evaluate((element) => (element as HTMLElement).innerText.replace(/\n+$/, ''));

// One syllable the way a 2-set (두벌식) IME produces it: each stage replaces the composition.
async function compose(stages: readonly string[], commit: string): Promise<void> {
  for (const text of stages) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: commit });
}

async function typeKorean(syllables: ReadonlyArray<readonly [readonly string[], string]>): Promise<void> {
  for (const [stages, commit] of syllables) await compose(stages, commit);
}

// As a writer does: the new draft's headline takes the caret, then a click goes to the body.
async function newDraft(): Promise<void> {
  await page.getByRole('button', { name: '새 원고' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('headline');
  await body().click();
}

const 부산 = [
  [['ㅂ', '부'], '부'],
  [['ㅅ', '사', '산'], '산'],
] as const;

describe('Hangul input', () => {
  test('syllables composed one jamo at a time arrive exactly once', async () => {
    await newDraft();
    await typeKorean([
      ...부산,
      [['ㅅ', '시'], '시'],
      [['ㅇ', '의'], '의'],
      [['ㅎ', '회'], '회'],
    ]);
    expect(await bodyText()).toBe('부산시의회');
  });

  test('a consonant followed by a digit keeps both, in order', async () => {
    await newDraft();
    await cdp.send('Input.imeSetComposition', { text: 'ㄱ', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: 'ㄱ' });
    await page.keyboard.type('1');
    await typeKorean([[['ㅎ', '호'], '호']]);
    expect(await bodyText()).toBe('ㄱ1호');
  });

  test('composition at the start of a new empty paragraph', async () => {
    await newDraft();
    await page.keyboard.type('First line');
    await page.keyboard.press('Enter');
    await typeKorean(부산);
    const paragraphs = await body().locator('p').allInnerTexts();
    expect(paragraphs).toEqual(['First line', '부산']);
  });

  // A link takes no text at its edges: a key typed there goes beside it, and so must a syllable.
  test('a syllable composed at either edge of a link goes beside the link, and is saved', async () => {
    const linkWord = async (word: string) => {
      await page.keyboard.type(word);
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(word);
      await page.keyboard.press('Control+k');
      await page.getByRole('textbox', { name: '링크 주소' }).fill('example.com');
      await page.keyboard.press('Enter');
      await expect.poll(() => body().locator('a').last().innerText()).toBe(word);
    };
    await newDraft();
    await linkWord('보도자료');
    await page.keyboard.press('End');
    // At a writer's pace: Lexical takes the moved caret from the browser's selectionchange,
    // which an Enter sent in the same instant can overtake.
    await page.waitForTimeout(50);
    await page.keyboard.press('Enter');
    await page.keyboard.type('둘째 문단');
    // Back up to the very start of the first paragraph: the start of the link's text.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    // Lexical treats a composition that starts within 30 ms of a key as typed, and then steps
    // outside the link itself; an input method that starts one on its own (a handwriting pad,
    // a candidate picked with the mouse, a slow machine) does not get that help.
    await page.waitForTimeout(100);
    await typeKorean(부산);
    await page.keyboard.press('End');
    await page.waitForTimeout(100);
    await typeKorean([[['ㅅ', '시'], '시']]);
    await page.keyboard.type(' OK');
    expect(await bodyText()).toBe('부산보도자료시 OK\n\n둘째 문단');
    expect(await body().locator('a').innerText()).toBe('보도자료');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 5000 }).toBe('saved');
    const draftId = await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-draft-id');
    expect(JSON.stringify(app.host.services.drafts.get(draftId!).article.body)).toMatch(/"text":"부산".*"text":"보도자료".*"type":"link".*"text":"시 OK"/);
  });

  test('no save and no re-render of the paragraph while a syllable is being composed', async () => {
    await newDraft();
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    // Committed text leaves a save pending; the next syllable starts before it is due.
    const savesBefore = app.host.calls.filter((call) => call.channel === 'drafts.save').length;
    await typeKorean(부산);
    await cdp.send('Input.imeSetComposition', { text: 'ㅅ', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: '시', selectionStart: 1, selectionEnd: 1 });
    const paragraph = await body().locator('p').first().elementHandle();
    // Longer than the autosave's longest wait: a save now would be one in mid-syllable.
    await page.waitForTimeout(1800);
    const savesDuring = app.host.calls.filter((call) => call.channel === 'drafts.save').length - savesBefore;
    const stillSameNode = await paragraph!.evaluate((element) => element.isConnected);
    await cdp.send('Input.insertText', { text: '시' });

    expect(savesDuring).toBe(0);
    expect(stillSameNode).toBe(true);
    expect(await bodyText()).toBe('부산시');
    // Once the syllable is committed, the save happens, with the whole word.
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 5000 }).toBe('saved');
    const draftId = await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-draft-id');
    expect(JSON.stringify(app.host.services.drafts.get(draftId!).article.body)).toContain('부산시');
  });
});
