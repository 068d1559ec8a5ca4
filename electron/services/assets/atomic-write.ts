import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Temporary files start with this, so a sweep can tell the leftovers of a crash from assets.
export const TEMP_PREFIX = '.tmp-';

// Written under a temporary name in the same folder, flushed to the disk, then renamed over the
// final name: a reader (or the next start after a power cut) sees the old file or the whole
// new one, never part of it. The folder is flushed too, so the new name itself survives.
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  await writeAtomic(path, async (handle) => {
    await handle.writeFile(data);
  });
}

export interface Writable {
  write(chunk: Uint8Array): Promise<unknown>;
}

// The same, for a file produced a piece at a time (an exported draft).
export async function writeAtomic(path: string, produce: (file: Writable & { writeFile(data: Uint8Array): Promise<void> }) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${TEMP_PREFIX}${basename(path).slice(0, 40)}-${randomUUID()}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      await produce({ write: (chunk) => handle.write(chunk), writeFile: (data) => handle.writeFile(data) });
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

// Folders cannot be opened for flushing on Windows; there the rename is as durable as NTFS
// makes it.
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // A folder that cannot be flushed (some network file systems) still holds the file.
  }
}
