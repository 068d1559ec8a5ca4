import { type FileType, fileType } from './file-types.ts';
import { classifyZip } from './zip-contents.ts';

// What a file is, read from its bytes. Names and the type a browser reports are whatever the
// sender chose; the first bytes of a format are not. Small hand-written checks, each the
// format's own signature, rather than a dependency that knows hundreds of formats we refuse.

export type Sniffed = { type: FileType } | { damaged: true } | undefined;

export function sniff(bytes: Uint8Array): Sniffed {
  const kind = magic(bytes);
  if (kind === 'zip') return zipKind(bytes);
  if (kind) return { type: fileType(kind) };
  if (isText(bytes)) return { type: fileType('txt') };
  return undefined;
}

function magic(bytes: Uint8Array) {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  // Little- and big-endian TIFF, and BigTIFF.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  const iso = isoMediaKind(bytes);
  if (iso) return iso;
  // The PDF header may follow a little junk (the specification allows it in the first 1 KB).
  if (ascii(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return isHwp(bytes) ? 'hwp' : undefined;
  // A zip's first local header, or the end record of an empty one.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  return undefined;
}

// HEIC, HEIF and AVIF are ISO base media files: an `ftyp` box naming the brands the file
// follows. The major brand says what it is; `mif1`/`msf1` (generic image file) leaves it to the
// compatible brands. Anything else in that box (MP4 video, QuickTime) is not a photo.
function isoMediaKind(bytes: Uint8Array): 'avif' | 'heic' | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return undefined;
  const boxSize = readUint32(bytes, 0);
  if (boxSize < 16 || boxSize > Math.min(bytes.length, 4096)) return undefined;
  const major = ascii(bytes, 8, 12);
  const compatible = new Set<string>();
  for (let at = 16; at + 4 <= boxSize; at += 4) compatible.add(ascii(bytes, at, at + 4));
  if (major === 'avif' || major === 'avis') return 'avif';
  if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(major)) return 'heic';
  if (major === 'mif1' || major === 'msf1') {
    if (compatible.has('avif') || compatible.has('avis')) return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx'].some((brand) => compatible.has(brand))) return 'heic';
  }
  return undefined;
}

// HWP 5 is an OLE compound file, the same container as .doc, .xls and .msi. What makes it HWP
// is its FileHeader stream, which starts with this signature and, being small, sits
// uncompressed in the container's mini stream where a byte search finds it.
const HWP_SIGNATURE = Buffer.from('HWP Document File', 'ascii');

function isHwp(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(HWP_SIGNATURE) !== -1;
}

function zipKind(bytes: Uint8Array): Sniffed {
  const kind = classifyZip(bytes);
  return kind === 'damaged' ? { damaged: true } : { type: fileType(kind) };
}

// Text is UTF-8 (with or without a byte-order mark), UTF-16 with one, or a legacy 8-bit
// encoding such as CP949, in which Korean Windows still saves .txt files: bytes that are not
// valid UTF-8 but hold no control characters a text file never has. A NUL anywhere means binary.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function isText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return bytes.length % 2 === 0;
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return !hasBinaryControls(bytes);
  }
}

// Tab, line feed, form feed, carriage return and the old DOS end-of-file mark are what text
// holds below 0x20; anything else there is a binary file's.
function hasBinaryControls(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a && byte !== 0x1b) return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}
