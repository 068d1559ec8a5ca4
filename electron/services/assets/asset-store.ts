import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AssetInfo, AssetPurpose, AssetStatus, MediaPreferences } from '../../model/asset.ts';

type AssetState = AssetStatus['state'];
import { acceptFile } from './accept.ts';
import { type AssetRecord, readRecord, writeRecord } from './asset-record.ts';
import { assetErrors } from './asset-errors.ts';
import { TEMP_PREFIX, writeFileAtomic } from './atomic-write.ts';
import { limitConcurrency } from './concurrency.ts';
import { type DerivativeOptions, makeDerivative } from './derivative.ts';
import { type FileType, kindOfMime } from './file-types.ts';
import { sha256Hex, sha256OfFile } from './hash.ts';
import { sniff } from './sniff.ts';
import { FOLDER_PATTERN, ID_PATTERN, StoreLayout } from './store-layout.ts';
import { type Processed, processImage } from './thumbnail.ts';

export interface AssetStoreOptions {
  // <dataDir>/assets
  root: string;
  media: () => MediaPreferences;
  now?: () => Date;
  // How many photos are decoded at once (import thumbnails, derivatives, repaired thumbnails).
  imageConcurrency?: number;
}

export interface Derivative {
  path: string;
  mime: string;
  width: number;
  height: number;
  size: number;
}

// The files of photos and attachments, kept by the sha256 of their bytes: the same photo
// dropped twice is one file, and an id can only ever name a file inside the store.
export class AssetStore {
  readonly layout: StoreLayout;
  readonly #options: AssetStoreOptions;
  readonly #imageWork: <T>(task: () => Promise<T>) => Promise<T>;
  // One derivative per key is made at a time; a second request waits for the first.
  readonly #derivatives = new Map<string, Promise<Derivative>>();
  // Files found whole by a rehash, with the size and modification time they had then. Checking
  // a draft's thirty photos each time it is opened would otherwise read them all again; a file
  // changed since is rehashed.
  readonly #verified = new Map<string, { size: number; mtimeMs: number }>();

  constructor(options: AssetStoreOptions) {
    this.#options = options;
    this.layout = new StoreLayout(options.root);
    this.#imageWork = limitConcurrency(options.imageConcurrency ?? 2);
  }

