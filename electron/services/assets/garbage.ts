import type { DatabaseSync } from 'node:sqlite';
import type { AssetStore } from './asset-store.ts';
import { hasDrafts, referencedAssets, referencedSince, ScanCancelled } from './references.ts';

// A database whose drafts may refer to assets: drafts.db itself (live), and each rolling backup,
// since restoring a backup brings back drafts purged since, and their photos must still be
// there. open() answers undefined when the file is gone (a backup rotated out meanwhile).
export interface ReferenceSource {
  live: boolean;
  open(): DatabaseSync | undefined;
}

export interface CollectionReport {
  removed: string[];
  kept: number;
  // Why nothing was removed, when that was decided up front.
  skipped?: 'storage_unavailable' | 'no_drafts' | 'source_unreadable' | 'cancelled';
}

export interface GarbageCollectorOptions {
  store: AssetStore;
  // Throws while drafts.db is not open (needs recovery, unavailable): nothing is collected then.
  sources: () => ReferenceSource[];
  now: () => Date;
  // An asset imported this recently is never removed: the writer may have just dropped it and
  // the autosave that refers to it not yet landed.
  graceMs?: number;
  onError?: (error: unknown) => void;
}

export const GRACE_MS = 60 * 60_000;

// Removes the assets no draft, revision or backup refers to, after their drafts were purged.
// Runs in the background: the scan reads a batch of rows, then lets main answer the windows.
// When in doubt it keeps: an unreadable source, an empty library (a database replaced by an
// empty one) or a closing app all stop it before anything is removed.
export class GarbageCollector {
  readonly #options: GarbageCollectorOptions;
  #running: Promise<CollectionReport> | undefined;
  #queued: Promise<CollectionReport> | undefined;
  #closed = false;

  constructor(options: GarbageCollectorOptions) {
    this.#options = options;
  }

  // One collection at a time. Asked for during one, another runs after it (one, however many
  // asked), so a purge made while the scan was past its draft is not missed.
  collect(): Promise<CollectionReport> {
    if (!this.#running) {
      this.#running = this.#collect().finally(() => {
        this.#running = undefined;
      });
      return this.#running;
    }
    this.#queued ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return this.collect();
      });
    return this.#queued;
  }

  // Stops a collection under way before it removes anything.
  close(): void {
    this.#closed = true;
  }

  async #collect(): Promise<CollectionReport> {
    const startedAt = this.#options.now();
    let sources: ReferenceSource[];
    try {
      sources = this.#options.sources();
    } catch {
      return { removed: [], kept: 0, skipped: 'storage_unavailable' };
    }
    const referenced = new Set<string>();
    let live: DatabaseSync | undefined;
    try {
      for (const source of sources) {
        let db: DatabaseSync | undefined;
        try {
          db = source.open();
        } catch (error) {
          (this.#options.onError ?? console.error)(error);
          return { removed: [], kept: 0, skipped: 'source_unreadable' };
        }
        if (!db) continue;
        if (source.live) {
          live = db;
          if (!hasDrafts(db)) return { removed: [], kept: 0, skipped: 'no_drafts' };
        }
        try {
          for (const id of await referencedAssets(db, { pause, cancelled: () => this.#closed })) referenced.add(id);
        } catch (error) {
          if (error instanceof ScanCancelled) return { removed: [], kept: 0, skipped: 'cancelled' };
          (this.#options.onError ?? console.error)(error);
          return { removed: [], kept: 0, skipped: 'source_unreadable' };
        } finally {
          if (!source.live) db.close();
        }
      }
      if (this.#closed) return { removed: [], kept: 0, skipped: 'cancelled' };
      return this.#removeUnreferenced(referenced, live, startedAt);
    } finally {
      live?.close();
    }
  }

  // Synchronous from the last look at the database to the last removal: no save, and no import
  // (which touches its asset first), can come between.
  #removeUnreferenced(referenced: Set<string>, live: DatabaseSync | undefined, startedAt: Date): CollectionReport {
    const { store } = this.#options;
    const grace = this.#options.graceMs ?? GRACE_MS;
    if (live) for (const id of referencedSince(live, startedAt.toISOString())) referenced.add(id);
    const now = this.#options.now().getTime();
    const removed: string[] = [];
    let kept = 0;
    for (const id of store.ids()) {
      if (referenced.has(id) || now - store.lastImported(id) < grace) {
        kept++;
        continue;
      }
      store.removeNow(id);
      removed.push(id);
    }
    store.sweepTemporaries(now - grace);
    return { removed, kept };
  }
}

function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
