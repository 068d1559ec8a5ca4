import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ArticleFields } from '../../electron/model/article.ts';
import { AppError } from '../../electron/model/errors.ts';
import { readDraftArchive } from '../../electron/services/assets/draft-import.ts';
import type { Services } from '../../electron/services/index.ts';
import { createServices } from '../../electron/services/index.ts';
import { paragraphsToBody } from '../support/articles.ts';
import { cameraJpeg, imageIn } from '../support/photos.ts';
import { rawZip } from '../support/raw-zip.ts';
import { type TempDir, tempDir } from '../support/temp.ts';
import Conf from 'conf';

// A draft exported as one file and imported on another machine (here, another data folder).

let dir: TempDir;
let sender: Services;
let receiver: Services;
let chosen: string | null;
const suggested: string[] = [];

function servicesAt(path: string): Services {
  return createServices({
    dataDir: path,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: path, configName: 'preferences', projectName: 'pressroom' }),
    events: { emit() {} },
    chooseSavePath: async (name) => {
      suggested.push(name);
      return chosen;
    },
  });
}

beforeEach(() => {
  dir = tempDir();
  chosen = join(dir.path, 'handoff.pressroom');
  suggested.length = 0;
  sender = servicesAt(join(dir.path, 'sender'));
  receiver = servicesAt(join(dir.path, 'receiver'));
});
afterEach(() => {
  sender.close();
  receiver.close();
  dir.remove();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.toPayload();
    throw error;
  }
  throw new Error('expected a refusal');
}

function withAssets(article: ArticleFields, photo: string, attachment: { id: string; name: string; size: number }): ArticleFields {
  const body = paragraphsToBody(['부산 사진 기사', '둘째 문단']);
  body.root.children.splice(1, 0, {
    type: 'figure',
    version: 1,
    image: { assetId: photo, alt: '해운대 전경', credit: '사진부', width: 3000, height: 4000 },
    caption: { root: { type: 'root', children: [] } },
    size: 'wide',
    align: 'center',
  });
  return { ...article, headline: '해운대의 봄', body, attachments: [{ assetId: attachment.id, name: attachment.name, size: attachment.size, mime: 'application/pdf' }] };
}

async function draftWithHistory() {
  const photo = await sender.assets.import('IMG_0042.JPG', await cameraJpeg({ width: 1200, height: 900, orientation: 6 }), 'image');
  const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
  const attachment = await sender.assets.import('보도자료.pdf', pdf, 'attachment');
  const oldPhoto = await sender.assets.import('old.png', await imageIn('png', 64, 64), 'image');
  const draft = sender.drafts.create();
  // An earlier version had another photo: the history needs it too.
  sender.drafts.save(draft.id, draft.revision, withAssets(draft.article, oldPhoto.id, attachment));
  sender.drafts.saveVersion(draft.id);
  const current = sender.drafts.get(draft.id);
  sender.drafts.save(draft.id, current.revision, withAssets(current.article, photo.id, attachment));
  sender.drafts.setStatus(draft.id, 'in_review');
  return { draft: sender.drafts.get(draft.id), photo, attachment, oldPhoto };
}

