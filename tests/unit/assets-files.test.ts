import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../electron/model/errors.ts';
import { acceptFile } from '../../electron/services/assets/accept.ts';
import { safeName } from '../../electron/services/assets/safe-name.ts';
import { sniff } from '../../electron/services/assets/sniff.ts';
import { imageIn } from '../support/photos.ts';

// What a file is (from its bytes), whether its name agrees, and the name it is kept under.

const kindOf = (bytes: Uint8Array) => {
  const sniffed = sniff(bytes);
  return sniffed && 'type' in sniffed ? sniffed.type.kind : sniffed;
};

function refusal(work: () => unknown): { code: string; messageKey: string; params?: Record<string, unknown> } {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.toPayload();
    throw error;
  }
  throw new Error('expected a refusal');
}

const ole = (extra: string) => {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  Buffer.from(extra, 'ascii').copy(bytes, 1024);
  return bytes;
};

const hwpx = () => zipSync({ mimetype: [strToU8('application/hwp+zip'), { level: 0 }], 'Contents/section0.xml': strToU8('<hs:sec/>') });
const office = (folder: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [`${folder}/document.xml`]: strToU8('<x/>') });
const pdf = () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('the type of a file, read from its bytes', () => {
  test('tells every image format apart', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif'] as const) {
      expect(kindOf(await imageIn(format, 32, 24))).toBe(format);
    }
    expect(kindOf(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'assets', 'photo.heic')))).toBe('heic');
  });

  test('tells documents apart: PDF, HWP (and not any OLE file), the zip family, text', () => {
    expect(kindOf(pdf())).toBe('pdf');
    expect(kindOf(ole('HWP Document File'))).toBe('hwp');
    // A .doc or .xls is the same container without HWP's signature: not something we take.
    expect(kindOf(ole('Microsoft Word'))).toBeUndefined();
    expect(kindOf(hwpx())).toBe('hwpx');
    expect(kindOf(office('word'))).toBe('docx');
    expect(kindOf(office('xl'))).toBe('xlsx');
    expect(kindOf(office('ppt'))).toBe('pptx');
    expect(kindOf(zipSync({ 'notes/a.txt': strToU8('a') }))).toBe('zip');
    expect(kindOf(Buffer.from('기사 초고\n둘째 줄\n'))).toBe('txt');
    // CP949 (Korean Windows' legacy encoding) is text too, though not UTF-8.
    expect(kindOf(Buffer.from([0xb1, 0xe2, 0xbb, 0xe7, 0x0d, 0x0a]))).toBe('txt');
    expect(kindOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]))).toBeUndefined();
  });

  test('a zip whose directory cannot be read is damaged, not a guess', () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    expect(sniff(broken)).toEqual({ damaged: true });
  });
});

describe('whether a file may come in', () => {
  test('a text file named .jpg is refused as a mismatch, for either purpose', () => {
    const text = Buffer.from('not a photo at all');
    expect(refusal(() => acceptFile('photo.jpg', text, 'image', 100))).toEqual({ code: 'invalid_input', messageKey: 'assets.typeMismatch', params: { name: 'photo.jpg' } });
    expect(refusal(() => acceptFile('photo.jpg', text, 'attachment', 100)).messageKey).toBe('assets.typeMismatch');
    expect(refusal(() => acceptFile('report.pdf', ole('HWP Document File'), 'attachment', 100)).messageKey).toBe('assets.typeMismatch');
  });

  test('types not taken, and documents dropped as photos, are unsupported', () => {
    expect(refusal(() => acceptFile('setup.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'attachment', 100)).messageKey).toBe('assets.unsupportedType');
    expect(refusal(() => acceptFile('notes.md', Buffer.from('# title'), 'attachment', 100)).messageKey).toBe('assets.unsupportedType');
    expect(refusal(() => acceptFile('report.pdf', pdf(), 'image', 100)).messageKey).toBe('assets.unsupportedType');
  });

  test('files over the limit are refused with the limit in the message', () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0x61);
    expect(refusal(() => acceptFile('big.txt', big, 'attachment', 2))).toEqual({ code: 'invalid_input', messageKey: 'assets.tooLarge', params: { limitMb: 2 } });
  });

  test('every supported attachment type comes in under its own name', async () => {
    const files: Array<[string, Uint8Array, string]> = [
      ['보도자료.pdf', pdf(), 'application/pdf'],
      ['공문.hwp', ole('HWP Document File'), 'application/x-hwp'],
      ['공문.hwpx', hwpx(), 'application/hwp+zip'],
      ['plan.docx', office('word'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['budget.xlsx', office('xl'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['slides.pptx', office('ppt'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['photos.zip', zipSync({ 'a.txt': strToU8('a') }), 'application/zip'],
      ['readme.txt', Buffer.from('hello'), 'text/plain'],
      ['photo.png', await imageIn('png', 8, 8), 'image/png'],
    ];
    for (const [name, bytes, mime] of files) {
      const accepted = acceptFile(name, bytes, 'attachment', 100);
      expect(accepted).toEqual({ type: expect.objectContaining({ mime }), name });
    }
  });

  test('a photo under another photo extension, or an Office file named .zip, is what it says closely enough', async () => {
    expect(acceptFile('screenshot.jpg', await imageIn('png', 8, 8), 'image', 100).type.kind).toBe('png');
    expect(acceptFile('plan.zip', office('word'), 'attachment', 100).type.kind).toBe('docx');
  });

  test('a name without an extension gets the one its bytes call for', async () => {
    expect(acceptFile('image', await imageIn('png', 8, 8), 'image', 100).name).toBe('image.png');
    expect(acceptFile('2025.03.01 회의록', pdf(), 'attachment', 100).name).toBe('2025.03.01 회의록.pdf');
  });
});

describe('safe names', () => {
  test('Korean names from macOS (NFD) are composed (NFC)', () => {
    const nfd = '부산 사진.jpg'.normalize('NFD');
    expect(nfd).not.toBe('부산 사진.jpg');
    expect(safeName(nfd)).toBe('부산 사진.jpg');
  });

  test('paths keep only their last part', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(safeName('C:\\Users\\kim\\사진.jpg')).toBe('사진.jpg');
    expect(safeName('/')).toBe('file');
    expect(safeName('..')).toBe('file');
  });

  test('Windows reserved device names are renamed, with or without an extension', () => {
    for (const name of ['CON', 'con.txt', 'PRN.pdf', 'AUX', 'NUL.txt', 'COM1', 'com9.jpg', 'LPT1.txt', 'lpt9']) {
      expect(safeName(name)).toBe(`_${name}`);
    }
    expect(safeName('CONTRACT.pdf')).toBe('CONTRACT.pdf');
  });

  test('control characters, right-to-left overrides and Windows-forbidden characters go', () => {
    expect(safeName('a\u0000b\u0007c\u001f.txt')).toBe('abc.txt');
    expect(safeName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(safeName('what? "why": <a|b>*.txt')).toBe('what_ _why__ _a_b__.txt');
  });

  test('leading dots, trailing dots and spaces go; empty becomes a default', () => {
    expect(safeName('.hidden')).toBe('hidden');
    expect(safeName('report.pdf. . ')).toBe('report.pdf');
    expect(safeName('   ')).toBe('file');
    expect(safeName('')).toBe('file');
  });

  test('at most 255 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = `${'가'.repeat(200)}.jpeg`;
    const safe = safeName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(255);
    expect(safe.endsWith('.jpeg')).toBe(true);
    expect(safe).toBe(`${'가'.repeat(83)}.jpeg`);
  });
});
