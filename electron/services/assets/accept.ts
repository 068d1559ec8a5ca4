import type { AssetPurpose } from '../../model/asset.ts';
import { assetErrors } from './asset-errors.ts';
import { type FileType, kindOfExtension } from './file-types.ts';
import { extensionOf, safeName, withExtension } from './safe-name.ts';
import { sniff } from './sniff.ts';

export interface Accepted {
  type: FileType;
  // The safe name, with the type's extension added when it had none, so the OS knows what
  // opens it.
  name: string;
}

export const MB = 1024 * 1024;

// Decides whether a file may enter the store, before anything is written: the size, the type
// read from the bytes, whether the name agrees with it, and whether it fits the purpose.
export function acceptFile(rawName: string, bytes: Uint8Array, purpose: AssetPurpose, maxFileMb: number): Accepted {
  if (bytes.byteLength > maxFileMb * MB) throw assetErrors.tooLarge(maxFileMb);
  let name = safeName(rawName);
  const sniffed = sniff(bytes);
  if (!sniffed) throw assetErrors.unsupportedType(name);
  if ('damaged' in sniffed) throw assetErrors.damagedFile(name);
  const { type } = sniffed;
  const extension = extensionOf(name);
  if (extension === undefined) name = withExtension(name, type.extensions[0]!);
  else checkExtension(type, extension, name);
  if (purpose === 'image' && !type.image) throw assetErrors.unsupportedType(name);
  return { type, name };
}

function checkExtension(type: FileType, extension: string, name: string): void {
  if (type.extensions.includes(extension)) return;
  const named = kindOfExtension(extension);
  // A name no supported type goes by (.exe, .doc, .md): the file is not one we take, whatever
  // its bytes resemble.
  if (!named) throw assetErrors.unsupportedType(name);
  // A photo saved under another photo format's extension (a PNG screenshot named .jpg) is still
  // the photo the writer meant; so is any zip-based document named .zip.
  if (named.family === 'image' && type.family === 'image') return;
  if (named.kind === 'zip' && type.family === 'zip') return;
  throw assetErrors.typeMismatch(name);
}
