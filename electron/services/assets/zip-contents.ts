import { unzipSync } from 'fflate';

// HWPX, DOCX, XLSX and PPTX are all zip files; what tells them apart is inside. Only the zip's
// central directory is read (names and sizes), plus HWPX's tiny `mimetype` entry: nothing else
// is decompressed, so a zip bomb costs no more to classify than any other zip.
export type ZipKind = 'hwpx' | 'docx' | 'xlsx' | 'pptx' | 'zip';

const MIMETYPE_MAX_BYTES = 256;

export function classifyZip(bytes: Uint8Array): ZipKind | 'damaged' {
  const names = new Set<string>();
  let mimetype: Uint8Array | undefined;
  try {
    const files = unzipSync(bytes, {
      filter(file) {
        names.add(file.name);
        return file.name === 'mimetype' && file.originalSize <= MIMETYPE_MAX_BYTES && file.size <= MIMETYPE_MAX_BYTES;
      },
    });
    mimetype = Object.hasOwn(files, 'mimetype') ? files.mimetype : undefined;
  } catch {
    return 'damaged';
  }
  if (mimetype && new TextDecoder().decode(mimetype).trim() === 'application/hwp+zip') return 'hwpx';
  if (names.has('[Content_Types].xml')) {
    const under = (folder: string) => [...names].some((name) => name.startsWith(folder));
    if (under('word/')) return 'docx';
    if (under('xl/')) return 'xlsx';
    if (under('ppt/')) return 'pptx';
  }
  return 'zip';
}
