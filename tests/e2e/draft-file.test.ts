import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { paragraphsToBody } from '../support/articles.ts';
import { useAppUnderTest } from '../support/app.ts';
import { cameraJpeg } from '../support/photos.ts';

// A draft handed to someone on another machine: exported as one file from the open draft,
// imported from the library as a new draft with its photo, attachment and text.
const app = useAppUnderTest('en-US');

test('export a draft with a photo and an attachment, import it back as a new draft', async () => {
  const { services } = app.host;
  const photo = await services.assets.import('harbour.jpg', await cameraJpeg({ width: 1200, height: 900 }), 'image');
  const pdf = await services.assets.import('report.pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), 'attachment');
  const draft = services.drafts.create();
  const body = paragraphsToBody(['A paragraph that travels.']);
  body.root.children.push({
    type: 'figure',
    version: 1,
    image: { assetId: photo.id, alt: 'The harbour at dawn', credit: 'Kim', width: photo.width, height: photo.height },
    caption: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } },
    size: 'inline',
    align: 'center',
  });
  services.drafts.save(draft.id, draft.revision, {
    ...draft.article,
    headline: 'Handed over',
    body,
    attachments: [{ assetId: pdf.id, name: 'report.pdf', size: pdf.size, mime: pdf.mime }],
  });

  const { page, problems } = await app.openPage();
  await page.locator(`[data-draft-id="${draft.id}"]`).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => app.host.saved.length).toBe(1);
  const file = app.host.saved[0]!;
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Draft exported.' }).count()).toBe(1);
  expect(existsSync(file)).toBe(true);

  await page.locator('input[type=file][accept=".pressroom"]').setInputFiles(file);
  await expect.poll(() => page.getByText('Draft imported.').count()).toBe(1);
  await expect.poll(() => page.getByRole('textbox', { name: 'Headline' }).inputValue()).toBe('Handed over');
  // A new draft: the library now has two with that headline.
  await expect.poll(() => page.locator('.draft-item', { hasText: 'Handed over' }).count()).toBe(2);
  await expect.poll(() => page.getByRole('img', { name: 'The harbour at dawn' }).evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  await expect.poll(() => page.getByRole('table', { name: 'Attachments, in the order readers see them' }).getByText('report.pdf').count()).toBe(1);

  // A file that is not a draft is refused in words, and nothing opens.
  await page.locator('input[type=file][accept=".pressroom"]').setInputFiles({ name: 'notes.pressroom', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
  await expect.poll(() => page.getByRole('status').filter({ hasText: /not a Pressroom draft|draft file/i }).count()).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
