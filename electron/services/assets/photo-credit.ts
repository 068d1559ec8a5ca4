// The photographer and copyright written into a photo by the camera or the photo desk: the
// two things that must stay on a published photo when everything private comes off. Read from
// the EXIF block's first directory (IFD0), where both tags live.

export interface PhotoCredit {
  artist: string | undefined;
  copyright: string | undefined;
}

const ARTIST = 0x013b;
const COPYRIGHT = 0x8298;
const MAX_TEXT = 2000;

export function readPhotoCredit(exif: Uint8Array | undefined): PhotoCredit {
  const none = { artist: undefined, copyright: undefined };
  if (!exif) return none;
  try {
    return readIfd0(exif);
  } catch {
    // A mangled EXIF block has no credit we can trust; the photo itself is still fine.
    return none;
  }
}

function readIfd0(exif: Uint8Array): PhotoCredit {
  const data = Buffer.from(exif.buffer, exif.byteOffset, exif.byteLength);
  // JPEG's APP1 carries "Exif\0\0" before the TIFF header; other containers give the header.
  const base = data.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const order = data.subarray(base, base + 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return { artist: undefined, copyright: undefined };
  const little = order === 'II';
  const u16 = (at: number) => (little ? data.readUInt16LE(base + at) : data.readUInt16BE(base + at));
  const u32 = (at: number) => (little ? data.readUInt32LE(base + at) : data.readUInt32BE(base + at));
  const ifd = u32(4);
  const entries = u16(ifd);
  const found: PhotoCredit = { artist: undefined, copyright: undefined };
  for (let index = 0; index < entries; index++) {
    const entry = ifd + 2 + index * 12;
    const tag = u16(entry);
    if (tag !== ARTIST && tag !== COPYRIGHT) continue;
    const type = u16(entry + 2);
    // ASCII, BYTE or UNDEFINED: one byte per count.
    if (type !== 2 && type !== 1 && type !== 7) continue;
    const count = Math.min(u32(entry + 4), MAX_TEXT * 4);
    const at = count <= 4 ? entry + 8 : u32(entry + 8);
    const text = decodeText(data.subarray(base + at, base + at + count));
    if (tag === ARTIST) found.artist = text;
    else found.copyright = text;
  }
  return found;
}

// The standard says ASCII; cameras and photo desks write UTF-8 (Korean names), and older
// software Latin-1. Copyright may hold two parts, photographer's and editor's, split by a NUL.
function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = Buffer.from(bytes).toString('latin1');
  }
  const parts = text
    .split('\0')
    // eslint-disable-next-line no-control-regex
    .map((part) => part.replace(/[\u0001-\u001f\u007f]/g, '').trim())
    .filter((part) => part.length > 0 && part !== ' ');
  const joined = parts.join(' / ').slice(0, MAX_TEXT);
  return joined.length > 0 ? joined : undefined;
}
