import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { assetErrors } from './asset-errors.ts';
import type { AssetStore } from './asset-store.ts';
import { extensionOf, safeName, withExtension } from './safe-name.ts';

// How the OS opens a file with its own app: Electron's shell.openPath in the app, a recorder in
// tests. Resolves to an error message, or '' when the file was handed over.
export interface FileOpener {
  openPath(path: string): Promise<string>;
}

// Opens a copy of the stored file, never the original: the app the OS picks may save over what
// it opened, and the store's files must stay what their hashes say. The copy is named as the
// writer named the attachment, in a folder of its own so two attachments with one name never
// overwrite each other.
//
// The extension always comes from the type the bytes are, not from the shown name: the name is
// free text (and may come from someone else's exported draft), and a text file named
// "invoice.bat" or "photo.exe" handed to the OS would be run, not shown. It becomes
// "invoice.bat.txt".
export async function openCopy(store: AssetStore, id: string, shownName: string, opener: FileOpener, root: string): Promise<void> {
  const state = await store.state(id);
  if (state === 'missing') throw assetErrors.notFound();
  if (state === 'damaged') throw assetErrors.damaged();
  const type = await store.typeOf(id);
  if (!type) throw assetErrors.unsupportedType(safeName(shownName));
  let name = safeName(shownName);
  const extension = extensionOf(name);
  if (!extension || !type.extensions.includes(extension)) name = withExtension(name, type.extensions[0]!);
  const folder = join(root, randomUUID());
  await mkdir(folder, { recursive: true });
  const target = join(folder, name);
  try {
    await copyVerified(store.layout.original(id), target, id);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const problem = await opener.openPath(target);
  if (problem) throw assetErrors.openFailed(problem);
}

// Copied and hashed in one pass: the copy is exactly the bytes the id names, or none is left.
async function copyVerified(source: string, target: string, id: string): Promise<void> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(source), tap, createWriteStream(target, { flags: 'wx' }));
  } catch {
    throw assetErrors.notFound();
  }
  if (hash.digest('hex') !== id) throw assetErrors.damaged();
}

// Copies opened more than a day ago: the app that showed them has long closed. One still held
// open (Windows locks it) stays for the next sweep.
export function sweepOpenCopies(root: string, before: number): void {
  let folders: string[];
  try {
    folders = readdirSync(root);
  } catch {
    return;
  }
  for (const folder of folders) {
    const path = join(root, folder);
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { recursive: true, force: true });
    } catch {
      // In use or gone: left as it is.
    }
  }
}
