import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useAppUnderTest } from '../support/app.ts';
import { captionText } from '../../electron/model/figure.ts';
import { imageIn } from '../support/photos.ts';

// Photos and attachments as a writer uses them: a photo dropped from the desktop, captioned,
// credited and described; a pasted screenshot; files attached, renamed, reordered and removed;
// and a file that is not what its name says, refused without touching the draft.

const app = useAppUnderTest('en-US');
let page: Page;
let problems: string[];

const HEADLINE = 'City council opens its new chamber';

interface FileSpec {
  name: string;
  type: string;
  bytes: Buffer;
}

const asArg = (files: FileSpec[]) => files.map(({ name, type, bytes }) => ({ name, type, base64: bytes.toString('base64') }));

// A drop from the OS, as Chromium delivers it: dragover then drop, a DataTransfer of Files, at a
// point inside the target.
async function dropFiles(target: string, files: FileSpec[]): Promise<void> {
  await page.evaluate(
    ({ target, files }) => {
      const element = document.querySelector(target)!;
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const rect = element.getBoundingClientRect();
      const point = { clientX: rect.left + 20, clientY: rect.bottom - 8 };
      element.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true, ...point }));
      element.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, ...point }));
    },
    { target, files: asArg(files) },
  );
}

// A paste as the clipboard gives it; a browser's "Copy image" adds a scrap of HTML with the file.
async function pasteFiles(files: FileSpec[], html = ''): Promise<void> {
  await page.evaluate(({ files, html }) => {
    const data = new DataTransfer();
    if (html) data.setData('text/html', html);
    for (const file of files) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.type }));
    }
    document.getElementById('article-body')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { files: asArg(files), html });
}

const body = () => page.getByRole('textbox', { name: 'Article body' });
const figures = () => body().locator('figure[data-media="figure"]');
const galleries = () => body().locator('figure[data-media="gallery"]');
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
const attachments = () => page.getByRole('region', { name: 'Attachments' });
const rows = () => attachments().getByRole('table').locator('tbody tr');

function storedDraft() {
  const summary = app.host.services.drafts.list('active').find((draft) => draft.headline === HEADLINE);
  return summary ? app.host.services.drafts.get(summary.id) : null;
}

function storedBlocks(type: 'figure' | 'gallery'): Array<Record<string, unknown>> {
  const draft = storedDraft();
  return (draft?.article.body.root.children ?? []).filter((block) => block.type === type) as Array<Record<string, unknown>>;
}

const storedFigures = () => storedBlocks('figure');

// The caret at the end of the first paragraph, once the editor has taken it in: a paste or a
// photo goes where the editor's selection is, which follows the browser's a moment later.
async function caretAfterFirstParagraph(): Promise<void> {
  await body().getByText('The chamber opened on Monday.').click();
  await page.keyboard.press('End');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = (document.getElementById('article-body') as unknown as { __lexicalEditor: { getEditorState(): { _selection: { focus?: { offset: number } } | null } } }).__lexicalEditor;
        return editor.getEditorState()._selection?.focus?.offset;
      }),
    )
    .toBe('The chamber opened on Monday.'.length);
}

async function reopen(): Promise<void> {
  await page.reload();
  await page.getByRole('option', { name: new RegExp(HEADLINE) }).click();
  await body().waitFor();
}

