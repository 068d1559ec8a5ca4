import { z } from 'zod';
import { AssetId } from '../../model/asset.ts';
import { ArticleFields, ArticleStatus } from '../../model/article.ts';
import { RevisionReason } from '../../model/revision.ts';

// A draft as one file, to hand to someone on another machine: a zip (named .pressroom) of
//
//   manifest.json     what this is (format, version) and which assets it carries
//   draft.json        the article, its status and dates
//   revisions.json    its history, oldest first
//   assets/<sha256>   each photo and attachment the article or a revision refers to
//
// A zip because every system can open one to see what is inside, and fflate reads its directory
// without decompressing anything, so sizes are checked before a byte is inflated.

export const ARCHIVE_FORMAT = 'pressroom.draft';
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_EXTENSION = 'pressroom';

export const MANIFEST = 'manifest.json';
export const DRAFT = 'draft.json';
export const REVISIONS = 'revisions.json';
export const ASSET_ENTRY = /^assets\/([0-9a-f]{64})$/;

export const ManifestHeader = z.object({ format: z.literal(ARCHIVE_FORMAT), version: z.number().int().positive() });

export const ArchivedAsset = z.object({
  id: AssetId,
  size: z.number().int().nonnegative(),
  mime: z.string().max(200),
  name: z.string().min(1).max(1024),
});

export const Manifest = ManifestHeader.extend({
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.string().max(64),
  assets: z.array(ArchivedAsset).max(5000),
});
export type Manifest = z.infer<typeof Manifest>;

export const ArchivedDraft = z.object({
  status: ArticleStatus,
  article: ArticleFields,
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64),
});
export type ArchivedDraft = z.infer<typeof ArchivedDraft>;

export const ArchivedRevision = z.object({
  revision: z.number().int().nonnegative(),
  reason: RevisionReason,
  status: ArticleStatus,
  createdAt: z.string().max(64),
  article: ArticleFields,
});
export type ArchivedRevision = z.infer<typeof ArchivedRevision>;

export const ArchivedRevisions = z.array(ArchivedRevision).max(20_000);

// What a new draft is made from on import. The drafts service creates it with a new id, in one
// transaction, the revisions with their own reasons, statuses and times.
export interface ImportedDraft {
  status: ArchivedDraft['status'];
  article: ArchivedDraft['article'];
  createdAt: string;
  revisions: ArchivedRevision[];
}
