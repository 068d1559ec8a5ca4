import { z } from 'zod';

// The health of the drafts database as the renderer sees it: fine, or set aside as damaged and
// waiting for the writer to choose a backup (or, explicitly, an empty start).

// A backup is named by the moment it was taken, colons and dot replaced so the name is valid on
// every file system: drafts-2025-03-10T09-00-00-000Z.db. The id the renderer sends back is this
// file name and nothing else, so it can never point outside the backups folder.
export const BACKUP_NAME = /^drafts-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/;
export const BackupId = z.string().max(64).regex(BACKUP_NAME);

export const BackupInfo = z.object({
  id: BackupId,
  createdAt: z.string(),
  // Drafts outside the trash, what the library would list after restoring it.
  drafts: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const StorageState = z.enum(['ok', 'needs_recovery']);

export const StorageStatus = z.object({
  state: StorageState,
  // File name only (never a path): shown to the writer so they know what was kept and where.
  damagedFile: z.string().optional(),
  backups: z.array(BackupInfo),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

// null is the writer's explicit "start with no drafts"; it is never a default.
export const RecoverRequest = z.object({ backupId: BackupId.nullable() }).strict();
