import type { DatabaseSync } from 'node:sqlite';

// Which assets the drafts and their revisions refer to. Figures and galleries name their photos
// as image.assetId, attachments as assetId: in the stored JSON both read "assetId":"<hash>".
// Reading that text rather than parsing each article is faster, needs no knowledge of node
// shapes, and errs the safe way (anything that looks like a reference keeps its asset).
const ASSET_REFERENCE = /"assetId"\s*:\s*"([0-9a-f]{64})"/g;

// Rows without the word are skipped inside SQLite, before any text reaches JavaScript.
const HAS_REFERENCE = `instr(article, '"assetId"') > 0`;
const BLOCK_HAS_REFERENCE = `instr(json, '"assetId"') > 0`;

export function assetIdsIn(json: string, into: Set<string> = new Set()): Set<string> {
  for (const match of json.matchAll(ASSET_REFERENCE)) into.add(match[1]!);
  return into;
}

export interface ScanOptions {
  // Rows read between two pauses.
  batchSize?: number;
  // Between batches: lets main answer the windows while a big library is scanned.
  pause?: () => Promise<void>;
  // Stops early (the app is closing); the result is then incomplete and must not be acted on.
  cancelled?: () => boolean;
}

export class ScanCancelled extends Error {}

// Every asset id in drafts.article (attachments), draft_blocks.json (a draft's body, one row per
// block: figures and galleries) and revisions.article (whole articles) of this database, a batch
// at a time.
export async function referencedAssets(db: DatabaseSync, options: ScanOptions = {}): Promise<Set<string>> {
  const ids = new Set<string>();
  const batch = options.batchSize ?? 200;
  for (const table of ['drafts', 'revisions'] as const) {
    const query = db.prepare(`SELECT rowid AS at, article FROM ${table} WHERE rowid > ? AND ${HAS_REFERENCE} ORDER BY rowid LIMIT ?`);
    let after = -1;
    for (;;) {
      if (options.cancelled?.()) throw new ScanCancelled();
      const rows = query.all(after, batch) as Array<{ at: number; article: string }>;
      for (const row of rows) assetIdsIn(row.article, ids);
      if (rows.length < batch) break;
      after = rows.at(-1)!.at;
      await options.pause?.();
    }
  }
  if (!hasBlockTable(db)) return ids;
  // A table WITHOUT ROWID: paged by its key instead.
  const query = db.prepare(
    `SELECT draft_id, block_id, json FROM draft_blocks WHERE (draft_id, block_id) > (?, ?) AND ${BLOCK_HAS_REFERENCE}
      ORDER BY draft_id, block_id LIMIT ?`,
  );
  let after = ['', ''];
  for (;;) {
    if (options.cancelled?.()) throw new ScanCancelled();
    const rows = query.all(after[0]!, after[1]!, batch) as Array<{ draft_id: string; block_id: string; json: string }>;
    for (const row of rows) assetIdsIn(row.json, ids);
    if (rows.length < batch) break;
    const last = rows.at(-1)!;
    after = [last.draft_id, last.block_id];
    await options.pause?.();
  }
  return ids;
}

// Drafts databases from before bodies were stored as blocks (and bare test tables) have none.
function hasBlockTable(db: DatabaseSync): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'draft_blocks'`).get() !== undefined;
}

// The references written since a moment (ISO time): drafts saved and revisions taken while a
// batched scan was under way, which that scan may have passed over. Read in one go, so nothing
// is saved between this and what the caller does next.
export function referencedSince(db: DatabaseSync, since: string): Set<string> {
  const ids = new Set<string>();
  const drafts = db.prepare(`SELECT article FROM drafts WHERE updated_at >= ? AND ${HAS_REFERENCE}`).all(since) as Array<{ article: string }>;
  const revisions = db.prepare(`SELECT article FROM revisions WHERE created_at >= ? AND ${HAS_REFERENCE}`).all(since) as Array<{ article: string }>;
  for (const row of [...drafts, ...revisions]) assetIdsIn(row.article, ids);
  if (hasBlockTable(db)) {
    const blocks = db
      .prepare(
        `SELECT json FROM draft_blocks WHERE draft_id IN (SELECT id FROM drafts WHERE updated_at >= ?) AND ${BLOCK_HAS_REFERENCE}`,
      )
      .all(since) as Array<{ json: string }>;
    for (const row of blocks) assetIdsIn(row.json, ids);
  }
  return ids;
}

// Whether the database holds any draft at all (in the trash or not).
export function hasDrafts(db: DatabaseSync): boolean {
  return db.prepare('SELECT 1 FROM drafts LIMIT 1').get() !== undefined;
}
