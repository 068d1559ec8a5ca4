import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';

// What the store learnt about a file when it came in, kept beside it as a small JSON file (no
// database table: the store stands on its own, and a record lost with its folder is rebuilt
// from the bytes on the next import). Written last, so a record means the asset is complete.
export const AssetRecord = z.object({
  version: z.literal(1),
  mime: z.string().max(200),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  // The name it first came in under; each import answers with its own name.
  name: z.string().max(1024),
  // Whether the editor's thumbnail was made (images that decoded).
  thumbnail: z.boolean(),
});
export type AssetRecord = z.infer<typeof AssetRecord>;

export async function readRecord(path: string): Promise<AssetRecord | undefined> {
  try {
    const parsed = AssetRecord.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(path: string, record: AssetRecord): Promise<void> {
  return writeFileAtomic(path, Buffer.from(JSON.stringify(record)));
}