  // Checks the file (size, type, name, pixels), then stores it unless the same bytes are
  // already there. Nothing is written for a file that is refused.
  async import(rawName: string, bytes: Uint8Array, purpose: AssetPurpose): Promise<AssetInfo> {
    const accepted = acceptFile(rawName, bytes, purpose, this.#options.media().maxFileMb);
    const id = await sha256Hex(bytes);
    // First, so garbage collection (which spares anything imported in the last hour) cannot take
    // the file between this import finding it and the draft that will refer to it being saved.
    this.#touch(id);
    let record = await readRecord(this.layout.record(id));
    const originalWhole = await this.#originalMatches(id, bytes.byteLength);
    const wantsImage = accepted.type.image && !(record?.thumbnail && existsSync(this.layout.thumbnail(id)));
    if (!record || !originalWhole || wantsImage) {
      const processed = wantsImage ? await this.#process(bytes, accepted.type, purpose) : undefined;
      await mkdir(this.layout.folder(id), { recursive: true });
      if (!originalWhole) await writeFileAtomic(this.layout.original(id), bytes);
      if (processed) await writeFileAtomic(this.layout.thumbnail(id), processed.thumbnail);
      record = {
        version: 1,
        mime: accepted.type.mime,
        size: bytes.byteLength,
        width: processed?.width ?? record?.width ?? null,
        height: processed?.height ?? record?.height ?? null,
        name: record?.name ?? accepted.name,
        thumbnail: processed !== undefined || (record?.thumbnail ?? false),
      };
      await writeRecord(this.layout.record(id), record);
      this.#touch(id);
    }
    return { id, mime: record.mime, size: record.size, name: accepted.name, width: record.width, height: record.height };
  }

  record(id: string): Promise<AssetRecord | undefined> {
    return readRecord(this.layout.record(id));
  }

  async check(ids: readonly string[]): Promise<AssetStatus[]> {
    const statuses: AssetStatus[] = [];
    for (const id of ids) statuses.push({ id, state: await this.state(id) });
    return statuses;
  }

  // 'missing' when the file is gone, 'damaged' when its bytes no longer hash to its name.
  async state(id: string): Promise<AssetState> {
    const path = this.layout.original(id);
    let info;
    try {
      info = await stat(path);
    } catch {
      return 'missing';
    }
    const known = this.#verified.get(id);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return 'ok';
    let hash: string;
    try {
      hash = await sha256OfFile(path);
    } catch {
      return 'missing';
    }
    if (hash !== id) {
      this.#verified.delete(id);
      return 'damaged';
    }
    this.#verified.set(id, { size: info.size, mtimeMs: info.mtimeMs });
    return 'ok';
  }

  // The original's bytes, refused unless they still hash to the id.
  async readOriginal(id: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.layout.original(id));
    } catch {
      throw assetErrors.notFound();
    }
    if ((await sha256Hex(bytes)) !== id) throw assetErrors.damaged();
    return bytes;
  }

  // The type the stored bytes are: from the record, or read again from the bytes when the record
  // is gone.
  async typeOf(id: string, bytes?: Uint8Array): Promise<FileType | undefined> {
    const record = await this.record(id);
    const known = record ? kindOfMime(record.mime) : undefined;
    if (known) return known;
    const sniffed = sniff(bytes ?? (await this.readOriginal(id)));
    return sniffed && 'type' in sniffed ? sniffed.type : undefined;
  }

  // The editor's thumbnail. One lost from the folder is made again from the original.
  async thumbnail(id: string): Promise<Buffer | null> {
    try {
      return await readFile(this.layout.thumbnail(id));
    } catch {
      // Not there: rebuilt below when the original is a photo.
    }
    const record = await this.record(id);
    const type = record ? kindOfMime(record.mime) : undefined;
    if (!type?.image) return null;
    try {
      const original = await this.readOriginal(id);
      const processed = await this.#imageWork(() => processImage(original, type.kind));
      await writeFileAtomic(this.layout.thumbnail(id), processed.thumbnail);
      if (!record!.thumbnail) await writeRecord(this.layout.record(id), { ...record!, thumbnail: true });
      return processed.thumbnail;
    } catch {
      return null;
    }
  }

  // The copy of a photo for publishing, made once per (photo, long edge, metadata choice) and
  // kept in derived/ for the next publish.
  derivative(id: string, options?: Partial<DerivativeOptions>): Promise<Derivative> {
    const media = this.#options.media();
    const settled: DerivativeOptions = {
      longEdge: options?.longEdge ?? media.publishLongEdge,
      stripPrivateMetadata: options?.stripPrivateMetadata ?? media.stripPrivateMetadata,
    };
    const key = `${id}-${settled.longEdge}-${settled.stripPrivateMetadata}`;
    const pending = this.#derivatives.get(key);
    if (pending) return pending;
    const work = this.#derive(id, settled).finally(() => this.#derivatives.delete(key));
    this.#derivatives.set(key, work);
    return work;
  }

  async #derive(id: string, options: DerivativeOptions): Promise<Derivative> {
    if (!Number.isInteger(options.longEdge) || options.longEdge < 1) throw new Error('the long edge is a positive whole number of pixels');
    for (const [extension, mime] of DERIVED_TYPES) {
      const path = this.layout.derivative(id, options.longEdge, options.stripPrivateMetadata, extension);
      if (!existsSync(path)) continue;
      try {
        const meta = await sharp(path).metadata();
        return { path, mime, width: meta.width, height: meta.pageHeight ?? meta.height, size: statSync(path).size };
      } catch {
        // A cached copy that no longer reads is made again.
      }
    }
    const original = await this.readOriginal(id);
    const type = await this.typeOf(id, original);
    if (!type?.image) throw assetErrors.unsupportedType((await this.record(id))?.name ?? id);
    const output = await this.#imageWork(() => makeDerivative(original, type.kind, options));
    const path = this.layout.derivative(id, options.longEdge, options.stripPrivateMetadata, output.extension);
    await mkdir(this.layout.derivedFolder(id), { recursive: true });
    await writeFileAtomic(path, output.data);
    return { path, mime: output.mime, width: output.width, height: output.height, size: output.data.byteLength };
  }

  // Every id with anything in the store (an original, a record, a thumbnail).
  ids(): string[] {
    const found = new Set<string>();
    for (const folder of safeList(this.layout.root)) {
      if (!FOLDER_PATTERN.test(folder)) continue;
      for (const name of safeList(join(this.layout.root, folder))) {
        const id = name.slice(0, 64);
        if (ID_PATTERN.test(id) && id.startsWith(folder)) found.add(id);
      }
    }
    return [...found];
  }

  // When the asset was last imported (its record's modification time, set on every import).
  lastImported(id: string): number {
    for (const path of [this.layout.record(id), this.layout.original(id)]) {
      try {
        return statSync(path).mtimeMs;
      } catch {
        // Try the next.
      }
    }
    return 0;
  }

  // Synchronous, so nothing can run between garbage collection's last look at the asset and
  // its removal.
  removeNow(id: string): void {
    rmSync(this.layout.original(id), { force: true });
    rmSync(this.layout.thumbnail(id), { force: true });
    rmSync(this.layout.record(id), { force: true });
    for (const name of safeList(this.layout.derivedFolder(id))) {
      if (name.startsWith(`${id}-`)) rmSync(join(this.layout.derivedFolder(id), name), { force: true });
    }
    this.#verified.delete(id);
  }

  // Temporary files a crash left behind, older than `before` (a younger one may be a write
  // under way).
  sweepTemporaries(before: number): number {
    let removed = 0;
    const folders = [
      ...safeList(this.layout.root).filter((name) => FOLDER_PATTERN.test(name)).map((name) => join(this.layout.root, name)),
      ...safeList(this.layout.derivedRoot).filter((name) => FOLDER_PATTERN.test(name)).map((name) => join(this.layout.derivedRoot, name)),
    ];
    for (const folder of folders) {
      for (const name of safeList(folder)) {
        if (!name.startsWith(TEMP_PREFIX)) continue;
        const path = join(folder, name);
        try {
          if (statSync(path).mtimeMs < before) {
            rmSync(path, { force: true });
            removed++;
          }
        } catch {
          // Gone already.
        }
      }
    }
    return removed;
  }

  async #originalMatches(id: string, size: number): Promise<boolean> {
    const path = this.layout.original(id);
    try {
      if ((await stat(path)).size !== size) return false;
      return (await sha256OfFile(path)) === id;
    } catch {
      return false;
    }
  }

  // Photos meant for the body must decode; a photo attached as a file to download is stored
  // even when it does not (the reader's own viewer may do better), just without a thumbnail.
  async #process(bytes: Uint8Array, type: FileType, purpose: AssetPurpose): Promise<Processed | undefined> {
    try {
      return await this.#imageWork(() => processImage(bytes, type.kind));
    } catch (error) {
      if (purpose === 'image') throw error;
      return undefined;
    }
  }

  #touch(id: string): void {
    const at = this.#now();
    try {
      utimesSync(this.layout.record(id), at, at);
    } catch {
      // Not stored yet: the import writes it with the current time.
    }
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }
}

// The formats a derivative can be in (see derivative.ts), by the extension its file has.
const DERIVED_TYPES = [
  ['jpg', 'image/jpeg'],
  ['png', 'image/png'],
  ['gif', 'image/gif'],
] as const;

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
