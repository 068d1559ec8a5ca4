// The kinds of file the asset store takes, each with the MIME type written to the site and the
// names it goes by. The type always comes from the bytes (see sniff.ts); the name only has to
// agree with it.

export type FileKind =
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'tiff'
  | 'avif'
  | 'heic'
  | 'pdf'
  | 'hwp'
  | 'hwpx'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'zip'
  | 'txt';

export interface FileType {
  kind: FileKind;
  mime: string;
  // The first is the one added to a name that has none.
  extensions: readonly string[];
  image: boolean;
  // Kinds that are the same container underneath: a photo saved with another photo format's
  // extension, or a DOCX named .zip, is what its name says closely enough to keep.
  family: 'image' | 'zip' | 'document' | 'text';
}

const types: readonly FileType[] = [
  { kind: 'jpeg', mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], image: true, family: 'image' },
  { kind: 'png', mime: 'image/png', extensions: ['png'], image: true, family: 'image' },
  { kind: 'gif', mime: 'image/gif', extensions: ['gif'], image: true, family: 'image' },
  { kind: 'webp', mime: 'image/webp', extensions: ['webp'], image: true, family: 'image' },
  { kind: 'tiff', mime: 'image/tiff', extensions: ['tif', 'tiff'], image: true, family: 'image' },
  { kind: 'avif', mime: 'image/avif', extensions: ['avif'], image: true, family: 'image' },
  { kind: 'heic', mime: 'image/heic', extensions: ['heic', 'heif', 'hif'], image: true, family: 'image' },
  { kind: 'pdf', mime: 'application/pdf', extensions: ['pdf'], image: false, family: 'document' },
  { kind: 'hwp', mime: 'application/x-hwp', extensions: ['hwp'], image: false, family: 'document' },
  { kind: 'hwpx', mime: 'application/hwp+zip', extensions: ['hwpx'], image: false, family: 'zip' },
  {
    kind: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    image: false,
    family: 'zip',
  },
  { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], image: false, family: 'zip' },
  {
    kind: 'pptx',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    image: false,
    family: 'zip',
  },
  { kind: 'zip', mime: 'application/zip', extensions: ['zip'], image: false, family: 'zip' },
  { kind: 'txt', mime: 'text/plain', extensions: ['txt', 'text'], image: false, family: 'text' },
];

const byKind = new Map(types.map((type) => [type.kind, type]));

export function fileType(kind: FileKind): FileType {
  return byKind.get(kind)!;
}

// The kind whose names include this extension (lower case, no dot), if any.
export function kindOfExtension(extension: string): FileType | undefined {
  return types.find((type) => type.extensions.includes(extension));
}

export function kindOfMime(mime: string): FileType | undefined {
  return types.find((type) => type.mime === mime);
}
