import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { cameraJpeg } from '../support/photos.ts';
import { memorySecretBox } from '../support/secret-box.ts';
import { useWordPress } from '../support/wordpress.ts';

// Publishing as a writer does it, in Chromium against the real services and the real WordPress:
// the site added in Settings, the check in the publish panel (and the fix it asks for), the
// progress and the live link, the public page, the outbox; and a contributor's account, which is
// never offered to publish.

const wordpress = useWordPress();
const app = useAppUnderTest('en-US', {
  services: {
    // The test machine has no OS keychain: a real cipher with a key held in memory stands in.
    secrets: memorySecretBox(),
    publishingBackoffMs: () => 200,
    assetCollectionDelayMs: 3_600_000,
  },
});

const TAG = randomBytes(4).toString('hex');
const HEADLINE = `Council opens its new chamber ${TAG}`;

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const sitesSection = (page: Page) => settings(page).getByRole('region', { name: 'WordPress sites' });
const panel = (page: Page) => page.getByRole('dialog', { name: 'Publish' });

async function addSite(page: Page, username: string, appPassword: string): Promise<void> {
  const form = sitesSection(page).getByRole('form', { name: 'Add a site' });
  await form.getByLabel('Site address').fill(wordpress().url);
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Application password').fill(appPassword);
  await form.getByRole('button', { name: 'Add site' }).click();
}

