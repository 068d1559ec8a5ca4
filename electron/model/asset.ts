import { z } from 'zod';

// Photos and files kept in the local asset store, named by the sha256 of their bytes: the same
// photo dropped twice is stored once, and a name can never point outside the store.
export const AssetId = z.string().regex(/^[0-9a-f]{64}$/, 'asset.invalidId');
export type AssetId = z.infer<typeof AssetId>;

// What the writer meant the file for: a photo in the body, or a file readers download.
export const AssetPurpose = z.enum(['image', 'attachment']);
export type AssetPurpose = z.infer<typeof AssetPurpose>;

export const AssetInfo = z.object({
  id: AssetId,
  // The type read from the bytes, not from the name.
  mime: z.string(),
  size: z.number().int().nonnegative(),
  // The file's name made safe to show and to write anywhere (no separators, no control
  // characters, no reserved names).
  name: z.string(),
  // Images only: the size after the camera's orientation is applied.
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});
export type AssetInfo = z.infer<typeof AssetInfo>;

// One file in the article's attachment list (첨부파일), in the order the writer chose.
export const Attachment = z.object({
  assetId: AssetId,
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  mime: z.string().max(200),
});
export type Attachment = z.infer<typeof Attachment>;

export const AssetState = z.enum(['ok', 'missing', 'damaged']);
export const AssetStatus = z.object({ id: AssetId, state: AssetState });
export type AssetStatus = z.infer<typeof AssetStatus>;

// Media limits and publishing derivatives, in the preferences.
export const MediaPreferences = z.object({
  maxFileMb: z.number().int().min(1).max(2048).default(100),
  publishLongEdge: z.number().int().min(320).max(10_000).default(2400),
  // GPS position and the camera owner's name come off published photos unless the writer
  // turns this off; copyright and credit always stay.
  stripPrivateMetadata: z.boolean().default(true),
});
export type MediaPreferences = z.infer<typeof MediaPreferences>;
