import { extensionOf } from '../../editor/media/files.ts';

// How the attachment list names, sizes and types its files: plain functions, tested alone.

// What the file chooser offers. Main checks every file's bytes whatever the chooser allowed.
export const ATTACHMENT_ACCEPT = '.pdf,.hwp,.hwpx,.docx,.xlsx,.pptx,.zip,.txt,image/*,.heic,.heif';

export const MAX_ATTACHMENTS = 100;
export const MAX_NAME_LENGTH = 255;

export type AttachmentKind = 'pdf' | 'hwp' | 'hwpx' | 'docx' | 'xlsx' | 'pptx' | 'zip' | 'txt' | 'image' | 'other';

const BY_MIME: Record<string, AttachmentKind> = {
  'application/pdf': 'pdf',
  'application/x-hwp': 'hwp',
  'application/haansofthwp': 'hwp',
  'application/vnd.hancom.hwp': 'hwp',
  'application/hwp+zip': 'hwpx',
  'application/vnd.hancom.hwpx': 'hwpx',
  'application/haansofthwpx': 'hwpx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  'text/plain': 'txt',
};

const BY_EXTENSION: Record<string, AttachmentKind> = {
  pdf: 'pdf',
  hwp: 'hwp',
  hwpx: 'hwpx',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  zip: 'zip',
  txt: 'txt',
};

// The type shown in the list: from the type main read in the bytes, else from the name.
export function attachmentKind(name: string, mime: string): AttachmentKind {
  const type = mime.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('image/')) return 'image';
  const fromMime = BY_MIME[type];
  // A .docx, .xlsx, .pptx or .hwpx is a ZIP inside; the name says which when the type is ZIP.
  const fromName = BY_EXTENSION[extensionOf(name)];
  if (fromMime === 'zip' && fromName && fromName !== 'zip') return fromName;
  return fromMime ?? fromName ?? 'other';
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;
export type SizeUnit = (typeof UNITS)[number];

// A size as people read it, in 1024 steps as Windows and Finder's "KB" do: 812 B, 4.2 KB, 18 MB.
export function splitSize(bytes: number): { value: number; unit: SizeUnit } {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal under 10, none above: 4.2 KB, 18 MB, and never "1024 KB".
  const rounded = unit === 0 ? Math.round(value) : value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  if (rounded >= 1024 && unit < UNITS.length - 1) return { value: 1, unit: UNITS[unit + 1]! };
  return { value: rounded, unit: UNITS[unit]! };
}

export function formatSize(bytes: number, locale: string): string {
  const { value, unit } = splitSize(bytes);
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

export type RenameResult = { ok: true; name: string } | { ok: false; reason: 'empty' | 'tooLong' };

// The name the writer typed for a file, made safe to show and to give the file when a reader
// downloads it: no control characters or path separators, NFC, and the extension kept when the
// writer typed the name without it (or with another one).
export function renameAttachment(current: string, typed: string): RenameResult {
  // eslint-disable-next-line no-control-regex
  let name = typed.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').replace(/[/\\]/g, '-').replace(/\s+/g, ' ').trim();
  name = name.replace(/^\.+/, '').trim();
  if (name === '') return { ok: false, reason: 'empty' };
  // The file stays what it is: "보도자료" becomes "보도자료.pdf", "보도자료.hwp" "보도자료.hwp.pdf".
  const extension = extensionOf(current);
  if (extension && !name.toLowerCase().endsWith(`.${extension}`)) name = `${name}.${extension}`;
  if (name.length > MAX_NAME_LENGTH) return { ok: false, reason: 'tooLong' };
  return { ok: true, name };
}
