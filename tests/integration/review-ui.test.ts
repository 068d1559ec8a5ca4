import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';
import { memorySecretBox } from '../support/secret-box.ts';
import { useWordPress } from '../support/wordpress.ts';

// The workflow bar and the review queue in Chromium, against the real services and the real
// WordPress, with an editor's account: submit, return to the writer with a note, submit again,
// approve and publish in one click; the queue lists the pending post. Then approve and schedule,
// a past time refused. (Writer and editor on two machines are tested on the services:
// tests/integration/review-service.test.ts.)

const wordpress = useWordPress();
const app = useAppUnderTest('en-US', {
  services: { secrets: memorySecretBox(), publishingBackoffMs: () => 200, assetCollectionDelayMs: 3_600_000, reviewRefreshMs: 0 },
});

const TAG = randomBytes(4).toString('hex');
const HEADLINE = `Council budget under review ${TAG}`;

const bar = (page: Page) => page.getByRole('region', { name: 'Review workflow' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Review' });
const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');

// The publishing jobs a step queued have all finished.
function jobsSettled(): boolean {
  return app.host.services.publishing.jobs().every((job) => job.state === 'done');
}

async function step(page: Page, action: string, confirm: string, note: string): Promise<void> {
  await bar(page).getByRole('button', { name: action, exact: true }).click();
  const field = bar(page).getByRole('textbox');
  await field.fill(note);
  await bar(page).getByRole('button', { name: confirm, exact: true }).click();
  await expect.poll(() => bar(page).getByRole('textbox').count()).toBe(0);
  await expect.poll(jobsSettled, { timeout: 30_000 }).toBe(true);
}

describe('the review workflow from the app', () => {
  test('submit, return with a note, submit again, approve and publish; the queue shows the pending post', async () => {
    const wp = wordpress();
    const site = await app.host.services.sites.add(wp.url, wp.users.editor.username, wp.users.editor.appPassword);
    expect(site.capabilities.editOthers).toBe(true);
    const { page, problems } = await app.openPage();

    await page.getByRole('button', { name: 'New draft' }).click();
    await page.getByLabel('Headline', { exact: true }).fill(HEADLINE);
    await page.getByRole('textbox', { name: 'Byline', exact: true }).fill('Kim Minji');
    await page.getByRole('textbox', { name: 'Article body' }).click();
    await page.keyboard.insertText('The council debated the budget for three hours.');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    const draftId = (await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-draft-id'))!;

    await expect.poll(() => bar(page).getByRole('button').allInnerTexts()).toEqual(['Submit for review']);
    await step(page, 'Submit for review', 'Submit', 'Ready for the desk.');
    await expect.poll(() => bar(page).locator('.workflow-status strong').innerText()).toBe('In review');
    expect(app.host.services.drafts.get(draftId).status).toBe('in_review');

    // The editor's queue lists the pending post once refreshed (once; the site is shared with
    // the other test files, whose pending posts are there too).
    const queue = page.getByRole('region', { name: /Review queue/ });
    await queue.getByRole('button', { name: 'Refresh the review queue' }).click();
    await expect
      .poll(async () => (await queue.getByRole('listitem').allInnerTexts()).filter((text) => text.includes(HEADLINE)), { timeout: 20_000 })
      .toEqual([expect.stringContaining(HEADLINE)]);

    // A return needs a note: the confirm button waits for one.
    await expect.poll(() => bar(page).getByRole('button').allInnerTexts()).toEqual(['Return to writer', 'Approve', 'Approve and publish']);
    await bar(page).getByRole('button', { name: 'Return to writer', exact: true }).click();
    const confirmReturn = bar(page).getByRole('button', { name: 'Send back with this note' });
    expect(await confirmReturn.isDisabled()).toBe(true);
    await bar(page).getByRole('textbox').fill('Cite the budget figures.');
    await confirmReturn.click();
    await expect.poll(() => bar(page).locator('.workflow-status strong').innerText(), { timeout: 20_000 }).toBe('Changes requested');
    await expect.poll(jobsSettled, { timeout: 30_000 }).toBe(true);
    expect(await bar(page).innerText()).toContain('Cite the budget figures.');

    // The draft reopened on its new revision: typing still saves.
    await page.getByRole('textbox', { name: 'Article body' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(' It passed 31 to 12.');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');

    await step(page, 'Submit for review', 'Submit', '');
    await expect.poll(() => bar(page).locator('.workflow-status strong').innerText()).toBe('In review');

    // What changed since it was first submitted… since the last submit, rather.
    await page.getByRole('button', { name: /^Review/ }).click();
    await panel(page).getByRole('tab', { name: 'Compare' }).click();
    await panel(page).getByRole('button', { name: 'What changed since submitted' }).click();
    await expect.poll(() => panel(page).locator('.diff').count()).toBe(1);

    await step(page, 'Approve and publish', 'Approve and publish now', 'Good to go.');
    await expect.poll(() => bar(page).locator('.workflow-status strong').innerText(), { timeout: 20_000 }).toBe('Published');
    const timeline = app.host.services.review.get(draftId).timeline.map((entry) => `${entry.action}:${entry.to}`);
    expect(timeline).toEqual(['submit:in_review', 'return:changes_requested', 'submit:in_review', 'approve:approved', 'publish:published']);

    // The timeline tab lists who did what, with the notes.
    await panel(page).getByRole('tab', { name: 'Timeline' }).click();
    const entries = panel(page).getByRole('list', { name: /Timeline/ }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(5);
    expect(await entries.nth(1).innerText()).toContain('Cite the budget figures.');

    // The published post has the text typed after the return.
    const post = app.host.services.publishing.remotePosts(draftId)[0]!;
    const response = await wp.rest(`/wp/v2/posts/${post.postId}?context=edit`, { as: 'editor' });
    const json = (await response.json()) as { status: string; content: { raw: string } };
    expect(json.status).toBe('publish');
    expect(json.content.raw).toContain('It passed 31 to 12.');
    expect(problems).toEqual([]);
  });

  test('approved, then scheduled from the bar: a past time is refused, a later one makes a future post', async () => {
    const wp = wordpress();
    if (app.host.services.sites.list().length === 0) await app.host.services.sites.add(wp.url, wp.users.editor.username, wp.users.editor.appPassword);
    const { page, problems } = await app.openPage();
    const headline = `Harbour festival schedule ${TAG}`;
    await page.getByRole('button', { name: 'New draft' }).click();
    await page.getByLabel('Headline', { exact: true }).fill(headline);
    await page.getByRole('textbox', { name: 'Byline', exact: true }).fill('Kim Minji');
    await page.getByRole('textbox', { name: 'Article body' }).click();
    await page.keyboard.insertText('The festival opens on Saturday.');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    const draftId = (await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-draft-id'))!;
    await step(page, 'Submit for review', 'Submit', '');
    await expect.poll(() => bar(page).locator('.workflow-status strong').innerText()).toBe('In review');

    // Approve and publish at a later time that has passed: refused before anything changes.
    await bar(page).getByRole('button', { name: 'Approve and publish', exact: true }).click();
    await bar(page).getByRole('checkbox', { name: 'Publish at a later time' }).check();
    await bar(page).getByLabel('Publication time').fill('2020-01-01T09:00');
    await bar(page).getByRole('button', { name: 'Approve and schedule', exact: true }).click();
    await expect.poll(() => bar(page).getByRole('alert').innerText()).toBe('Choose a publication time in the future.');
    expect(app.host.services.drafts.get(draftId).status).toBe('in_review');
    await bar(page).getByRole('button', { name: 'Cancel' }).click();

    const form = bar(page).locator('form');
    await bar(page).getByRole('button', { name: 'Approve', exact: true }).click();
    await form.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(() => bar(page).locator('.workflow-status strong').innerText(), { timeout: 20_000 }).toBe('Approved');
    await expect.poll(() => bar(page).getByRole('button').allInnerTexts()).toEqual(['Reopen review', 'Publish', 'Schedule…']);

    // Schedule…: the time is a labelled field; a past one gets main's refusal.
    await bar(page).getByRole('button', { name: 'Schedule…', exact: true }).click();
    const when = bar(page).getByLabel('Publication time');
    await when.fill('2020-01-01T09:00');
    await form.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(() => bar(page).getByRole('alert').innerText()).toBe('Choose a publication time in the future.');
    expect(app.host.services.drafts.get(draftId).status).toBe('approved');

    const year = new Date().getFullYear() + 1;
    await when.fill(`${year}-06-15T10:00`);
    await form.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(() => bar(page).locator('.workflow-status strong').innerText(), { timeout: 20_000 }).toBe('Scheduled');
    await expect.poll(jobsSettled, { timeout: 30_000 }).toBe(true);
    expect(app.host.services.drafts.get(draftId).status).toBe('scheduled');
    const timeline = app.host.services.review.get(draftId).timeline.map((entry) => `${entry.action}:${entry.to}`);
    expect(timeline).toEqual(['submit:in_review', 'approve:approved', 'publish:scheduled']);
    await page.getByRole('button', { name: /^Review/ }).click();
    await panel(page).getByRole('tab', { name: 'Timeline' }).click();
    const last = panel(page).getByRole('list', { name: /Timeline/ }).getByRole('listitem').last();
    await expect.poll(() => last.innerText()).toMatch(/^Scheduled/);

    const post = app.host.services.publishing.remotePosts(draftId)[0]!;
    const response = await wp.rest(`/wp/v2/posts/${post.postId}?context=edit`, { as: 'editor' });
    const json = (await response.json()) as { status: string; date_gmt: string };
    expect(json.status).toBe('future');
    expect(json.date_gmt.startsWith(`${year}-06-1`)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('damaged review data on the site shows in the panel as a notice', async () => {
    const wp = wordpress();
    if (app.host.services.sites.list().length === 0) await app.host.services.sites.add(wp.url, wp.users.editor.username, wp.users.editor.appPassword);
    const { page, problems } = await app.openPage();
    await page.getByRole('button', { name: 'New draft' }).click();
    await page.getByLabel('Headline', { exact: true }).fill(`Damaged review data ${TAG}`);
    await page.getByRole('textbox', { name: 'Byline', exact: true }).fill('Kim Minji');
    await page.getByRole('textbox', { name: 'Article body' }).click();
    await page.keyboard.insertText('A short item.');
    await expect.poll(() => saveState(page), { timeout: 5000 }).toBe('saved');
    const draftId = (await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-draft-id'))!;
    await step(page, 'Submit for review', 'Submit', '');

    const { postId } = app.host.services.publishing.remotePosts(draftId)[0]!;
    const edit = await wp.rest(`/wp/v2/posts/${postId}`, {
      as: 'admin',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meta: { pressroom_review: '[1,2,3]' } }),
    });
    expect(edit.status).toBe(200);
    await app.host.services.review.pull(draftId);
    expect(app.host.services.review.problem(draftId)).toMatchObject({ messageKey: 'review.remoteInvalid' });

    await page.getByRole('button', { name: /^Review/ }).click();
    await expect.poll(() => panel(page).getByRole('status').allInnerTexts()).toEqual([expect.stringContaining('is damaged and was not used')]);
    expect(problems).toEqual([]);
  });
});