describe('exporting and importing a draft', () => {
  test('round trip: a new draft with the same article, its revisions and its assets', async () => {
    const { draft, photo, attachment, oldPhoto } = await draftWithHistory();
    expect(await sender.assets.exportDraft(draft.id)).toEqual({ saved: true });
    expect(suggested).toEqual(['해운대의 봄.pressroom']);
    expect(readdirSync(dir.path).filter((name) => name.includes('.tmp-'))).toEqual([]);

    const bytes = readFileSync(chosen!);
    const entries = Object.keys(unzipSync(bytes)).sort();
    expect(entries).toEqual([...[photo.id, attachment.id, oldPhoto.id].map((id) => `assets/${id}`), 'draft.json', 'manifest.json', 'revisions.json'].sort());

    const imported = await receiver.assets.importDraft(bytes);
    expect(imported.id).not.toBe(draft.id);
    expect(imported.article).toEqual(draft.article);
    expect(imported.status).toBe('in_review');
    expect(await receiver.assets.check([photo.id, attachment.id, oldPhoto.id])).toEqual([
      { id: photo.id, state: 'ok' },
      { id: attachment.id, state: 'ok' },
      { id: oldPhoto.id, state: 'ok' },
    ]);
    expect(await receiver.assets.store.record(photo.id)).toMatchObject({ width: 900, height: 1200, thumbnail: true });

    // Every text the sender's history had is in the receiver's.
    const articlesOf = (services: Services, id: string) =>
      services.drafts.listRevisions(id).map((summary) => JSON.stringify(services.drafts.getRevision(summary.id).article));
    const sent = new Set(articlesOf(sender, draft.id));
    const received = new Set(articlesOf(receiver, imported.id));
    for (const article of sent) expect(received.has(article)).toBe(true);
    expect(receiver.drafts.list('active').map((summary) => summary.id)).toEqual([imported.id]);
  });

  test('a cancelled save dialog writes nothing', async () => {
    const { draft } = await draftWithHistory();
    chosen = null;
    expect(await sender.assets.exportDraft(draft.id)).toEqual({ saved: false });
    expect(readdirSync(dir.path).sort()).toEqual(['receiver', 'sender']);
  });

  test('importing the same file twice makes two drafts and stores each asset once', async () => {
    const { draft } = await draftWithHistory();
    await sender.assets.exportDraft(draft.id);
    const bytes = readFileSync(chosen!);
    const first = await receiver.assets.importDraft(bytes);
    const second = await receiver.assets.importDraft(bytes);
    expect(second.id).not.toBe(first.id);
    expect(receiver.assets.store.ids().sort()).toEqual(sender.assets.store.ids().sort());
  });
});

