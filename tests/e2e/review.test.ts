import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';

// The editorial review in the real renderer against the real services (no site configured: the
// comments and suggestions live on this machine, as they do offline): comments anchored to a
// passage, replies, resolving; suggested changes typed, deleted, accepted and rejected; Hangul
// composed in suggestion mode. Each survives a reload.

const app = useAppUnderTest('en-US');

const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });
const bodyText = (page: Page) => body(page).evaluate((element) => (element as HTMLElement).innerText.replace(/\n+$/, ''));
const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
const panel = (page: Page) => page.getByRole('complementary', { name: 'Review' });
const openDraftId = (page: Page) => page.locator('[role="option"][aria-selected="true"]').getAttribute('data-draft-id');

async function newDraft(page: Page, text: string): Promise<string> {
  await page.getByRole('button', { name: 'New draft' }).click();
  await body(page).click();
  await page.keyboard.insertText(text);
  await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
  const id = await openDraftId(page);
  expect(id).toBeTruthy();
  return id!;
}

// Selects the last `count` characters before the caret.
async function selectBack(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await page.keyboard.press('Shift+ArrowLeft');
}

// Turns "Suggest changes" on or off, whatever it was.
async function suggesting(page: Page, on: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Suggest changes' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(on));
}

async function reopen(page: Page, draftId: string): Promise<void> {
  await page.reload();
  await page.getByRole('navigation').waitFor();
  await page.locator(`[role="option"][data-draft-id="${draftId}"]`).click();
  await body(page).waitFor();
}

function thread(page: Page, quote: string): Locator {
  return panel(page).getByRole('article', { name: new RegExp(quote) });
}

describe('comments', () => {
  test('comment on a passage, reply, resolve; all of it there after a reload', async () => {
    const { page, problems } = await app.openPage();
    const draftId = await newDraft(page, 'The council met on Monday to discuss the budget.');

    // Select "budget" and comment with the keyboard shortcut.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await selectBack(page, 'budget'.length);
    await page.keyboard.press('Control+Alt+KeyM');
    const commentBox = panel(page).getByRole('textbox', { name: 'Comment', exact: true });
    await expect.poll(() => commentBox.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await body(page).locator('mark').allInnerTexts()).toEqual(['budget']);
    await page.keyboard.type('Which budget: this year’s or next?');
    await page.keyboard.press('Control+Enter');

    const budget = thread(page, 'budget');
    await expect.poll(() => budget.count()).toBe(1);
    expect(await budget.innerText()).toContain('Which budget: this year’s or next?');
    await expect.poll(() => page.getByRole('button', { name: /^Review/ }).innerText()).toContain('1');

    // A second thread, earlier in the text, from the toolbar button: the panel lists threads in
    // the order of the text, not the order they were written.
    await body(page).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'The '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'council'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('toolbar').getByRole('button', { name: 'Comment', exact: true }).click();
    await commentBox.fill('Which council?');
    await panel(page).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => panel(page).getByRole('article').count()).toBe(2);
    const quotes = await panel(page).getByRole('article').evaluateAll((articles) => articles.map((article) => article.querySelector('.thread-quote')?.textContent ?? ''));
    expect(quotes[0]).toContain('council');
    expect(quotes[1]).toContain('budget');

    // Reply, then resolve.
    await budget.getByRole('textbox', { name: /Reply/ }).fill('Next year’s.');
    await budget.getByRole('button', { name: 'Reply' }).click();
    await expect.poll(() => budget.innerText()).toContain('Next year’s.');
    await budget.getByRole('button', { name: 'Resolve' }).click();
    // Resolved threads are hidden unless "Show resolved" is on.
    await expect.poll(() => thread(page, 'budget').count()).toBe(0);
    const stored = app.host.services.review.get(draftId);
    expect(stored.threads.find((t) => t.quote === 'budget')).toMatchObject({ resolved: true, comments: [{ text: 'Which budget: this year’s or next?' }, { text: 'Next year’s.' }] });

    // Clicking a thread's quote selects its passage in the body.
    await thread(page, 'council').getByRole('button', { name: /Go to the passage/ }).click();
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('council');

    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    await reopen(page, draftId);
    expect(await body(page).locator('mark').allInnerTexts()).toEqual(['council', 'budget']);
    await page.getByRole('button', { name: /^Review/ }).click();
    await expect.poll(() => panel(page).getByRole('article').count()).toBe(1);
    await panel(page).getByRole('checkbox', { name: /Show resolved/ }).check();
    await expect.poll(() => thread(page, 'budget').count()).toBe(1);
    const resolved = await thread(page, 'budget').innerText();
    expect(resolved).toContain('Resolved by');
    expect(resolved).toContain('Next year’s.');
    expect(await thread(page, 'budget').getByRole('button', { name: 'Reopen' }).count()).toBe(1);

    // Deleting a passage keeps its thread, at the end, marked as such.
    await body(page).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('Rewritten from scratch.');
    await expect.poll(() => panel(page).locator('.thread.is-detached').count()).toBe(2);
    expect(await panel(page).innerText()).toContain('Passage deleted');
    expect(problems).toEqual([]);
  });
});

