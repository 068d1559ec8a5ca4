import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Draft } from '../../model/article.ts';
import type { Revision, RevisionSummary } from '../../model/revision.ts';
import type { AssetStore } from './asset-store.ts';
import { type Writable, writeAtomic } from './atomic-write.ts';
import {
  ARCHIVE_EXTENSION,
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchivedDraft,
  type ArchivedRevision,
  DRAFT,
  MANIFEST,
  type Manifest,
  REVISIONS,
} from './draft-archive-format.ts';
import { assetIdsIn } from './references.ts';
import { safeName, withExtension } from './safe-name.ts';

// What export reads of a draft: the drafts service's own methods.
export interface DraftSource {
  get(id: string): Draft;
  listRevisions(draftId: string): RevisionSummary[];
  getRevision(id: number): Revision;
}

// Where the writer wants the file: main shows the save dialog; null when they cancelled.
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

export interface ExportDeps {
  drafts: DraftSource;
  store: AssetStore;
  chooseSavePath: ChooseSavePath;
  now: () => Date;
}

// Writes the draft, its history and every asset they refer to into one file. The file is
// written under a temporary name beside the chosen one and renamed when complete, so a full
// disk or a crash never leaves a half file under the name the writer will send.
export async function exportDraft(deps: ExportDeps, draftId: string): Promise<{ saved: boolean }> {
  const draft = deps.drafts.get(draftId);
  const revisions = deps.drafts
    .listRevisions(draftId)
    .reverse()
    .map((summary) => deps.drafts.getRevision(summary.id));
  const path = await deps.chooseSavePath(suggestedName(draft));
  if (path === null) return { saved: false };

  const ids = assetIdsIn(JSON.stringify(draft.article));
  for (const revision of revisions) assetIdsIn(JSON.stringify(revision.article), ids);
  // Assets already missing or damaged here are left out; the receiver's editor shows them
  // missing, as this one does.
  const assets: Manifest['assets'] = [];
  for (const id of [...ids].sort()) {
    if ((await deps.store.state(id)) !== 'ok') continue;
    const record = await deps.store.record(id);
    const size = record?.size ?? (await stat(deps.store.layout.original(id))).size;
    const mime = record?.mime ?? (await deps.store.typeOf(id))?.mime ?? 'application/octet-stream';
    assets.push({ id, size, mime, name: record?.name ?? id });
  }

  const manifest: Manifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: deps.now().toISOString(), assets };
  const archivedDraft: ArchivedDraft = { status: draft.status, article: draft.article, createdAt: draft.createdAt, updatedAt: draft.updatedAt };
  const archivedRevisions: ArchivedRevision[] = revisions.map(({ revision, reason, status, createdAt, article }) => ({
    revision,
    reason,
    status,
    createdAt,
    article,
  }));

  await writeAtomic(path, async (file) => {
    const zip = new ZipStream(file);
    await zip.json(MANIFEST, manifest);
    await zip.json(DRAFT, archivedDraft);
    await zip.json(REVISIONS, archivedRevisions);
    for (const asset of assets) await zip.file(`assets/${asset.id}`, deps.store.layout.original(asset.id));
    await zip.end();
  });
  return { saved: true };
}

// The headline (or "draft") as a file name, with the format's extension.
function suggestedName(draft: Draft): string {
  const headline = draft.article.headline.trim().slice(0, 80);
  return withExtension(safeName(headline || 'draft'), ARCHIVE_EXTENSION);
}

// fflate's streaming zip writer, drained into the file after each piece, so a draft with a
// hundred large photos is never whole in memory. Photos are stored as they are (they are
// compressed already); the JSON is deflated.
class ZipStream {
  readonly #file: Writable;
  readonly #zip: Zip;
  readonly #pending: Uint8Array[] = [];
  #error: Error | null = null;

  constructor(file: Writable) {
    this.#file = file;
    this.#zip = new Zip((error, chunk) => {
      if (error) this.#error = error;
      else this.#pending.push(chunk);
    });
  }

  async json(name: string, value: unknown): Promise<void> {
    const entry = new ZipDeflate(name, { level: 6 });
    this.#zip.add(entry);
    entry.push(new TextEncoder().encode(JSON.stringify(value)), true);
    await this.#drain();
  }

  async file(name: string, path: string): Promise<void> {
    const entry = new ZipPassThrough(name);
    this.#zip.add(entry);
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      entry.push(chunk as Buffer);
      await this.#drain();
    }
    entry.push(new Uint8Array(0), true);
    await this.#drain();
  }

  async end(): Promise<void> {
    this.#zip.end();
    await this.#drain();
  }

  async #drain(): Promise<void> {
    if (this.#error) throw this.#error;
    while (this.#pending.length > 0) await this.#file.write(this.#pending.shift()!);
  }
}
