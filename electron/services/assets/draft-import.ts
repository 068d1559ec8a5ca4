import { unzipSync } from 'fflate';
import type { z } from 'zod';
import type { Draft } from '../../model/article.ts';
import { AppError } from '../../model/errors.ts';
import { acceptFile, MB } from './accept.ts';
import { archiveErrors } from './asset-errors.ts';
import type { AssetStore } from './asset-store.ts';
import {
  ArchivedDraft,
  ArchivedRevisions,
  ARCHIVE_VERSION,
  ASSET_ENTRY,
  DRAFT,
  type ImportedDraft,
  MANIFEST,
  Manifest,
  ManifestHeader,
  REVISIONS,
} from './draft-archive-format.ts';
import { sha256Hex } from './hash.ts';

// The file came from someone else: every part is checked before anything is stored. Entry
// names are matched exactly (so no "../" or absolute path can even be looked at), sizes are
// read from the zip's directory and bounded before anything is inflated (a zip bomb is refused,
// not unpacked), every asset must hash to its name, and every JSON part must pass its schema.

export interface ArchiveLimits {
  maxEntries: number;
  // All entries together, decompressed.
  maxTotalBytes: number;
  // manifest.json, draft.json, revisions.json each.
  maxJsonBytes: number;
  // Each asset: the store's own size limit.
  maxAssetBytes: number;
}

export function defaultLimits(maxFileMb: number): ArchiveLimits {
  return { maxEntries: 3 + 2000, maxTotalBytes: 1024 * MB, maxJsonBytes: 256 * MB, maxAssetBytes: maxFileMb * MB };
}

export interface DraftArchive {
  draft: ImportedDraft;
  assets: Array<{ id: string; name: string; bytes: Uint8Array }>;
}

export async function readDraftArchive(bytes: Uint8Array, limits: ArchiveLimits): Promise<DraftArchive> {
  if (bytes.byteLength > limits.maxTotalBytes) throw archiveErrors.tooLarge(Math.floor(limits.maxTotalBytes / MB));
  const entries = unpack(bytes, limits);

  const header = ManifestHeader.safeParse(json(entries.get(MANIFEST)));
  if (!header.success) throw archiveErrors.invalid();
  if (header.data.version > ARCHIVE_VERSION) throw archiveErrors.newerFormat();
  const manifest = parse(Manifest, json(entries.get(MANIFEST)));
  const draft = parse(ArchivedDraft, json(entries.get(DRAFT)));
  const revisions = parse(ArchivedRevisions, json(entries.get(REVISIONS)));

  // The manifest and the asset entries must name the same files, and each file must be the
  // bytes its name is the hash of.
  const assetEntries = [...entries.keys()].filter((name) => ASSET_ENTRY.test(name));
  const listed = new Map(manifest.assets.map((asset) => [asset.id, asset]));
  if (listed.size !== manifest.assets.length || listed.size !== assetEntries.length) throw archiveErrors.invalid();
  const assets: DraftArchive['assets'] = [];
  for (const entry of assetEntries) {
    const id = ASSET_ENTRY.exec(entry)![1]!;
    const asset = listed.get(id);
    const content = entries.get(entry)!;
    if (!asset || (await sha256Hex(content)) !== id) throw archiveErrors.invalid();
    assets.push({ id, name: asset.name, bytes: content });
  }
  return { draft: { status: draft.status, article: draft.article, createdAt: draft.createdAt, revisions }, assets };
}

function unpack(bytes: Uint8Array, limits: ArchiveLimits): Map<string, Uint8Array> {
  const seen = new Set<string>();
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        const isJson = file.name === MANIFEST || file.name === DRAFT || file.name === REVISIONS;
        if (!isJson && !ASSET_ENTRY.test(file.name)) throw archiveErrors.invalid();
        if (seen.has(file.name)) throw archiveErrors.invalid();
        seen.add(file.name);
        if (seen.size > limits.maxEntries) throw archiveErrors.invalid();
        const limit = isJson ? limits.maxJsonBytes : limits.maxAssetBytes;
        // The declared size bounds what is inflated (fflate inflates into a buffer of exactly
        // that size), and the stored size bounds what is copied.
        if (file.originalSize > limit || file.size > limit) throw archiveErrors.tooLarge(Math.floor(limit / MB));
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw archiveErrors.tooLarge(Math.floor(limits.maxTotalBytes / MB));
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw archiveErrors.invalid();
  }
  if (![MANIFEST, DRAFT, REVISIONS].every((name) => seen.has(name))) throw archiveErrors.invalid();
  return new Map(Object.entries(files));
}

function json(bytes: Uint8Array | undefined): unknown {
  if (!bytes) throw archiveErrors.invalid();
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw archiveErrors.invalid();
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw archiveErrors.invalid();
  return result.data;
}

export interface ImportDeps {
  store: AssetStore;
  // Creates the new draft (a new id) with its revisions; see ImportedDraft.
  importDraft: (draft: ImportedDraft) => Draft;
  maxFileMb: number;
  limits?: ArchiveLimits;
}

// Reads and checks the whole file, then stores its assets and creates the draft. Every asset's
// type is checked before the first is stored, so a file refused for one bad asset adds nothing.
export async function importDraftArchive(deps: ImportDeps, bytes: Uint8Array): Promise<Draft> {
  const archive = await readDraftArchive(bytes, deps.limits ?? defaultLimits(deps.maxFileMb));
  for (const asset of archive.assets) acceptFile(asset.name, asset.bytes, 'attachment', deps.maxFileMb);
  for (const asset of archive.assets) await deps.store.import(asset.name, asset.bytes, 'attachment');
  return deps.importDraft(archive.draft);
}
