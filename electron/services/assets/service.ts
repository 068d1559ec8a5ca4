import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssetInfo, AssetPurpose, AssetStatus, MediaPreferences } from '../../model/asset.ts';
import type { Draft } from '../../model/article.ts';
import { toStorageError } from '../drafts/storage-errors.ts';
import { AssetStore, type Derivative } from './asset-store.ts';
import type { DerivativeOptions } from './derivative.ts';
import type { ImportedDraft } from './draft-archive-format.ts';
import { type ChooseSavePath, type DraftSource, exportDraft } from './draft-export.ts';
import { type ArchiveLimits, importDraftArchive } from './draft-import.ts';
import { type CollectionReport, GarbageCollector, GRACE_MS, type ReferenceSource } from './garbage.ts';
import { type FileOpener, openCopy, sweepOpenCopies } from './open-copy.ts';

export interface AssetsServiceDeps {
  dataDir: string;
  media: () => MediaPreferences;
  opener: FileOpener;
  chooseSavePath: ChooseSavePath;
  // The databases whose drafts may refer to assets (drafts.db, then its backups). Throws while
  // drafts.db is not open, which stops garbage collection.
  referenceSources: () => ReferenceSource[];
  drafts: DraftSource & { importDraft(draft: ImportedDraft): Draft };
  now?: () => Date;
  // Where copies opened in the OS's apps go (a folder of the system's temporary folder).
  openCopiesDir?: string;
  // The first collection after start, once the window is up and the writer is at work.
  startupCollectionDelayMs?: number;
  archiveLimits?: ArchiveLimits;
  onError?: (error: unknown) => void;
}

const DAY_MS = 24 * 60 * 60_000;

// Photos and attachments as the rest of the app sees them: the store, opening a file in the
// OS's app, collecting what no draft needs, and a draft as one file to hand to someone else.
export class AssetsService {
  readonly store: AssetStore;
  readonly #deps: AssetsServiceDeps;
  readonly #collector: GarbageCollector;
  readonly #openCopies: string;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(deps: AssetsServiceDeps) {
    this.#deps = deps;
    const now = deps.now ?? (() => new Date());
    this.store = new AssetStore({ root: join(deps.dataDir, 'assets'), media: deps.media, now });
    this.#openCopies = deps.openCopiesDir ?? join(tmpdir(), 'pressroom-open');
    this.#collector = new GarbageCollector({
      store: this.store,
      sources: deps.referenceSources,
      now,
      graceMs: GRACE_MS,
      ...(deps.onError ? { onError: deps.onError } : {}),
    });
    // In the background, never before the window has had its first requests answered.
    this.collectSoon(deps.startupCollectionDelayMs ?? 15_000);
  }

  import(name: string, bytes: Uint8Array, purpose: AssetPurpose): Promise<AssetInfo> {
    return diskErrors(this.store.import(name, bytes, purpose));
  }

  check(ids: readonly string[]): Promise<AssetStatus[]> {
    return this.store.check(ids);
  }

  async open(id: string, name: string): Promise<void> {
    await openCopy(this.store, id, name, this.#deps.opener, this.#openCopies);
  }

  thumbnail(id: string): Promise<Buffer | null> {
    return this.store.thumbnail(id);
  }

  // For publishing: the photo scaled to the configured long edge with private metadata removed
  // (by default); options override the preferences.
  derivative(id: string, options?: Partial<DerivativeOptions>): Promise<Derivative> {
    return this.store.derivative(id, options);
  }

  async collectGarbage(): Promise<CollectionReport> {
    const report = await this.#collector.collect();
    sweepOpenCopies(this.#openCopies, this.#now().getTime() - DAY_MS);
    return report;
  }

  // After drafts were purged: soon, and once for a burst of purges (emptying the trash), in the
  // background.
  collectSoon(delayMs = 2000): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.collectGarbage().catch((error: unknown) => (this.#deps.onError ?? console.error)(error));
    }, delayMs);
    // Never what keeps the app (or a test) from exiting.
    this.#timer.unref?.();
  }

  exportDraft(draftId: string): Promise<{ saved: boolean }> {
    const deps = { drafts: this.#deps.drafts, store: this.store, chooseSavePath: this.#deps.chooseSavePath, now: () => this.#now() };
    return diskErrors(exportDraft(deps, draftId));
  }

  importDraft(bytes: Uint8Array): Promise<Draft> {
    const deps = {
      store: this.store,
      importDraft: (draft: ImportedDraft) => this.#deps.drafts.importDraft(draft),
      maxFileMb: this.#deps.media().maxFileMb,
      ...(this.#deps.archiveLimits ? { limits: this.#deps.archiveLimits } : {}),
    };
    return diskErrors(importDraftArchive(deps, bytes));
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#collector.close();
  }

  #now(): Date {
    return (this.#deps.now ?? (() => new Date()))();
  }
}

// A full disk or a read-only folder reaches the writer as what it is ("the disk is full"), in
// their language, as it does for drafts; anything else stays for the dispatcher to log.
async function diskErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toStorageError(error);
  }
}