describe('suggestions', () => {
  test('typed and deleted text becomes suggestions; accept one, reject one; the text is right after a reload', async () => {
    const { page, problems } = await app.openPage();
    const draftId = await newDraft(page, 'Hello world.');

    const toggle = page.getByRole('button', { name: 'Suggest changes' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await body(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Again');
    // Backspace in one's own insertion takes it back rather than marking it.
    await page.keyboard.press('Backspace');
    await page.keyboard.type('n and again');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Hello'.length; i++) await page.keyboard.press('Delete');

    expect(await body(page).locator('ins.suggestion-insert').allInnerTexts()).toEqual([' Again and again']);
    expect(await body(page).locator('del.suggestion-delete').allInnerTexts()).toEqual(['Hello']);
    // Nothing is gone from the text yet: the deletion is only struck through.
    expect(await bodyText(page)).toBe('Hello world. Again and again');
    expect(await body(page).locator('ins.suggestion-insert').getAttribute('title')).toMatch(/^Suggested insertion by /);

    // Both are recorded in the review data.
    await expect.poll(() => app.host.services.review.get(draftId).suggestions.length, { timeout: 5000 }).toBe(2);

    await page.getByRole('button', { name: /^Review/ }).click();
    await panel(page).getByRole('tab', { name: /Suggestions/ }).click();
    await expect.poll(() => panel(page).getByRole('list', { name: /Suggestions/ }).getByRole('listitem').count()).toBe(2);

    // Find and replace, open beside them, finds in a preview but changes nothing there.
    await body(page).click();
    await page.keyboard.press('Control+h');
    const find = page.getByRole('search', { name: 'Find and replace' });
    await find.getByRole('textbox', { name: 'Find', exact: true }).fill('world');
    const replaceAll = find.getByRole('button', { name: 'Replace all' });
    await expect.poll(() => replaceAll.isDisabled()).toBe(false);

    // The previews show the text as if all were accepted, or all rejected, read-only.
    await panel(page).getByRole('radio', { name: 'As if all were accepted' }).check();
    expect(await bodyText(page)).toBe(' world. Again and again');
    expect(await body(page).getAttribute('contenteditable')).toBe('false');
    await expect.poll(() => replaceAll.isDisabled()).toBe(true);
    expect(await find.innerText()).toContain('1 match is in read-only text');
    await panel(page).getByRole('radio', { name: 'As if all were rejected' }).check();
    expect(await bodyText(page)).toBe('Hello world.');
    await panel(page).getByRole('radio', { name: 'With suggestions marked' }).check();
    expect(await body(page).getAttribute('contenteditable')).toBe('true');
    await expect.poll(() => replaceAll.isDisabled()).toBe(false);
    await find.getByRole('button', { name: 'Close' }).click();

    await panel(page).getByRole('button', { name: /^Accept: add/ }).click();
    await panel(page).getByRole('button', { name: /^Reject: delete/ }).click();
    await expect.poll(() => body(page).locator('.suggestion').count()).toBe(0);
    expect(await bodyText(page)).toBe('Hello world. Again and again');
    await expect.poll(() => app.host.services.review.get(draftId).suggestions.map((s) => `${s.kind}:${s.status}`).sort()).toEqual(['delete:rejected', 'insert:accepted']);

    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    await reopen(page, draftId);
    expect(await bodyText(page)).toBe('Hello world. Again and again');
    expect(await body(page).locator('.suggestion').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('accept all and reject all, and a deletion of a selection', async () => {
    const { page, problems } = await app.openPage();
    await newDraft(page, 'One two three four.');
    await page.getByRole('button', { name: 'Suggest changes' }).click();
    await body(page).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await selectBack(page, 'four'.length);
    await page.keyboard.type('five');
    expect(await body(page).locator('del.suggestion-delete').allInnerTexts()).toEqual(['four']);
    expect(await body(page).locator('ins.suggestion-insert').allInnerTexts()).toEqual(['five']);
    expect(await bodyText(page)).toBe('One two three fourfive.');

    await page.getByRole('button', { name: /^Review/ }).click();
    await panel(page).getByRole('tab', { name: /Suggestions/ }).click();
    await panel(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => bodyText(page)).toBe('One two three five.');
    expect(await body(page).locator('.suggestion').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('suggested paragraph changes', () => {
  test('Enter suggests a split and Backspace at a paragraph start a join; the panel lists both; accepted, the paragraphs change; after a reload they stay', async () => {
    const { page, problems } = await app.openPage();
    const draftId = await newDraft(page, 'First sentence. Second sentence.');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('Next paragraph.');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    const paragraphs = () => body(page).locator(':scope > p').allInnerTexts();
    expect(await paragraphs()).toEqual(['First sentence. Second sentence.', 'Next paragraph.']);

    await page.getByRole('button', { name: 'Suggest changes' }).click();
    await body(page).getByText('First sentence.').click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'First sentence.'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.type('So');
    // Still one paragraph: the split is only marked, and the typed text is a suggestion after it.
    expect(await body(page).locator(':scope > p').count()).toBe(2);
    await expect.poll(() => body(page).locator('ins.suggestion-split').count()).toBe(1);
    expect(await body(page).locator('ins.suggestion-split').getAttribute('aria-label')).toMatch(/^Suggested new paragraph by /);
    expect(await body(page).locator('ins.suggestion-insert').allInnerTexts()).toEqual(['So']);

    await body(page).getByText('Next paragraph.').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Backspace');
    await expect.poll(() => body(page).locator('del.suggestion-join').count()).toBe(1);
    expect(await body(page).locator(':scope > p').count()).toBe(2);

    await page.getByRole('button', { name: /^Review/ }).click();
    await panel(page).getByRole('tab', { name: /Suggestions/ }).click();
    await expect.poll(() => panel(page).getByRole('list', { name: /Suggestions/ }).getByRole('listitem').count()).toBe(3);
    await expect.poll(() => app.host.services.review.get(draftId).suggestions.map((s) => s.kind).sort(), { timeout: 5000 }).toEqual(['insert', 'join', 'split']);

    await panel(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => paragraphs()).toEqual(['First sentence.', 'So Second sentence.Next paragraph.']);
    expect(await body(page).locator('.suggestion').count()).toBe(0);

    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    await reopen(page, draftId);
    expect(await paragraphs()).toEqual(['First sentence.', 'So Second sentence.Next paragraph.']);
    expect(problems).toEqual([]);
  });
});

describe('what cannot be suggested', () => {
  test('bold, a heading or a list while suggesting is refused with a word on why; the text keeps its form', async () => {
    const { page, problems } = await app.openPage();
    const draftId = await newDraft(page, 'Plain words here.');
    await suggesting(page, true);
    await body(page).click();
    await page.keyboard.press('End');
    await selectBack(page, 'here.'.length);
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Control+Alt+Digit2');
    await page.keyboard.press('Control+Shift+Digit8');
    await expect.poll(() => page.locator('.media-problems').innerText()).toContain('cannot be suggested');
    expect(await body(page).locator('strong, b, h2, ul').count()).toBe(0);
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    expect(JSON.stringify(app.host.services.drafts.get(draftId).article.body)).not.toMatch(/"format":1|"heading"|"list"/);
    // Off again, the same keys work.
    await suggesting(page, false);
    await body(page).click();
    await page.keyboard.press('End');
    await selectBack(page, 'here.'.length);
    await page.keyboard.press('Control+b');
    await expect.poll(() => body(page).locator('strong, b').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('compare versions', () => {
  test('any version against the current text, with open suggestions read as accepted', async () => {
    const { page, problems } = await app.openPage();
    await newDraft(page, 'The first meeting was held.');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('dialog', { name: 'Version history' });
    await history.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => history.getByRole('option').count()).toBe(2);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Suggest changes' }).click();
    await body(page).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'The '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'first'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('second');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');

    await page.getByRole('button', { name: /^Review/ }).click();
    await panel(page).getByRole('tab', { name: 'Compare' }).click();
    // Not submitted: nothing to compare that with.
    expect(await panel(page).getByRole('button', { name: 'What changed since submitted' }).isDisabled()).toBe(true);
    await panel(page).getByLabel('From').selectOption({ index: 0 });
    expect(await panel(page).getByLabel('To').inputValue()).toBe('current');
    await panel(page).getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => panel(page).locator('.diff del').allInnerTexts()).toEqual([expect.stringContaining('first')]);
    expect(await panel(page).locator('.diff ins').allInnerTexts()).toEqual([expect.stringContaining('second')]);
    expect(await panel(page).getByRole('heading', { name: /^Changes from / }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('Hangul in suggestion mode', () => {
  let cdp: CDPSession;

  async function compose(stages: readonly string[], commit: string): Promise<void> {
    for (const text of stages) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.insertText', { text: commit });
  }

  test('composed syllables land inside one insertion, without stray characters', async () => {
    const { page, problems } = await app.openPage();
    cdp = await page.context().newCDPSession(page);
    const draftId = await newDraft(page, '부산 연구모임');
    await page.getByRole('button', { name: 'Suggest changes' }).click();
    await body(page).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < '부산'.length; i++) await page.keyboard.press('ArrowRight');
    await compose(['ㅅ', '시'], '시');
    await compose(['ㅇ', '의'], '의');
    await compose(['ㅎ', '회'], '회');
    expect(await body(page).locator('ins.suggestion-insert').allInnerTexts()).toEqual(['시의회']);
    expect(await bodyText(page)).toBe('부산시의회 연구모임');

    // Two syllables deleted from the end: the caret stays before the struck-through text, so
    // what is composed next reads as its replacement.
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await compose(['ㄷ', '다', '단'], '단');
    expect(await body(page).locator('del.suggestion-delete').allInnerTexts()).toEqual(['모임']);
    expect(await body(page).locator('ins.suggestion-insert').allInnerTexts()).toEqual(['시의회', '단']);
    expect(await bodyText(page)).toBe('부산시의회 연구단모임');

    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    const saved = JSON.stringify(app.host.services.drafts.get(draftId).article.body);
    expect(saved).not.toContain('\\u200b');
    expect(saved).not.toContain('\u200b');
    expect(saved).toContain('"type":"suggestion-insert"');
    await expect.poll(() => app.host.services.review.get(draftId).suggestions.map((s) => s.text).sort(), { timeout: 5000 }).toEqual(['단', '모임', '시의회']);
    expect(problems).toEqual([]);
  });
});