function pdf(): Buffer {
  const objects = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Page/MediaBox[0 0 612 792]/Parent 2 0 R>>'];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

// HWP 5: an OLE compound file (D0 CF 11 E0 A1 B1 1A E1) whose FileHeader stream starts with
// "HWP Document File".
function hwp(): Buffer {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.write('HWP Document File', 1024, 'ascii');
  return bytes;
}

beforeAll(async () => {
  // A publication whose caption mark is △: new drafts belong to it.
  app.host.services.preferences.update({
    publications: [{ id: 'city', name: 'City Magazine', issuePattern: '제YYYYMM호', captionPrefix: '△', footerTemplate: '', defaultSection: '', defaultSource: '' }],
  });
  ({ page, problems } = await app.openPage());
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Headline', exact: true }).fill(HEADLINE);
  await body().click();
  await page.keyboard.type('The chamber opened on Monday.');
});

describe('photos in the body', () => {
  test('a JPEG dropped on the body shows, and its caption, credit and alt text survive a reload', async () => {
    const jpeg = await imageIn('jpeg', 1600, 1200);
    await dropFiles('#article-body', [{ name: 'chamber.jpg', type: 'image/jpeg', bytes: jpeg }]);
    await expect.poll(() => figures().count()).toBe(1);
    const figure = figures().first();
    const image = figure.locator('img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // No alt text yet: a gentle warning says why it matters.
    await expect.poll(() => figure.getByText('No alt text yet').count()).toBe(1);

    await figure.getByRole('textbox', { name: 'Caption' }).click();
    await page.keyboard.type('The new chamber seats 47 members');
    await figure.getByRole('textbox', { name: 'Credit', exact: true }).fill('Photo: Kim Minji');
    await figure.getByRole('textbox', { name: 'Alt text', exact: true }).fill('Rows of wooden desks facing a raised podium');
    await page.keyboard.press('Tab');
    await expect.poll(() => figure.getByText('No alt text yet').count()).toBe(0);

    // The publication's caption mark is shown, never typed into the caption.
    expect(await figure.locator('.media-caption-prefix').innerText()).toBe('△');
    await expect
      .poll(() => storedFigures()[0])
      .toMatchObject({
        image: { credit: 'Photo: Kim Minji', alt: 'Rows of wooden desks facing a raised podium', width: 1600, height: 1200 },
      });
    await expect.poll(() => JSON.stringify(storedFigures()[0]?.caption)).toContain('The new chamber seats 47 members');
    expect(JSON.stringify(storedFigures()[0]?.caption)).not.toContain('△');

    const saves = () => app.host.calls.filter((call) => call.channel === 'drafts.save').length;
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    await reopen();
    const savesAtOpen = saves();
    const again = figures().first();
    await expect.poll(() => again.getByRole('textbox', { name: 'Caption' }).innerText()).toBe('The new chamber seats 47 members');
    expect(await again.getByRole('textbox', { name: 'Credit', exact: true }).inputValue()).toBe('Photo: Kim Minji');
    expect(await again.getByRole('textbox', { name: 'Alt text', exact: true }).inputValue()).toBe('Rows of wooden desks facing a raised podium');
    const shown = again.locator('img');
    expect(await shown.getAttribute('alt')).toBe('Rows of wooden desks facing a raised podium');
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await body().innerText()).toContain('The chamber opened on Monday.');
    // Opening a draft with a photo is not an edit: nothing is saved.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(saves()).toBe(savesAtOpen);
  });

  test('size and alignment are buttons that say which is chosen', async () => {
    const options = figures().first().getByRole('toolbar', { name: 'Photo options' });
    await options.getByRole('button', { name: 'Wide', exact: true }).click();
    await options.getByRole('button', { name: 'Align left' }).click();
    expect(await options.getByRole('button', { name: 'Wide', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await options.getByRole('button', { name: 'Inline', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => storedFigures()[0]).toMatchObject({ size: 'wide', align: 'left' });
  });

  test('find looks in captions too, in reading order, and replace all changes a caption with the body', async () => {
    await body().getByText('The chamber opened on Monday.').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+f');
    const find = page.getByRole('search', { name: 'Find and replace' });
    const findField = find.getByRole('textbox', { name: 'Find', exact: true });
    await findField.fill('chamber');
    const status = find.getByRole('status');
    await expect.poll(() => status.innerText()).toBe('1 of 2');
    // The match shown, and whether it is under the photo.
    const current = () =>
      page.evaluate(() => {
        const range = CSS.highlights.get('pressroom-find-current')?.values().next().value as Range | undefined;
        return range ? { text: range.toString(), inCaption: range.startContainer.parentElement?.closest('figure') !== null } : null;
      });
    expect(await current()).toEqual({ text: 'chamber', inCaption: false });
    await page.keyboard.press('Enter');
    await expect.poll(() => status.innerText()).toBe('2 of 2');
    expect(await current()).toEqual({ text: 'chamber', inCaption: true });

    await page.keyboard.press('Control+h');
    const replaceField = find.getByRole('textbox', { name: 'Replace with' });
    await replaceField.fill('hall');
    await find.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => status.innerText()).toBe('Replaced 2 matches');
    await expect.poll(() => captionText(storedFigures()[0]?.caption)).toBe('The new hall seats 47 members');
    expect(await body().innerText()).toContain('The hall opened on Monday.');

    // One at a time, back again. The search goes on from the caret, left after the body's last
    // replacement, so the caption's match comes first.
    await findField.fill('hall');
    await replaceField.fill('chamber');
    await expect.poll(() => status.innerText()).toBe('2 of 2');
    expect(await current()).toEqual({ text: 'hall', inCaption: true });
    await find.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect.poll(() => status.innerText()).toBe('1 of 1');
    expect(await current()).toEqual({ text: 'hall', inCaption: false });
    await find.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect.poll(() => captionText(storedFigures()[0]?.caption)).toBe('The new chamber seats 47 members');
    expect(await body().innerText()).toContain('The chamber opened on Monday.');
    // Escape leaves the caret at the match shown, here in the caption.
    await findField.fill('seats');
    await expect.poll(() => status.innerText()).toBe('1 of 1');
    await page.keyboard.press('Escape');
    expect(await find.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Caption');
  });

  test('a pasted screenshot, and an image copied from a web page, become photos', async () => {
    const png = await imageIn('png', 800, 500);
    await caretAfterFirstParagraph();
    await pasteFiles([{ name: 'image.png', type: 'image/png', bytes: png }]);
    await expect.poll(() => figures().count()).toBe(2);
    await expect.poll(() => figures().nth(1).locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => storedFigures().length).toBe(2);

    const copied = await imageIn('webp', 300, 200);
    await pasteFiles([{ name: 'image.webp', type: 'image/webp', bytes: copied }], '<meta charset="utf-8"><img src="https://example.com/photo.webp" alt="">');
    await expect.poll(() => storedFigures().length).toBe(3);
    await expect.poll(() => figures().count()).toBe(3);
    // Taken out again, so the counts below stay simple.
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedFigures().length).toBe(2);
  });

  test('from the body, Tab reaches a photo’s options, caption, credit and alt text', async () => {
    await body().getByText('The chamber opened on Monday.').click();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return element?.getAttribute('aria-label') ?? element?.labels?.[0]?.textContent ?? null;
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Inline');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Wide');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Caption');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Credit');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Alt text');
    // Typing in the fields never reaches the body.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+1');
    expect(await body().locator('h1').count()).toBe(0);
  });

  test('Hangul composed in a caption is saved whole, never half a syllable', async () => {
    const cdp = await page.context().newCDPSession(page);
    const screenshot = () => storedFigures().find((block) => (block.image as { width: number }).width === 800);
    const caption = figures().first().getByRole('textbox', { name: 'Caption' });
    await caption.click();
    const syllables: Array<[string[], string]> = [
      [['ㅂ', '부'], '부'],
      [['ㅅ', '사', '산'], '산'],
      [['ㅅ', '시'], '시'],
    ];
    for (const [stages, commit] of syllables) {
      for (const text of stages) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await cdp.send('Input.insertText', { text: commit });
    }
    // A syllable left mid-composition past the autosave delay is not written.
    await cdp.send('Input.imeSetComposition', { text: 'ㅇ', selectionStart: 1, selectionEnd: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(captionText(screenshot()?.caption)).toBe('부산시');
    await cdp.send('Input.imeSetComposition', { text: '의', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: '의' });
    await expect.poll(() => caption.innerText()).toBe('부산시의');
    await expect.poll(() => captionText(screenshot()?.caption)).toBe('부산시의');
    await cdp.detach();
  });

  test('one undo takes a dropped photo away, and the other photos keep their captions', async () => {
    await caretAfterFirstParagraph();
    const jpeg = await imageIn('jpeg', 640, 480);
    await dropFiles('#article-body', [{ name: 'extra.jpg', type: 'image/jpeg', bytes: jpeg }]);
    await expect.poll(() => figures().count()).toBe(3);
    await page.keyboard.press('Control+z');
    await expect.poll(() => figures().count()).toBe(2);
    await expect.poll(() => storedFigures().length).toBe(2);
    const captions = () => figures().getByRole('textbox', { name: 'Caption' }).allInnerTexts();
    await expect.poll(async () => (await captions()).map((text) => text.trim())).toContain('The new chamber seats 47 members');
  });

  test('a gallery from the toolbar: photos reordered and removed by keyboard, the last two become a photo keeping the caption', async () => {
    await caretAfterFirstParagraph();
    const photos = await Promise.all([160, 320, 480].map((width) => imageIn('jpeg', width, 240)));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert a gallery (2 to 6 photos)' }).click();
    await (await chooser).setFiles(photos.map((bytes, index) => ({ name: `gallery-${index + 1}.jpg`, mimeType: 'image/jpeg', buffer: bytes })));
    await expect.poll(() => galleries().count()).toBe(1);
    const gallery = galleries().first();
    expect(await gallery.getAttribute('aria-label')).toBe('Gallery of 3 photos');
    // Chosen from the toolbar: the caption is ready for typing.
    await expect.poll(focusedLabel).toBe('Gallery caption');
    await page.keyboard.type('Three views of the chamber');
    await gallery.getByRole('group', { name: 'Photo 1 of 3' }).getByRole('textbox', { name: 'Alt text', exact: true }).fill('The podium');
    await page.keyboard.press('Tab');
    await expect.poll(() => storedBlocks('gallery')[0]?.images).toMatchObject([{ alt: 'The podium', width: 160 }, { width: 320 }, { width: 480 }]);

    await gallery.getByRole('button', { name: 'Move photo 1 of 3 later' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => storedBlocks('gallery')[0]?.images).toMatchObject([{ width: 320 }, { alt: 'The podium', width: 160 }, { width: 480 }]);
    // The moved photo keeps the focus.
    expect(await focusedLabel()).toBe('Move photo 2 of 3 later');

    await gallery.getByRole('button', { name: 'Remove photo 3 of 3' }).click();
    await expect.poll(() => storedBlocks('gallery')[0]?.images).toMatchObject([{ width: 320 }, { width: 160 }]);
    // Focus is on the next photo's button; the undo key there is the body's, as on the toolbar.
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+z' : 'Control+z');
    await expect.poll(() => gallery.getAttribute('aria-label')).toBe('Gallery of 3 photos');
    await gallery.getByRole('button', { name: 'Remove photo 3 of 3' }).click();
    await expect.poll(() => storedBlocks('gallery')[0]?.images).toMatchObject([{ width: 320 }, { width: 160 }]);
    await gallery.getByRole('button', { name: 'Remove photo 1 of 2' }).click();
    await expect.poll(() => galleries().count()).toBe(0);
    await expect.poll(() => storedBlocks('gallery').length).toBe(0);
    const figure = storedFigures().find((block) => JSON.stringify(block.caption).includes('Three views of the chamber'));
    expect(figure).toMatchObject({ image: { alt: 'The podium', width: 160 } });
  });

  test('while suggesting changes, photos are neither added nor removed, and the editor is told why', async () => {
    const count = await figures().count();
    expect(count).toBeGreaterThan(0);
    const toggle = page.getByRole('button', { name: 'Suggest changes' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const problemsLine = page.locator('.media-problems');

    await figures().first().getByRole('button', { name: 'Remove the photo' }).click();
    await expect.poll(() => problemsLine.innerText()).toContain('Photos cannot be added or removed as a suggestion');
    await dropFiles('#article-body', [{ name: 'late.jpg', type: 'image/jpeg', bytes: await imageIn('jpeg', 320, 240) }]);
    // The photo chosen and Delete pressed: still there.
    await figures().first().locator('img').click();
    await page.keyboard.press('Delete');
    await page.waitForTimeout(300);
    expect(await figures().count()).toBe(count);
    expect(storedFigures().length).toBe(count);
    // Caption, credit and alt text cannot be changed unmarked either: read-only while suggesting.
    const caption = figures().first().getByRole('textbox', { name: 'Caption' });
    await expect.poll(() => caption.getAttribute('contenteditable')).toBe('false');
    expect(await figures().first().getByRole('textbox', { name: 'Credit' }).getAttribute('readonly')).not.toBeNull();
    // Nor by find and replace: the caption's match is found, and left as it is.
    await body().getByText('The chamber opened on Monday.').click();
    await page.keyboard.press('Control+h');
    const find = page.getByRole('search', { name: 'Find and replace' });
    await find.getByRole('textbox', { name: 'Find', exact: true }).fill('seats');
    await expect.poll(() => find.getByRole('status').innerText()).toBe('1 of 1');
    const replaceAll = find.getByRole('button', { name: 'Replace all' });
    expect(await replaceAll.isDisabled()).toBe(true);
    expect(await find.getByRole('button', { name: 'Replace', exact: true }).isDisabled()).toBe(true);
    expect(await find.innerText()).toContain('1 match is in read-only text');

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // Suggesting off, the caption can be changed again, by replace too.
    await expect.poll(() => replaceAll.isDisabled()).toBe(false);
    expect(await find.innerText()).not.toContain('read-only');
    await find.getByRole('textbox', { name: 'Find', exact: true }).press('Escape');
    await expect.poll(() => caption.getAttribute('contenteditable')).toBe('true');
    expect(await figures().first().getByRole('textbox', { name: 'Credit' }).getAttribute('readonly')).toBeNull();
    // Suggesting off, Remove takes the photo out.
    await figures().last().getByRole('button', { name: 'Remove the photo' }).click();
    await expect.poll(() => figures().count()).toBe(count - 1);
    await expect.poll(() => storedFigures().length).toBe(count - 1);
  });

  test('a photo whose file left the store says so', async () => {
    const png = storedFigures().find((block) => (block.image as { width: number }).width === 800)!;
    const id = (png.image as { assetId: string }).assetId;
    const original = join(app.data.path, 'assets', id.slice(0, 2), id);
    expect(existsSync(original)).toBe(true);
    rmSync(original);
    rmSync(`${original}.thumb.webp`, { force: true });
    await reopen();
    await expect.poll(() => body().getByText('Photo missing').count()).toBe(1);
    expect(await body().innerText()).toContain('Replace it to keep the caption');
  });

  test('a text file named .jpg is refused with a message, and the draft stays as it was', async () => {
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    const before = JSON.stringify(storedDraft()?.article);
    const figuresBefore = await figures().count();
    const savesBefore = app.host.calls.filter((call) => call.channel === 'drafts.save').length;
    await dropFiles('#article-body', [{ name: 'holiday.jpg', type: 'image/jpeg', bytes: Buffer.from('Not a photo, only some notes.\n') }]);
    const alert = page.locator('.media-problems[role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('“holiday.jpg” was not added');
    expect(await alert.innerText()).toContain('does not match its name');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await figures().count()).toBe(figuresBefore);
    expect(app.host.calls.filter((call) => call.channel === 'drafts.save').length).toBe(savesBefore);
    expect(JSON.stringify(storedDraft()?.article)).toBe(before);
  });
});

describe('attachments', () => {
  test('a PDF and an HWP file attached from the file chooser are listed with name, type and size after a reload', async () => {
    await attachments().locator('input[type="file"]').setInputFiles([
      { name: '보도자료.pdf', mimeType: 'application/pdf', buffer: pdf() },
      { name: '회의록.hwp', mimeType: 'application/x-hwp', buffer: hwp() },
    ]);
    await expect.poll(() => rows().count()).toBe(2);
    await expect.poll(() => storedDraft()?.article.attachments.map((item) => item.name)).toEqual(['보도자료.pdf', '회의록.hwp']);

    await reopen();
    await expect.poll(() => rows().count()).toBe(2);
    const first = await rows().nth(0).innerText();
    const second = await rows().nth(1).innerText();
    expect(first).toContain('보도자료.pdf');
    expect(first).toContain('PDF');
    expect(first).toMatch(/\d+ B/);
    expect(second).toContain('회의록.hwp');
    expect(second).toContain('Hangul (HWP)');
    expect(second).toContain('2 KB');
  });

  test('rename, reorder and remove, by keyboard, and the list stays so after a reload', async () => {
    await attachments().getByRole('button', { name: 'Rename 보도자료.pdf' }).click();
    const field = attachments().getByRole('textbox', { name: 'New name for 보도자료.pdf' });
    await field.fill('2025 보도자료');
    await field.press('Enter');
    await expect.poll(() => rows().nth(0).innerText()).toContain('2025 보도자료.pdf');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Rename 2025 보도자료.pdf');
    // Open hands the OS a copy under the name the writer gave it.
    await attachments().getByRole('button', { name: 'Open 2025 보도자료.pdf' }).click();
    await expect.poll(() => app.host.opened.at(-1) ?? '').toMatch(/2025 보도자료\.pdf$/);

    await attachments().getByRole('button', { name: 'Move 회의록.hwp up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().nth(0).innerText()).toContain('회의록.hwp');
    // At the top, focus moves to the button that can still act.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move 회의록.hwp down');
    await expect.poll(() => storedDraft()?.article.attachments.map((item) => item.name)).toEqual(['회의록.hwp', '2025 보도자료.pdf']);

    await reopen();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().nth(0).innerText()).toContain('회의록.hwp');
    await attachments().getByRole('button', { name: 'Remove 회의록.hwp' }).click();
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => storedDraft()?.article.attachments.map((item) => item.name)).toEqual(['2025 보도자료.pdf']);
    await reopen();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().nth(0).innerText()).toContain('2025 보도자료.pdf');
  });

  test('a file whose content does not match its name is not attached', async () => {
    await attachments().locator('input[type="file"]').setInputFiles([{ name: 'budget.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') }]);
    await expect.poll(() => attachments().getByRole('alert').innerText()).toContain('“budget.pdf” was not attached');
    expect(await rows().count()).toBe(1);
  });

  test('a document dropped on the body with a photo: the photo goes in the text, the document to the attachments', async () => {
    const before = await figures().count();
    await dropFiles('#article-body p', [
      // Another document than the one already attached (the store knows files by their content).
      { name: '결산.pdf', type: 'application/pdf', bytes: Buffer.concat([pdf(), Buffer.from('% 결산\n')]) },
      { name: 'drop.jpg', type: 'image/jpeg', bytes: await imageIn('jpeg', 120, 80) },
    ]);
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().nth(1).innerText()).toContain('결산.pdf');
    await expect.poll(() => figures().count()).toBe(before + 1);
    await expect.poll(() => storedDraft()?.article.attachments.map((item) => item.name)).toEqual(['2025 보도자료.pdf', '결산.pdf']);
    expect(await attachments().getByRole('alert').count()).toBe(0);
  });

  test('nothing went wrong in the page', () => {
    expect(problems).toEqual([]);
  });
});