describe('publishing from the app', () => {
  test('add the site, fix what the check finds, publish, see the live page; a contributor is not offered Publish', async () => {
    const wp = wordpress();
    const { page, problems } = await app.openPage();

    // Settings → WordPress sites. A wrong application password is refused with what to do.
    await page.getByRole('button', { name: 'Settings' }).click();
    const sites = sitesSection(page);
    await sites.waitFor();
    // The memory keychain is secure: no warning about passwords kept in the clear.
    expect(await sites.getByRole('note').count()).toBe(0);
    await addSite(page, wp.users.author.username, 'abcd efgh ijkl mnop qrst uvwx');
    await expect.poll(() => sites.getByRole('alert').innerText(), { timeout: 20_000 }).toContain('did not accept the user name and application password');
    expect(await sites.getByRole('alert').innerText()).toContain('Users → Profile → Application Passwords');
    expect(app.host.services.sites.list()).toEqual([]);
    // The password field is a password field, and it keeps what was typed for a second try.
    const passwordField = sites.getByLabel('Application password');
    expect(await passwordField.getAttribute('type')).toBe('password');

    await passwordField.fill(wp.users.author.appPassword);
    await sites.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => app.host.services.sites.list().length, { timeout: 20_000 }).toBe(1);
    const authorSite = app.host.services.sites.list()[0]!;
    const authorItem = sites.getByRole('listitem', { name: authorSite.name });
    await authorItem.waitFor();
    const capabilities = authorItem.getByRole('definition');
    expect(await authorItem.innerText()).toContain(wp.users.author.username);
    expect(await authorItem.innerText()).toContain(wp.url.replace(/^https?:\/\//, ''));
    const allowed = authorItem.locator('.site-capabilities > div');
    await expect.poll(() => allowed.allInnerTexts()).toEqual([
      expect.stringMatching(/Publish posts\s+Yes/),
      expect.stringMatching(/Upload photos and files\s+Yes/),
      expect.stringMatching(/Edit other people’s posts\s+No/),
    ]);
    expect(await capabilities.count()).toBeGreaterThan(2);
    expect(await authorItem.innerText()).toContain('Pressroom companion plugin');
    // The form is empty again, ready for another site.
    expect(await sites.getByLabel('Application password').inputValue()).toBe('');
    await settings(page).getByRole('button', { name: 'Done' }).click();

    // A draft with a headline, body text and a photo; the byline is left for the check to find.
    await page.getByRole('button', { name: 'New draft' }).click();
    await page.getByLabel('Headline', { exact: true }).fill(HEADLINE);
    const body = page.getByRole('textbox', { name: 'Article body' });
    await body.click();
    await page.keyboard.insertText('The city council met today in its new chamber for the first time.');
    await page.keyboard.press('Enter');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert photos' }).click();
    await (await chooser).setFiles([{ name: 'chamber.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg({ width: 1600, height: 1200 }) }]);
    await expect.poll(() => body.locator('figure[data-media="figure"]').count(), { timeout: 20_000 }).toBe(1);

    // Publish…: the check runs at once and finds the empty byline and the missing alt text.
    const publishButton = page.getByRole('button', { name: 'Publish…' });
    await publishButton.click();
    const dialog = panel(page);
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Site' }).inputValue()).toBe(authorSite.id);
    expect(await dialog.getByRole('radio', { name: 'Publish now' }).isChecked()).toBe(true);
    const found = dialog.getByRole('list', { name: 'What the check found' });
    await expect.poll(() => found.getByRole('listitem').allInnerTexts(), { timeout: 20_000 }).toEqual([
      expect.stringContaining('The byline is empty'),
      expect.stringContaining('Photo 1 has no alt text'),
      expect.stringContaining('Photo 1 has no credit'),
    ]);
    const go = dialog.getByRole('button', { name: 'Publish now' });
    expect(await go.isDisabled()).toBe(true);
    expect(await dialog.getByRole('status').first().innerText()).toBe('2 problems to fix first.');

    // "Show" takes the writer to the photo's alt text; the panel stays open while they fix it.
    await found.getByRole('button', { name: 'Show: Photo 1 has no alt text.' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.media-alt') !== null)).toBe(true);
    await page.keyboard.type('Council members take their seats');
    await page.keyboard.press('Tab');
    await page.getByRole('textbox', { name: 'Byline', exact: true }).fill('Kim Minji');
    await expect.poll(() => found.getByRole('listitem').allInnerTexts(), { timeout: 20_000 }).toEqual([expect.stringContaining('Photo 1 has no credit')]);
    await expect.poll(() => dialog.getByRole('status').first().innerText()).toBe('Ready, with 1 warning.');
    await expect.poll(() => go.isEnabled()).toBe(true);

    // Publish now: the job runs and ends with the live link and the bytes all sent.
    await go.click();
    const job = dialog.getByRole('region', { name: 'Progress' });
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 45_000 }).toBe('done');
    expect(await job.innerText()).toContain(`Published on ${authorSite.name}.`);
    const bar = job.getByRole('progressbar', { name: 'Upload progress' });
    const max = Number(await bar.getAttribute('aria-valuemax'));
    expect(max).toBeGreaterThan(10_000);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(max);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^[\d.]+ (KB|MB) of [\d.]+ (KB|MB)$/);
    const link = job.getByRole('link');
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(wp.url)).toBe(true);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    // The public page, fetched as a reader would: the headline, the byline, the photo's alt text.
    const html = await (await fetch(href)).text();
    expect(html).toContain(HEADLINE);
    expect(html).toContain('Kim Minji');
    expect(html).toContain('Council members take their seats');

    // The post is live there now: the main button offers to update it, and unpublishing is offered.
    await expect.poll(() => dialog.getByRole('button', { name: 'Update' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await dialog.getByRole('radio', { name: 'Unpublish (take it off the site)' }).count()).toBe(1);
    expect(await dialog.innerText()).toContain(`Live on ${authorSite.name}.`);

    // The editor changes the title on the web; the next update stops rather than overwrite it,
    // and the writer can compare the site's version with theirs before keeping theirs.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const postId = app.host.services.publishing.remotePosts(app.host.services.drafts.list('active').find((d) => d.headline === HEADLINE)!.id)[0]!.postId;
    const webEdit = await wp.rest(`/wp/v2/posts/${postId}`, { as: 'editor', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Council meets (edited on the web)' }) });
    expect(webEdit.status).toBe(200);
    await dialog.getByRole('button', { name: 'Update' }).click();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 45_000 }).toBe('conflict');
    await job.getByRole('button', { name: 'Compare with the site’s version' }).click();
    const compared = job.locator('.site-compare .diff');
    await compared.waitFor({ timeout: 20_000 });
    expect(await compared.locator('del').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('edited on the web')]));
    expect(await compared.innerText()).toContain('Headline');
    await job.getByRole('button', { name: 'Keep mine (overwrite the site)' }).click();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 45_000 }).toBe('done');

    // Escape closes the panel and hands focus back to the button that opened it.
    await dialog.getByRole('radio', { name: 'Publish now' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Publish…');

    // The outbox lists the job with its headline, site and state; nothing is waiting.
    const outboxButton = page.locator('.outbox-button');
    await outboxButton.click();
    const outbox = page.getByRole('dialog', { name: 'Outbox' });
    // (Other jobs for the draft, such as review notes sent after it, may be listed beside it.)
    // (The first publish and the update kept after the conflict.)
    const published = outbox.getByRole('row', { name: new RegExp(HEADLINE) }).filter({ hasText: 'Publish now' });
    await expect.poll(() => published.count()).toBe(2);
    for (const text of await published.allInnerTexts()) expect(text).toMatch(new RegExp(`${authorSite.name}\\s+Publish now\\s+Done`));
    await outbox.getByRole('button', { name: 'Close' }).click();

    // A contributor's account on the same site: it may send for review, never publish.
    await page.getByRole('button', { name: 'Settings' }).click();
    await addSite(page, wp.users.contributor.username, wp.users.contributor.appPassword);
    await expect.poll(() => app.host.services.sites.list().length, { timeout: 20_000 }).toBe(2);
    const contributorSite = app.host.services.sites.list().find((site) => site.username === wp.users.contributor.username)!;
    const contributorItem = sites.getByRole('listitem').filter({ hasText: wp.users.contributor.username });
    await expect.poll(() => contributorItem.locator('.site-capabilities > div').first().innerText()).toMatch(/Publish posts\s+No/);
    expect(await contributorItem.innerText()).toContain('may send articles for review');
    await settings(page).getByRole('button', { name: 'Done' }).click();

    await publishButton.click();
    await dialog.waitFor();
    // The site used last comes first; the writer picks the contributor's account.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Site' }).inputValue()).toBe(authorSite.id);
    await dialog.getByRole('combobox', { name: 'Site' }).selectOption(contributorSite.id);
    const radios = dialog.getByRole('radio');
    await expect.poll(async () => Promise.all((await radios.all()).map((radio) => radio.getAttribute('value')))).toEqual(['pending', 'draft']);
    expect(await dialog.getByRole('radio', { name: 'Publish now' }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: 'Schedule' }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: 'Send for review' }).isChecked()).toBe(true);
    expect(await dialog.innerText()).toContain('This account may not publish');
    // The photo is more than this account may upload: the check says so and the button waits.
    await expect.poll(() => found.getByRole('listitem').first().innerText(), { timeout: 20_000 }).toContain('may not upload files');
    expect(await dialog.getByRole('button', { name: 'Send for review' }).isDisabled()).toBe(true);

    expect(problems).toEqual([]);
  });

  test('offline: the job waits and says when it tries again, the outbox counts it, Cancel stops it; back online it publishes', async () => {
    const wp = wordpress();
    const proxy = await startFaultProxy(wp.url);
    try {
      // Every attempt to create the post loses its connection, as on a train going through a tunnel.
      proxy.rule = ({ method, route }) => (method === 'POST' && route === '/wp/v2/posts' ? 'dropBefore' : 'pass');
      const site = await app.host.services.sites.add(proxy.url, wp.users.editor.username, wp.users.editor.appPassword);
      const { page, problems } = await app.openPage();
      const headline = `Tunnel edition ${TAG}`;
      await page.getByRole('button', { name: 'New draft' }).click();
      await page.getByLabel('Headline', { exact: true }).fill(headline);
      await page.getByRole('textbox', { name: 'Byline', exact: true }).fill('Lee Jiwoo');
      await page.getByRole('textbox', { name: 'Article body' }).click();
      await page.keyboard.insertText('Written on the road.');

      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = panel(page);
      await dialog.getByRole('combobox', { name: 'Site' }).selectOption(site.id);
      await expect.poll(() => dialog.getByRole('status').first().innerText(), { timeout: 20_000 }).toBe('Everything is ready.');
      await dialog.getByRole('button', { name: 'Publish now' }).click();

      const job = dialog.getByRole('region', { name: 'Progress' });
      // It tries again every 200 ms here, so the waiting message comes and goes: caught once whole.
      await expect
        .poll(() => job.locator('.job-waiting').allInnerTexts(), { timeout: 20_000 })
        .toEqual([expect.stringMatching(new RegExp(`^Could not reach ${new URL(proxy.url).host}\\..* Will try again at \\d{1,2}:\\d{2}( [AP]M)?\\.$`))]);
      // The sidebar's outbox says one article is still on its way.
      await expect
        .poll(() => page.locator('.outbox-button').getAttribute('aria-label'))
        .toBe('Outbox, 1 article waiting to be sent');

      // Cancel: nothing more is sent, and it is said aloud.
      await job.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('cancelled');
      expect(await job.innerText()).toContain('Cancelled. Nothing more is sent');
      await expect.poll(() => page.locator('.outbox-button').getAttribute('aria-label')).toBe('Outbox');
      await expect.poll(() => page.locator('.outbox-announcer').innerText()).toBe(`“${headline}”: cancelled.`);
      const attempts = proxy.seen.filter((request) => request.method === 'POST' && request.route === '/wp/v2/posts').length;
      expect(attempts).toBeGreaterThan(0);

      // Back online: publishing again goes through, once.
      proxy.rule = () => 'pass';
      await dialog.getByRole('button', { name: 'Publish now' }).click();
      await expect.poll(() => job.getAttribute('data-state'), { timeout: 45_000 }).toBe('done');
      const href = (await job.getByRole('link').getAttribute('href'))!;
      expect(await (await fetch(href)).text()).toContain(headline);
      const posts = (await (await wp.rest(`/wp/v2/posts?search=${encodeURIComponent(headline)}&status=publish,draft,pending&_fields=id`, { as: 'admin' })).json()) as unknown[];
      expect(posts).toHaveLength(1);
      expect(problems).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