describe('hostile or broken draft files', () => {
  async function validArchive(): Promise<Record<string, Uint8Array>> {
    const { draft } = await draftWithHistory();
    await sender.assets.exportDraft(draft.id);
    return unzipSync(readFileSync(chosen!));
  }

  const nothingImported = () => {
    expect(receiver.drafts.list('active')).toEqual([]);
    expect(receiver.assets.store.ids()).toEqual([]);
  };

  test('entry names that climb out, are absolute, or are not ours are refused', async () => {
    const entries = await validArchive();
    for (const name of ['../evil.txt', '/etc/passwd', 'assets/../../evil', 'assets\\..\\evil', 'C:\\evil', `assets/${'a'.repeat(64)}/x`, '__proto__', 'extra.json']) {
      const bytes = rawZip([...Object.entries(entries), [name, strToU8('x')]]);
      expect(await refusal(receiver.assets.importDraft(bytes))).toEqual({ code: 'invalid_input', messageKey: 'drafts.importInvalid' });
    }
    // The same name twice: which one would count is the zip reader's guess, so neither does.
    expect((await refusal(receiver.assets.importDraft(rawZip([...Object.entries(entries), ['draft.json', entries['draft.json']!]]))))).toMatchObject({
      messageKey: 'drafts.importInvalid',
    });
    expect(existsSync(join(dir.path, 'evil.txt'))).toBe(false);
    nothingImported();
  });

  test('an asset whose bytes do not hash to its name is refused', async () => {
    const entries = await validArchive();
    const name = Object.keys(entries).find((entry) => entry.startsWith('assets/'))!;
    const tampered = { ...entries, [name]: strToU8('%PDF-1.7 something else') };
    expect((await refusal(receiver.assets.importDraft(zipSync(tampered)))).messageKey).toBe('drafts.importInvalid');
    nothingImported();
  });

  test('an asset entry the manifest does not list, or one it lists but is absent, is refused', async () => {
    const entries = await validArchive();
    const extra = strToU8('an unlisted text file');
    expect((await refusal(receiver.assets.importDraft(zipSync({ ...entries, [`assets/${sha256(extra)}`]: extra })))).messageKey).toBe('drafts.importInvalid');
    const name = Object.keys(entries).find((entry) => entry.startsWith('assets/'))!;
    const missing = Object.fromEntries(Object.entries(entries).filter(([entry]) => entry !== name));
    expect((await refusal(receiver.assets.importDraft(zipSync(missing)))).messageKey).toBe('drafts.importInvalid');
    nothingImported();
  });

  test('oversized entries, too many entries and too much in total are refused before inflating', async () => {
    const entries = await validArchive();
    const limits = { maxEntries: 10, maxTotalBytes: 8 * 1024 * 1024, maxJsonBytes: 1024 * 1024, maxAssetBytes: 2 * 1024 * 1024 };
    // 16 MB of zeros deflates to 16 KB: the declared size gives it away.
    const bomb = zipSync({ ...entries, 'revisions.json': new Uint8Array(16 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(await refusal(readDraftArchive(bomb, limits))).toEqual({ code: 'invalid_input', messageKey: 'drafts.importTooLarge', params: { limitMb: 1 } });
    expect((await refusal(receiver.assets.importDraft(bomb))).messageKey).toBe('drafts.importInvalid');

    const zeros = new Uint8Array(3 * 1024 * 1024);
    const big = zipSync({ ...entries, [`assets/${sha256(zeros)}`]: zeros });
    expect(await refusal(readDraftArchive(big, limits))).toMatchObject({ messageKey: 'drafts.importTooLarge', params: { limitMb: 2 } });

    const many: Record<string, Uint8Array> = { ...entries };
    for (let n = 0; n < 20; n++) {
      const content = strToU8(`file ${n}`);
      many[`assets/${sha256(content)}`] = content;
    }
    expect((await refusal(readDraftArchive(zipSync(many), limits))).messageKey).toBe('drafts.importInvalid');

    const total: Record<string, Uint8Array> = { ...entries };
    for (let n = 0; n < 5; n++) {
      const content = new Uint8Array(2 * 1024 * 1024 - 1).fill(n + 1);
      total[`assets/${sha256(content)}`] = content;
    }
    expect(await refusal(readDraftArchive(zipSync(total), limits))).toMatchObject({ messageKey: 'drafts.importTooLarge', params: { limitMb: 8 } });
    nothingImported();
  });

  test('not a zip, a foreign zip, a newer format, or an article that fails its schema is refused', async () => {
    const entries = await validArchive();
    expect((await refusal(receiver.assets.importDraft(strToU8('just text')))).messageKey).toBe('drafts.importInvalid');
    expect((await refusal(receiver.assets.importDraft(zipSync({ 'word/document.xml': strToU8('<x/>') })))).messageKey).toBe('drafts.importInvalid');
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Record<string, unknown>;
    const newer = { ...entries, 'manifest.json': strToU8(JSON.stringify({ ...manifest, version: 2 })) };
    expect((await refusal(receiver.assets.importDraft(zipSync(newer)))).messageKey).toBe('drafts.importNewerFormat');
    const draft = JSON.parse(new TextDecoder().decode(entries['draft.json'])) as { article: Record<string, unknown> };
    const badArticle = { ...entries, 'draft.json': strToU8(JSON.stringify({ ...draft, article: { ...draft.article, headline: 'x'.repeat(600) } })) };
    expect((await refusal(receiver.assets.importDraft(zipSync(badArticle)))).messageKey).toBe('drafts.importInvalid');
    nothingImported();
  });

  test('an asset of a type the store refuses stops the import before anything is stored', async () => {
    const entries = await validArchive();
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const id = sha256(exe);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as { assets: unknown[] };
    manifest.assets.push({ id, size: exe.length, mime: 'application/octet-stream', name: 'run.exe' });
    const bytes = zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)), [`assets/${id}`]: exe });
    expect((await refusal(receiver.assets.importDraft(bytes))).messageKey).toBe('assets.unsupportedType');
    nothingImported();
  });
});
